import type { StruggleReason } from '@smart-onboarding/protocol';

/**
 * The features that pushed a score up most: the model's gradient-times-input attributions, positive ones
 * only, largest first, named after their feature slots.
 *
 * @example
 * reasonsFrom([0.1, 2.3, -1], ['clicks', 'rage_chain_max', 'max_gap_ms']); // [{code:'rage_chain_max',weight:2.3}, ...]
 */
export function reasonsFrom(
  contributions: ArrayLike<number>,
  names: readonly string[],
  max = 5,
): StruggleReason[] {
  const out: StruggleReason[] = [];
  for (let i = 0; i < contributions.length; i++) {
    const w = contributions[i]!;
    if (w > 0 && names[i]) out.push({ code: names[i]!, weight: Math.round(w * 1e4) / 1e4 });
  }
  out.sort((a, b) => b.weight - a.weight || a.code.localeCompare(b.code));
  return out.slice(0, max);
}
