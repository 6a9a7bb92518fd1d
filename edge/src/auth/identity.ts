import { base64Url, toHex } from './keys';

/**
 * User identity proofs (the Intercom pattern): the tenant's server computes
 * `hex(HMAC-SHA256(identitySecret, userId))` and hands it to the browser beside the user id, so a page
 * cannot claim to be another user. Anonymous ids are issued by the edge and signed the same way under a
 * separate domain (`anon:` prefix), so an anonymous signature never proves a real user id.
 */

const ANON_PREFIX = 'anon_';
const encoder = new TextEncoder();

function hmacKey(secret: string, usage: 'sign' | 'verify') {
  return crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
    usage,
  ]);
}

function fromHex(hex: string): Uint8Array | null {
  if (hex.length !== 64 || !/^[0-9a-fA-F]+$/.test(hex)) return null;
  const out = new Uint8Array(32);
  for (let i = 0; i < 32; i++) out[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** True for ids the edge issued to anonymous visitors. */
export function isAnonymousId(userId: string): boolean {
  return userId.startsWith(ANON_PREFIX);
}

function signedMessage(userId: string): string {
  return isAnonymousId(userId) ? `anon:${userId}` : userId;
}

/**
 * The identity proof of a user id, hex. What a tenant's server computes (any HMAC-SHA256 library will do).
 *
 * @example
 * const hash = await userHash('demo-identity-secret', 'user-42'); // pass to SmartOnboarding.init({ user: { id, hash } })
 */
export async function userHash(identitySecret: string, userId: string): Promise<string> {
  const key = await hmacKey(identitySecret, 'sign');
  return toHex(await crypto.subtle.sign('HMAC', key, encoder.encode(signedMessage(userId))));
}

/** Checks a proof in constant time (WebCrypto's verify), refusing malformed hashes and empty secrets. */
export async function verifyUserHash(identitySecret: string, userId: string, hash: string): Promise<boolean> {
  const signature = fromHex(hash);
  if (!signature || identitySecret.length === 0) return false;
  const key = await hmacKey(identitySecret, 'verify');
  return crypto.subtle.verify('HMAC', key, signature, encoder.encode(signedMessage(userId)));
}

/** A fresh anonymous user id and its proof, for tenants that allow anonymous visitors. */
export async function issueAnonymousIdentity(identitySecret: string) {
  const userId = `${ANON_PREFIX}${base64Url(crypto.getRandomValues(new Uint8Array(16)))}`;
  return { userId, userHash: await userHash(identitySecret, userId) };
}
