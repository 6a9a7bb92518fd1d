import type { UserProfile } from '@smart-onboarding/protocol';

/**
 * Profile fields only the tenant's server (a secret key) may set. The email names the user to a human in
 * escalations; `so_*` traits (the A/B arm `so_arm`) and `plan` (the learning cohort) steer experiments
 * and learning, so a browser choosing them would pick its own arm or poison a cohort.
 */
const SERVER_ONLY_TRAIT = /^(so_.*|plan)$/;

/**
 * The paths of the server-only fields a profile sets, for a 400 naming each one.
 *
 * @example
 * serverOnlyFields({ email: 'a@b.c', traits: { so_arm: 'adaptive', color: 'blue' } })
 * // ['profile.email', 'profile.traits.so_arm']
 */
export function serverOnlyFields(profile: Partial<Omit<UserProfile, 'id'>> | undefined): string[] {
  if (!profile) return [];
  const traits = Object.keys(profile.traits ?? {}).filter((name) => SERVER_ONLY_TRAIT.test(name));
  return [
    ...(profile.email !== undefined ? ['profile.email'] : []),
    ...traits.map((name) => `profile.traits.${name}`),
  ];
}
