import { hmacSha256Hex, verifyHmacSha256Hex } from '../crypto/hmac';

/** Header names of a signed webhook delivery. */
export const SIGNATURE_HEADER = 'x-smart-onboarding-signature';
export const TIMESTAMP_HEADER = 'x-smart-onboarding-timestamp';
export const DELIVERY_HEADER = 'x-smart-onboarding-delivery';
/** A fresh random value per attempt, signed with the body: a receiver that remembers it refuses replays. */
export const NONCE_HEADER = 'x-smart-onboarding-nonce';

/**
 * The signature of a webhook body: `sha256=` and the hex HMAC-SHA256, keyed with the shared secret, of
 * `<timestamp>.<nonce>.<body>`. The timestamp lets a receiver refuse an old delivery (the Stripe and
 * Slack pattern); the nonce, new for every attempt, lets it refuse a delivery replayed within the
 * tolerance, by remembering the nonces it saw for that long (issue 12, hole 10).
 *
 * @example
 * const ts = Math.floor(Date.now() / 1000);
 * const nonce = crypto.randomUUID();
 * headers.set(SIGNATURE_HEADER, await signWebhook(secret, ts, nonce, body));
 */
export async function signWebhook(
  secret: string,
  timestampSec: number,
  nonce: string,
  body: string,
): Promise<string> {
  return `sha256=${await hmacSha256Hex(secret, `${timestampSec}.${nonce}.${body}`)}`;
}

/** The headers of a delivery that its signature covers. */
interface SignedHeaders {
  signature: string | null;
  timestamp: string | null;
  nonce: string | null;
}

/**
 * Checks a delivery as a receiver would: the signature matches (compared in constant time), the
 * timestamp is within `toleranceSec` of now, and `firstSeen(nonce)` says the nonce is new (the receiver
 * remembers nonces for `toleranceSec`; anything older is refused by its timestamp anyway).
 */
export async function verifyWebhookSignature(
  secret: string,
  headers: SignedHeaders,
  body: string,
  nowSec: number,
  firstSeen: (nonce: string) => boolean | Promise<boolean>,
  toleranceSec = 300,
): Promise<boolean> {
  const { signature, timestamp, nonce } = headers;
  if (!signature?.startsWith('sha256=') || !timestamp || !/^\d+$/.test(timestamp)) return false;
  if (!nonce || !/^[A-Za-z0-9-]{16,64}$/.test(nonce)) return false;
  if (Math.abs(nowSec - Number(timestamp)) > toleranceSec) return false;
  const valid = await verifyHmacSha256Hex(
    secret,
    `${timestamp}.${nonce}.${body}`,
    signature.slice('sha256='.length),
  );
  return valid && (await firstSeen(nonce));
}
