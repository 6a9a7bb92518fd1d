import { Id } from '@smart-onboarding/protocol';
import type { Context, MiddlewareHandler } from 'hono';
import { database } from '../db/client';
import { findKeyByHash } from '../db/queries/tenants';
import type { AppEnv, Env } from '../env';
import { ApiError } from '../http/errors';
import type { JourneyOwner } from '../journey/journey-object';
import type { Caller } from './caller';
import { readCredentials } from './credentials';
import { isAnonymousId, verifyUserHash } from './identity';
import { keyKindOf, sha256Hex } from './keys';
import { originAllowed } from './origin';

/**
 * Keys looked up in D1 are remembered per isolate for this long: most requests then cost no D1 read.
 * A revoked key stops working within this time.
 */
export const KEY_CACHE_TTL_MS = 30_000;
const KEY_CACHE_MAX = 1_000;
const keyCache = new Map<string, { caller: Caller | null; until: number }>();

async function lookupKey(env: Env, key: string): Promise<Caller | null> {
  const hash = await sha256Hex(key);
  const now = Date.now();
  const hit = keyCache.get(hash);
  if (hit && hit.until > now) return hit.caller;
  const found = await findKeyByHash(database(env.DB), hash);
  if (keyCache.size >= KEY_CACHE_MAX) keyCache.delete(keyCache.keys().next().value!);
  keyCache.set(hash, { caller: found, until: now + KEY_CACHE_TTL_MS });
  return found;
}

/** Forgets cached key lookups (after a key is revoked, in tests). */
export function clearKeyCache() {
  keyCache.clear();
}

async function enforceLimit(limiter: RateLimit, key: string, what: string) {
  const { success } = await limiter.limit({ key });
  if (!success) throw new ApiError(429, 'rate_limited', `too many requests for this ${what}; slow down`);
}

/**
 * Requires a key: a publishable key (`pk_…`, from an allowed origin) or a secret key (`sk_…`, in the
 * Authorization header), or only a secret key when `secret` is set. Puts the caller on the context.
 *
 * @example
 * app.get('/v1/flows', requireKey({ secret: false }), (c) => c.json(c.var.caller.tenant.id));
 */
export function requireKey(options: { secret: boolean }): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const credentials = readCredentials(c.req.raw);
    const { key } = credentials;
    if (!key) {
      throw new ApiError(
        401,
        'unauthorized',
        'send a key: x-so-key (publishable) or Authorization: Bearer sk_… (secret)',
      );
    }
    const claimed = keyKindOf(key);
    if (!claimed || key.length > 200)
      throw new ApiError(401, 'invalid_key', 'this is not a Smart Onboarding key');
    if (claimed === 'secret' && credentials.keyIn === 'query') {
      throw new ApiError(401, 'invalid_key', 'secret keys go in the Authorization header, never in a URL');
    }
    const caller = await lookupKey(c.env, key);
    if (!caller) throw new ApiError(401, 'invalid_key', 'unknown or revoked key');
    if (options.secret && caller.key.kind !== 'secret') {
      throw new ApiError(
        403,
        'secret_key_required',
        'this operation needs a secret key (Authorization: Bearer sk_…)',
      );
    }
    const origin = c.req.header('origin');
    if (caller.key.kind === 'publishable' && origin && !originAllowed(origin, caller.tenant.allowedOrigins)) {
      throw new ApiError(403, 'origin_not_allowed', `origin ${origin} is not allowed for this key`);
    }
    await enforceLimit(c.env.KEY_RATE_LIMITER, caller.key.id, 'key');
    c.set('caller', caller);
    await next();
  };
}

/**
 * The user a request acts for, proven: a secret key may act for any user; a publishable key needs the
 * user's identity proof (`user_hash`), or an anonymous id the edge signed when the tenant allows them.
 * Also applies the per-user rate limit.
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
  await enforceLimit(c.env.USER_RATE_LIMITER, `${owner.tenantId}\n${owner.userId}`, 'user');
  return owner;
}
