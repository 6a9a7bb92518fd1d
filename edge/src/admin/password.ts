import { base64Url } from '../crypto/encoding';

/**
 * Console passwords, hashed with PBKDF2-HMAC-SHA256 through WebCrypto (the slow KDF Workers offer;
 * scrypt and Argon2 would need wasm and more CPU than a request gets). Stored as
 * `pbkdf2-sha256$<iterations>$<salt>$<hash>` with base64url parts, so the cost can be raised later and
 * older hashes still verify.
 */

/** workerd refuses more than 100 000 PBKDF2 iterations; this is its maximum. */
const ITERATIONS = 100_000;
const SALT_BYTES = 16;
const HASH_BITS = 256;
const SCHEME = 'pbkdf2-sha256';
const encoder = new TextEncoder();

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(password), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    key,
    HASH_BITS,
  );
  return new Uint8Array(bits);
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  try {
    return Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
  } catch {
    // A length no base64 has (one character past a multiple of four).
    return null;
  }
}

/** Equal length and content, in time that depends only on the length. */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

/** @example const stored = await hashPassword('correct horse battery'); */
export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const hash = await derive(password, salt, ITERATIONS);
  return `${SCHEME}$${ITERATIONS}$${base64Url(salt)}$${base64Url(hash)}`;
}

/** Whether `password` matches `stored`; a malformed or missing hash matches nothing. */
export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  const parts = (stored ?? '').split('$');
  const iterations = Number(parts[1]);
  const salt = fromBase64Url(parts[2] ?? '');
  const expected = fromBase64Url(parts[3] ?? '');
  if (parts.length !== 4 || parts[0] !== SCHEME || !salt || !expected) {
    // Same work as a real check, so a missing account cannot be told apart by timing.
    await derive(password, new Uint8Array(SALT_BYTES), ITERATIONS);
    return false;
  }
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > ITERATIONS) return false;
  return constantTimeEqual(await derive(password, salt, iterations), expected);
}
