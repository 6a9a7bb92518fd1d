import type { ScalarRecord } from '@smart-onboarding/protocol';

/**
 * Makes a customer's `properties` or `traits` fit the wire's `ScalarRecord` (at most 50 keys of at most
 * 64 characters; strings of at most 512; numbers finite; booleans; null). Anything else is left out rather
 * than sent: one invalid event would make the edge refuse its whole batch, good events included.
 *
 * @example
 * toScalarRecord({ plan: 'pro', seats: 3, nested: { a: 1 } }); // { plan: 'pro', seats: 3 }
 */
export function toScalarRecord(input: unknown): ScalarRecord | undefined {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return undefined;
  const out: ScalarRecord = {};
  let n = 0;
  for (const [key, value] of Object.entries(input)) {
    if (n >= 50) break;
    if (key.length > 64) continue;
    if (typeof value === 'string') out[key] = value.slice(0, 512);
    else if (
      (typeof value === 'number' && Number.isFinite(value)) ||
      typeof value === 'boolean' ||
      value === null
    )
      out[key] = value;
    else continue;
    n++;
  }
  return out;
}
