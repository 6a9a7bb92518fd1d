import { hmacSha256Hex, verifyHmacSha256Hex } from '../crypto/hmac';

/** Header names of a signed webhook delivery. */
export const SIGNATURE_HEADER = 'x-smart-onboarding-signature';
export const TIMESTAMP_HEADER = 'x-smart-onboarding-timestamp';
export const DELIVERY_HEADER = 'x-smart-onboarding-delivery';

/**
 * The signature of a webhook body: `sha256=` and the hex HMAC-SHA256, keyed with the shared secret, of
 * `<timestamp>.<body>`. Signing the timestamp with the body lets a receiver refuse replays of an old
 * delivery (the Stripe and Slack pattern).
 *
 * @example
 * const ts = Math.floor(Date.now() / 1000);
 * headers.set(SIGNATURE_HEADER, await signWebhook(secret, ts, body));
 */
export async function signWebhook(secret: string, timestampSec: number, body: string): Promise<string> {
  return `sha256=${await hmacSha256Hex(secret, `${timestampSec}.${body}`)}`;
}

/**
 * Checks a delivery as a receiver would: the signature matches (compared in constant time) and the
 * timestamp is within `toleranceSec` of now.
 */
export async function verifyWebhookSignature(
  secret: string,
  header: string | null,
  timestampSec: string | null,
  body: string,
  nowSec: number,
  toleranceSec = 300,
): Promise<boolean> {
  if (!header?.startsWith('sha256=') || !timestampSec || !/^\d+$/.test(timestampSec)) return false;
  if (Math.abs(nowSec - Number(timestampSec)) > toleranceSec) return false;
  return verifyHmacSha256Hex(secret, `${timestampSec}.${body}`, header.slice('sha256='.length));
}
