/** API keys: `pk_…` for browsers, `sk_…` for servers. Only their SHA-256 is stored. */

export type KeyKind = 'publishable' | 'secret';

const PREFIX: Record<KeyKind, string> = { publishable: 'pk_', secret: 'sk_' };

/** The kind a key claims by its prefix, or null for anything else. */
export function keyKindOf(key: string): KeyKind | null {
  if (key.startsWith('pk_')) return 'publishable';
  if (key.startsWith('sk_')) return 'secret';
  return null;
}

export function toHex(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let out = '';
  for (const b of view) out += b.toString(16).padStart(2, '0');
  return out;
}

export function base64Url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** SHA-256, hex. Keys are 24 random bytes, so a fast hash is enough: there is nothing to brute-force. */
export async function sha256Hex(text: string): Promise<string> {
  return toHex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
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
