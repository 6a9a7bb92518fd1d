/**
 * API keys: `pk_…` for browsers, `sk_…` for servers. Only their SHA-256 is stored: keys are 24 random
 * bytes, so a fast hash is enough (there is nothing to brute-force).
 */

export type KeyKind = 'publishable' | 'secret';

/** The kind a key claims by its prefix, or null for anything else. */
export function keyKindOf(key: string): KeyKind | null {
  if (key.startsWith('pk_')) return 'publishable';
  if (key.startsWith('sk_')) return 'secret';
  return null;
}
