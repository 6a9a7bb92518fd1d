/**
 * The intervention policy seam is defined once, by the journey service
 * (`../../journey/intervention-policy.ts`, pure: types and the default hint policy, no I/O), including the
 * optional facts the engine reads (user, persona threshold, session start, capabilities). The engine
 * implements it.
 */
export type { InterventionContext, InterventionPolicy } from '../../journey/intervention-policy';
