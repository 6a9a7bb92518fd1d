import { base64Url } from '../crypto/encoding';

/** A random bearer token (session cookies, invitations, CSRF): 32 bytes, base64url. */
export function randomToken(): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(32)));
}

/** A new API key of a kind: the prefix says the kind, 24 random bytes make it unguessable. */
export function newApiKey(kind: 'publishable' | 'secret'): string {
  return `${kind === 'secret' ? 'sk' : 'pk'}_${base64Url(crypto.getRandomValues(new Uint8Array(24)))}`;
}
