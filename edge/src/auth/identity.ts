import { base64Url } from '../crypto/encoding';
import { hmacSha256Hex, verifyHmacSha256Hex } from '../crypto/hmac';

/**
 * User identity proofs (the Intercom pattern): the tenant's server computes
 * `hex(HMAC-SHA256(identitySecret, userId))` and hands it to the browser beside the user id, so a page
 * cannot claim to be another user. Anonymous ids are issued by the edge and signed the same way under a
 * separate domain (`anon:` prefix), so an anonymous signature never proves a real user id.
 */

const ANON_PREFIX = 'anon_';
/** The domain anonymous ids are signed under; a real user id starting with it would share their proofs. */
const ANON_DOMAIN = 'anon:';

/** True for ids the edge issued to anonymous visitors. */
export function isAnonymousId(userId: string): boolean {
  return userId.startsWith(ANON_PREFIX);
}

function signedMessage(userId: string): string {
  return isAnonymousId(userId) ? `${ANON_DOMAIN}${userId}` : userId;
}

/**
 * The identity proof of a user id, hex. What a tenant's server computes (any HMAC-SHA256 library will do).
 *
 * @example
 * const hash = await userHash('demo-identity-secret', 'user-42'); // pass to SmartOnboarding.init({ user: { id, hash } })
 */
export async function userHash(identitySecret: string, userId: string): Promise<string> {
  return hmacSha256Hex(identitySecret, signedMessage(userId));
}

/** Checks a proof in constant time (WebCrypto's verify), refusing malformed hashes and empty secrets. */
export async function verifyUserHash(identitySecret: string, userId: string, hash: string): Promise<boolean> {
  // `anon:anon_x` signs to the same message as the anonymous id `anon_x`: no real id may use the domain.
  if (userId.startsWith(ANON_DOMAIN)) return false;
  return verifyHmacSha256Hex(identitySecret, signedMessage(userId), hash);
}

/** A fresh anonymous user id and its proof, for tenants that allow anonymous visitors. */
export async function issueAnonymousIdentity(identitySecret: string) {
  const userId = `${ANON_PREFIX}${base64Url(crypto.getRandomValues(new Uint8Array(16)))}`;
  return { userId, userHash: await userHash(identitySecret, userId) };
}
