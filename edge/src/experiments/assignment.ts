import type { ExperimentVariant } from '@smart-onboarding/protocol';
import { unitHash } from '../intelligence/stable-hash';

/**
 * The variant a user is in: the hash of the experiment's random salt and the user id, placed on the
 * variants' cumulative weights. Random across users (the salt is drawn when the experiment is created, so
 * two experiments split users independently) and stable per user, with nothing stored and nothing the
 * browser can choose. Pure.
 *
 * @example
 * assignVariant({ id: 'arms', salt: 's' }, 'user-1', [{ name: 'a', weight: 1 }, { name: 'b', weight: 1 }]).name
 */
export function assignVariant<V extends Pick<ExperimentVariant, 'name' | 'weight'>>(
  experiment: { id: string; salt: string },
  userId: string,
  variants: readonly V[],
): V {
  const total = variants.reduce((sum, v) => sum + v.weight, 0);
  const point = unitHash(`experiment:${experiment.id}:${experiment.salt}:${userId}`) * total;
  let upTo = 0;
  for (const v of variants) {
    upTo += v.weight;
    if (point < upTo) return v;
  }
  // Only reached through rounding at the very top of the range.
  return variants[variants.length - 1] as V;
}
