/** Header names of a signed webhook delivery. */
export const SIGNATURE_HEADER = 'x-smart-onboarding-signature';
export const TIMESTAMP_HEADER = 'x-smart-onboarding-timestamp';
export const DELIVERY_HEADER = 'x-smart-onboarding-delivery';

const encoder = new TextEncoder();

const hex = (buf: ArrayBuffer) =>
  [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('');

async function hmac(secret: string, message: string): Promise<ArrayBuffer> {
  const key = await crypto.subtle.importKey(
    'raw',
    encoder.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  return crypto.subtle.sign('HMAC', key, encoder.encode(message));
}

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
  return `sha256=${hex(await hmac(secret, `${timestampSec}.${body}`))}`;
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
  const expected = await signWebhook(secret, Number(timestampSec), body);
  if (expected.length !== header.length) return false;
  let diff = 0;
  for (let i = 0; i < expected.length; i++) diff |= expected.charCodeAt(i) ^ header.charCodeAt(i);
  return diff === 0;
}
