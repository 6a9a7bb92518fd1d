import { fromHex, toHex } from './encoding';

/**
 * SHA-256 and HMAC-SHA256 over UTF-8 text, through WebCrypto: the one home for what API keys (stored as
 * hashes), user identity proofs and webhook signatures compute.
 */

const encoder = new TextEncoder();
/** HMAC-SHA256 signatures are 32 bytes. */
const SIGNATURE_BYTES = 32;

function hmacKey(secret: string, usage: 'sign' | 'verify') {
  return crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
    usage,
  ]);
}

/** SHA-256 of the text, hex. */
export async function sha256Hex(text: string): Promise<string> {
  return toHex(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
}

/**
 * HMAC-SHA256 of `message` keyed with `secret`, hex: what any HMAC library computes, so a tenant's server
 * or a webhook receiver can check it with its own.
 *
 * @example
 * await hmacSha256Hex('identity-secret', 'user-42'); // 64 hex characters
 */
export async function hmacSha256Hex(secret: string, message: string): Promise<string> {
  return toHex(await crypto.subtle.sign('HMAC', await hmacKey(secret, 'sign'), encoder.encode(message)));
}

/**
 * Whether `signatureHex` is the HMAC-SHA256 of `message` under `secret`, compared in constant time
 * (WebCrypto's verify). Malformed signatures and empty secrets are refused without comparing.
 */
export async function verifyHmacSha256Hex(
  secret: string,
  message: string,
  signatureHex: string,
): Promise<boolean> {
  const signature = fromHex(signatureHex, SIGNATURE_BYTES);
  if (!signature || secret.length === 0) return false;
  return crypto.subtle.verify('HMAC', await hmacKey(secret, 'verify'), signature, encoder.encode(message));
}
