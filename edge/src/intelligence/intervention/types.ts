import type {
  FlowDefinition,
  InterventionPlan,
  InterventionRecord,
  StruggleMetrics,
} from '@smart-onboarding/protocol';

/**
 * The intervention policy seam, mirrored from the journey service (`edge/src/journey/intervention-policy.ts`),
 * plus the optional facts the engine reads when the journey object provides them. Structurally the same, so
 * `interventionEngine(...)` is usable wherever the journey takes an `InterventionPolicy`.
 */
export interface InterventionContext {
  /** The journey's pinned flow; null when the user has no journey yet (the SDK may report struggle anyway). */
  flow: FlowDefinition | null;
  report: StruggleMetrics;
  currentStepId: string | null;
  /** This journey's earlier interventions, oldest first, with outcomes when known. */
  history: readonly InterventionRecord[];
  now: number;
  random: () => number;
  newId: () => string;
  /** Needed for the holdout group; without it no one is held out. */
  userId?: string;
  /** Struggle score from which help is offered (the persona's `interventionThreshold`). */
  threshold?: number;
  /** Start of the current session; interventions before it do not count toward the session cap. */
  sessionStartedAt?: number;
  /** What can be offered here: AI help needs Azure OpenAI configured, a human needs a webhook. */
  capabilities?: { aiHelp: boolean; human: boolean };
}

export interface InterventionPolicy {
  readonly name: string;
  decide(ctx: InterventionContext): InterventionPlan;
}
