import type { MiddlewareHandler } from 'hono';
import { findKeyByHash } from '../../adapters/d1/queries/tenants';
import type { Caller } from '../../auth/caller';
import { readCredentials } from '../../auth/credentials';
import { keyKindOf } from '../../auth/keys';
import { originAllowed } from '../../auth/origin';
import { sha256Hex } from '../../crypto/hmac';
import type { AppEnv } from '../../http/app-env';
import { ApiError } from '../../http/errors';
import type { Services } from '../../services';
import { clientAddress, enforceRateLimit } from '../rate-limit/rate-limit';

/**
 * Keys looked up in D1 are remembered per isolate for this long: most requests then cost no D1 read.
 * A revoked key stops working within this time.
 */
const KEY_CACHE_TTL_MS = 30_000;
const KEY_CACHE_MAX = 1_000;
const keyCache = new Map<string, { caller: Caller | null; until: number }>();

async function lookupKey(services: Services, key: string): Promise<Caller | null> {
  const hash = await sha256Hex(key);
  const now = Date.now();
  const hit = keyCache.get(hash);
  if (hit && hit.until > now) return hit.caller;
  const found = await findKeyByHash(services.db, hash);
  if (keyCache.size >= KEY_CACHE_MAX) keyCache.delete(keyCache.keys().next().value!);
  keyCache.set(hash, { caller: found, until: now + KEY_CACHE_TTL_MS });
  return found;
}

/** Forgets cached key lookups (after a key is revoked, in tests). */
export function clearKeyCache() {
  keyCache.clear();
}

/**
 * Requires a key: a publishable key (`pk_…`, from an allowed origin) or a secret key (`sk_…`, in the
 * Authorization header), or only a secret key when `secret` is set. Puts the caller on the context and
 * counts the request against the key's rate limit (a publishable key's per client address); a wrong key
 * is counted against the client's address.
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
    const { services } = c.var;
    const address = clientAddress(c.req.raw);
    // A wrong key is charged to the client's address: guessing keys, or flooding with made-up ones, is
    // limited like everything else (issue 12, hole 5).
    const refuseKey = async (message: string): Promise<never> => {
      await enforceRateLimit(services.limits.perAddress, `bad-key\n${address}`, 'address');
      throw new ApiError(401, 'invalid_key', message);
    };
    const claimed = keyKindOf(key);
    if (!claimed || key.length > 200) return refuseKey('this is not a Smart Onboarding key');
    if (claimed === 'secret' && credentials.keyIn === 'query') {
      throw new ApiError(401, 'invalid_key', 'secret keys go in the Authorization header, never in a URL');
    }
    if (claimed === 'secret' && credentials.keyIn === 'header') {
      throw new ApiError(
        401,
        'secret_key_misplaced',
        'secret keys go in Authorization: Bearer sk_…, never in x-so-key (the browser header)',
      );
    }
    // Browsers always send Origin on cross-origin calls: a secret key beside one has leaked into a page.
    if (claimed === 'secret' && c.req.header('origin')) {
      throw new ApiError(
        403,
        'secret_key_in_browser',
        'secret keys are for servers; a browser sent this one',
      );
    }
    const caller = await lookupKey(services, key);
    if (!caller) return refuseKey('unknown or revoked key');
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
    // A publishable key is public: charged per client address, so one browser (or an attacker holding the
    // key) cannot spend the budget of every browser of the tenant. A secret key is charged as a whole.
    const budget = caller.key.kind === 'publishable' ? `${caller.key.id}\n${address}` : caller.key.id;
    await enforceRateLimit(services.limits.perKey, budget, 'key');
    c.set('caller', caller);
    await next();
  };
}
