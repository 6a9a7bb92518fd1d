import { env, exports } from 'cloudflare:workers';
import { database } from '../src/adapters/d1/client';
import { addApiKey, ensureTenant } from '../src/adapters/d1/queries/tenants';
import { userHash } from '../src/auth/identity';
import { DEMO_TENANT } from '../src/dev/seed';
import { DEFAULT_ENGINE_OPTIONS, isHeldOut } from '../src/intelligence/intervention/engine';

const BASE = 'http://edge.test';
export const DEMO = DEMO_TENANT;

/** A request to the Worker under test, as a client would make it. */
export function api(path: string, init?: RequestInit): Promise<Response> {
  return exports.default.fetch(`${BASE}${path}`, init);
}

export function hashFor(userId: string, secret = DEMO.identitySecret) {
  return userHash(secret, userId);
}

let counter = 0;
/** A user id no other test uses. */
export function uniqueUser(prefix = 'user') {
  return `${prefix}-${Date.now().toString(36)}-${(++counter).toString(36)}`;
}

/**
 * A user id no other test uses whose intervention holdout membership is known: one in ten users is held
 * out (plans recorded, never shown or followed up) by a stable hash of the id, so a test that expects help
 * on screen, or expects none, picks its user by that hash instead of by chance.
 */
export function uniqueUserIn(group: 'treated' | 'holdout', prefix = 'user') {
  for (;;) {
    const user = uniqueUser(prefix);
    if (isHeldOut(user, DEFAULT_ENGINE_OPTIONS) === (group === 'holdout')) return user;
  }
}

/** Headers of a browser call for `userId` with the demo publishable key and a correct user hash. */
export async function browserHeaders(userId: string, extra: Record<string, string> = {}) {
  return {
    'x-so-key': DEMO.publishableKey,
    'x-so-user-hash': await hashFor(userId),
    'content-type': 'application/json',
    ...extra,
  };
}

export const serverHeaders = {
  authorization: `Bearer ${DEMO.secretKey}`,
  'content-type': 'application/json',
};

export async function json<T = Record<string, unknown>>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

/** A tenant of its own (own keys, own rate-limit buckets), for tests that must not share the demo's. */
export async function freshTenant(options: { allowedOrigins?: string[]; allowAnonymous?: boolean } = {}) {
  const id = uniqueUser('tenant');
  const tenant = {
    id,
    publishableKey: `pk_${id}`,
    secretKey: `sk_${id}`,
    identitySecret: `secret-${id}`,
  };
  const db = database(env.DB);
  await ensureTenant(db, {
    id,
    name: id,
    allowedOrigins: options.allowedOrigins ?? ['https://app.example.com'],
    allowAnonymous: options.allowAnonymous ?? false,
    identitySecret: tenant.identitySecret,
  });
  await addApiKey(db, { id: `${id}-pk`, tenantId: id, kind: 'publishable', key: tenant.publishableKey });
  await addApiKey(db, { id: `${id}-sk`, tenantId: id, kind: 'secret', key: tenant.secretKey });
  return tenant;
}

/** Polls until `check` returns a value (D1 rows written by a queue consumer, for instance). */
export async function eventually<T>(
  check: () => Promise<T | null | undefined | false>,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

let eventCounter = 0;
/** A valid event id (UUID v4 shape) unique within the run. */
export function eventId() {
  const n = (++eventCounter).toString(16).padStart(12, '0');
  const salt = Math.floor(Math.random() * 0xffff)
    .toString(16)
    .padStart(4, '0');
  return `00000000-${salt}-4000-8000-${n}`;
}

/** The limiters' period in vitest.config.ts. */
const RATE_PERIOD_MS = 60_000;
/** Longer than a flood takes on a loaded machine. */
const FLOOD_ROOM_MS = 30_000;

/**
 * Waits, when needed, for a fresh rate-limit window. Cloudflare's limiter (and miniflare's, which runs
 * here) counts in fixed windows aligned to the wall clock; a flood that straddles a boundary starts over
 * at zero halfway through and lets up to twice the limit through, so an exact count would pass or fail
 * by the clock. Starting with room left in the window makes the outcome independent of when CI runs.
 */
export async function roomInRateWindow() {
  const left = RATE_PERIOD_MS - (Date.now() % RATE_PERIOD_MS);
  if (left < FLOOD_ROOM_MS) await new Promise((r) => setTimeout(r, left + 50));
}

/** A valid `track` event of the demo flow, with a fresh id. */
export const trackEvent = () => ({
  id: eventId(),
  sessionId: 'tab-1',
  timestamp: Date.now(),
  stepId: 'connect-account',
  eventType: 'track',
  name: 'help_opened',
});

/** `POST /v1/events` as the demo tenant's browser for `user` (publishable key, origin, the user's proof). */
export async function sendEvents(user: string, events: unknown[]) {
  return api('/v1/events', {
    method: 'POST',
    headers: await browserHeaders(user, { 'x-so-user': user }),
    body: JSON.stringify({ sentAt: Date.now(), events }),
  });
}
