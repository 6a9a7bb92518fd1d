import { base64Url } from '../crypto/encoding';
import { sha256Hex } from '../crypto/hmac';

/**
 * API keys: `pk_…` for browsers, `sk_…` for servers. Only their SHA-256 is stored: keys are 24 random
 * bytes, so a fast hash is enough (there is nothing to brute-force).
 */

export type KeyKind = 'publishable' | 'secret';

const PREFIX: Record<KeyKind, string> = { publishable: 'pk_', secret: 'sk_' };

/** The kind a key claims by its prefix, or null for anything else. */
export function keyKindOf(key: string): KeyKind | null {
  if (key.startsWith('pk_')) return 'publishable';
  if (key.startsWith('sk_')) return 'secret';
  return null;
}

/**
 * A new random key of the given kind, with what to store about it.
 *
 * @example
 * const { key, keyHash, prefix } = await generateApiKey('secret'); // show `key` once, store the rest
 */
export async function generateApiKey(kind: KeyKind) {
  const key = `${PREFIX[kind]}${base64Url(crypto.getRandomValues(new Uint8Array(24)))}`;
  return { key, keyHash: await sha256Hex(key), prefix: key.slice(0, 10) };
}
