/** Byte encodings used by keys, identity proofs and webhook signatures. */

/** Lower-case hex of the bytes. */
export function toHex(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let out = '';
  for (const b of view) out += b.toString(16).padStart(2, '0');
  return out;
}

/** The bytes of a hex string of exactly `bytes` bytes (either case), or null for anything else. */
export function fromHex(hex: string, bytes: number): Uint8Array | null {
  if (hex.length !== bytes * 2 || !/^[0-9a-fA-F]*$/.test(hex)) return null;
  const out = new Uint8Array(bytes);
  for (let i = 0; i < bytes; i++) out[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** base64url without padding (RFC 4648 §5): safe in URLs, headers and ids. */
export function base64Url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
