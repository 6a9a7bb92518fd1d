/**
 * Verifies a Cloudflare Access JWT (the `Cf-Access-Jwt-Assertion` header Access adds in front of an
 * application): RS256 over the team's published keys, the issuer is the team domain, the audience is the
 * application's tag, and it is within its lifetime. Only then is its e-mail trusted.
 */

export interface AccessKeySet {
  keys: Array<JsonWebKey & { kid?: string }>;
}

export type AccessJwtResult =
  | { ok: true; email: string; subject: string }
  | { ok: false; reason: string; unknownKey?: boolean };

/** Clocks between Cloudflare and us differ a little. */
const CLOCK_SKEW_S = 60;
const decoder = new TextDecoder();

function decodePart(part: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]+$/.test(part)) return null;
  const padded = part.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (part.length % 4)) % 4);
  try {
    return Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
  } catch {
    // A length no base64 has (one character past a multiple of four).
    return null;
  }
}

function parseJson(part: string): Record<string, unknown> | null {
  const bytes = decodePart(part);
  if (!bytes) return null;
  try {
    const value: unknown = JSON.parse(decoder.decode(bytes));
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

export async function verifyAccessJwt(
  token: string,
  expected: { keys: AccessKeySet; issuer: string; audience: string; nowMs?: number },
): Promise<AccessJwtResult> {
  const parts = token.split('.');
  if (parts.length !== 3 || token.length > 8192) return { ok: false, reason: 'not a JWT' };
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
  const header = parseJson(headerPart);
  const payload = parseJson(payloadPart);
  const signature = decodePart(signaturePart);
  if (!header || !payload || !signature) return { ok: false, reason: 'malformed JWT' };
  // Only RS256: `none` and HMAC algorithms (keyed with the public key) are the classic forgeries.
  if (header.alg !== 'RS256') return { ok: false, reason: `algorithm ${String(header.alg)} is not accepted` };
  const jwk = expected.keys.keys.find((k) => k.kid === header.kid && k.kty === 'RSA');
  if (!jwk) return { ok: false, reason: 'signed with an unknown key', unknownKey: true };
  const key = await crypto.subtle.importKey(
    'jwk',
    { kty: 'RSA', n: jwk.n, e: jwk.e, alg: 'RS256', ext: true },
    { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
    false,
    ['verify'],
  );
  const signed = new TextEncoder().encode(`${headerPart}.${payloadPart}`);
  if (!(await crypto.subtle.verify('RSASSA-PKCS1-v1_5', key, signature, signed))) {
    return { ok: false, reason: 'bad signature' };
  }
  const now = (expected.nowMs ?? Date.now()) / 1000;
  if (payload.iss !== expected.issuer) return { ok: false, reason: 'issued by another team' };
  const aud = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
  if (!aud.includes(expected.audience)) return { ok: false, reason: 'for another application' };
  if (typeof payload.exp !== 'number' || payload.exp + CLOCK_SKEW_S < now)
    return { ok: false, reason: 'expired' };
  if (typeof payload.nbf === 'number' && payload.nbf - CLOCK_SKEW_S > now)
    return { ok: false, reason: 'not valid yet' };
  if (typeof payload.email !== 'string' || payload.email.length === 0) {
    return { ok: false, reason: 'no e-mail (a service token cannot sign in to the console)' };
  }
  return { ok: true, email: payload.email.toLowerCase(), subject: String(payload.sub ?? '') };
}
