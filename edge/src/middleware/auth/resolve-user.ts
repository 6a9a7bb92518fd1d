import { Id } from '@smart-onboarding/protocol';
import type { Context } from 'hono';
import { readCredentials } from '../../auth/credentials';
import { isAnonymousId, verifyUserHash } from '../../auth/identity';
import type { AppEnv } from '../../http/app-env';
import { ApiError } from '../../http/errors';
import type { JourneyOwner } from '../../journey/owner';
import { enforceRateLimit } from '../rate-limit/rate-limit';

/**
 * The user a request acts for, proven: a secret key may act for any user; a publishable key needs the
 * user's identity proof (`user_hash`), or an anonymous id the edge signed when the tenant allows them.
 * Also applies the per-user rate limit (per proven user, so minting sockets or ids does not multiply it).
 *
 * @example
 * const owner = await resolveUser(c, c.req.valid('param').userId);
 */
export async function resolveUser(c: Context<AppEnv>, userId: string | undefined): Promise<JourneyOwner> {
  const caller = c.var.caller;
  if (!userId)
    throw new ApiError(400, 'bad_request', 'name the user: x-so-user header or user query parameter');
  if (!Id.safeParse(userId).success)
    throw new ApiError(400, 'validation_failed', 'the user id is not a valid Id');
  const owner = { tenantId: caller.tenant.id, userId };
  if (caller.key.kind === 'publishable') {
    const hash = readCredentials(c.req.raw).userHash;
    if (isAnonymousId(userId) && !caller.tenant.allowAnonymous) {
      throw new ApiError(403, 'forbidden', 'this tenant does not allow anonymous users');
    }
    if (!hash) {
      throw new ApiError(
        401,
        'user_hash_required',
        'a publishable key needs the user hash (x-so-user-hash or user_hash)',
      );
    }
    if (!(await verifyUserHash(caller.tenant.identitySecret, userId, hash))) {
      throw new ApiError(401, 'user_hash_invalid', 'the user hash does not match this user');
    }
  }
  await enforceRateLimit(c.var.services.limits.perUser, `${owner.tenantId}\n${owner.userId}`, 'user');
  return owner;
}
