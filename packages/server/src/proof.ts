/**
 * The user identity proof the edge checks (`user_hash`): hex(HMAC-SHA256(identitySecret, userId)), computed
 * on the tenant's server and handed to the page beside the user id, so a page cannot claim to be another
 * user. Web Crypto only, so the same code runs in Node 18+, Deno, Bun and Workers. Ids the edge issued to
 * anonymous visitors (`anon_…`) are signed under their own domain, as the edge signs them.
 *
 * @example
 * const hash = await userHash(process.env.SO_IDENTITY_SECRET!, user.id);
 * // the page: SmartOnboarding.init({ publishableKey, endpoint, user: { id: user.id, hash } })
 */
export async function userHash(identitySecret: string, userId: string): Promise<string> {
  if (identitySecret === '') throw new TypeError('identitySecret is empty');
  if (userId === '') throw new TypeError('userId is empty');
  const encoder = new TextEncoder();
  const key = await crypto.subtle.importKey(
    'raw',
    encoder.encode(identitySecret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const message = userId.startsWith('anon_') ? `anon:${userId}` : userId;
  const signature = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(message)));
  return Array.from(signature, (b) => b.toString(16).padStart(2, '0')).join('');
}
