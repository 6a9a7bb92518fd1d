import { describe, expect, it } from 'vitest';
import { unitHash } from '../src/intelligence/stable-hash';
import { asMember, asServer, team } from './admin/console-client';
import { api, hashFor, json, uniqueUser } from './helpers';

const flow = (id: string) => ({
  id,
  name: `Flow ${id}`,
  steps: [
    { id: `${id}-first`, title: `First of ${id}`, target: { selector: '#start' } },
    { id: `${id}-next`, title: 'Next', prerequisites: [`${id}-first`] },
  ],
});

/** A tenant with three published flows and these rules saved through the console's admin API. */
async function targetedTenant(rules: unknown[]) {
  const { tenant, owner } = await team();
  for (const id of ['pro-tour', 'welcome', 'half']) {
    const res = await asServer(tenant, '/v1/flows', { method: 'POST', body: JSON.stringify(flow(id)) });
    expect(res.status).toBe(201);
  }
  const saved = await asMember(owner, '/v1/admin/targeting', {
    method: 'PUT',
    headers: { 'if-match': '"0"' },
    body: JSON.stringify({ rules }),
  });
  expect(saved.status).toBe(200);
  /** Starts `user`'s journey from a browser on app.example.com, without a flow unless `body` names one. */
  const start = async (user: string, body: Record<string, unknown>, origin = 'https://app.example.com') =>
    api(`/v1/journeys/${user}`, {
      method: 'POST',
      headers: {
        'x-so-key': tenant.publishableKey,
        'x-so-user': user,
        'x-so-user-hash': await hashFor(user, tenant.identitySecret),
        origin,
        'content-type': 'application/json',
      },
      body: JSON.stringify(body),
    });
  return { tenant, start };
}

const flowOf = async (res: Response) => (await json<{ journey: { flowId: string } }>(res)).journey.flowId;

describe('a journey started without a flow runs the flow targeting gives the user', () => {
  it('picks by page pattern and server-set traits; none matching is a 404 no_flow', async () => {
    const { tenant, start } = await targetedTenant([
      { flowId: 'pro-tour', pages: ['/app/*'], traits: [{ key: 'plan', op: 'eq', value: 'pro' }] },
      { flowId: 'welcome', pages: ['https://app.example.com/app/*'] },
    ]);
    const user = uniqueUser();
    const none = await start(user, { path: '/pricing' });
    expect(none.status).toBe(404);
    expect((await json<{ error: { code: string } }>(none)).error.code).toBe('no_flow');
    // No path: the root page, which no rule targets.
    expect((await start(user, {})).status).toBe(404);

    const first = await start(user, { path: '/app/home#tab' });
    expect(first.status).toBe(201);
    expect(await flowOf(first)).toBe('welcome');
    const next = await json<{ step: { id: string } }>(
      await api(`/v1/journeys/${user}/next`, {
        headers: {
          'x-so-key': tenant.publishableKey,
          'x-so-user': user,
          'x-so-user-hash': await hashFor(user, tenant.identitySecret),
          origin: 'https://app.example.com',
        },
      }),
    );
    expect(next.step.id).toBe('welcome-first');

    // The tenant's server says the user is on the pro plan: a new user with that trait gets the pro tour.
    const pro = uniqueUser();
    await asServer(tenant, `/v1/targeting/users/${pro}/traits`, {
      method: 'PUT',
      body: JSON.stringify({ traits: { plan: 'pro' } }),
    });
    expect(await flowOf(await start(pro, { path: '/app/home' }))).toBe('pro-tour');
    // An explicit flow still wins over targeting, as `init({ flow })` asks.
    const named = uniqueUser();
    expect(await flowOf(await start(named, { flowId: 'half', path: '/pricing' }))).toBe('half');
  });

  it('a browser cannot pick its flow by sending traits or another origin', async () => {
    const { start } = await targetedTenant([
      { flowId: 'pro-tour', traits: [{ key: 'plan', op: 'eq', value: 'pro' }] },
      { flowId: 'welcome', pages: ['https://app.example.com/app/*'] },
    ]);
    const user = uniqueUser();
    // Traits in the profile are server-only: refused outright.
    const claimed = await start(user, { path: '/other', profile: { traits: { plan: 'pro' } } });
    expect(claimed.status).toBe(400);
    // Traits beside the body's fields are not read: still no flow on this page.
    const beside = await start(user, { path: '/other', traits: { plan: 'pro' } });
    expect(beside.status).toBe(404);
    // A path naming another host stays a path on the request's own origin.
    expect((await start(user, { path: '//evil.example.com/app/x' })).status).toBe(404);
    expect((await start(user, { path: 'https://app.example.com/app/x' })).status).toBe(404);
    // Hostile shapes are a 400 with the stable code, not a 500.
    for (const path of [42, 'x'.repeat(1025), ['/app/x']]) {
      const bad = await start(user, { path });
      expect(bad.status).toBe(400);
      expect((await json<{ error: { code: string } }>(bad)).error.code).toBe('validation_failed');
    }
  });

  it('respects the percentage rollout by the stable hash of the flow and user', async () => {
    const { start } = await targetedTenant([{ flowId: 'half', rolloutPercent: 50 }, { flowId: 'welcome' }]);
    const users = Array.from({ length: 24 }, () => uniqueUser('rollout'));
    const got = [];
    for (const user of users) got.push(await flowOf(await start(user, { path: '/' })));
    const expected = users.map((u) => (unitHash(`rollout:half:${u}`) * 100 < 50 ? 'half' : 'welcome'));
    expect(got).toEqual(expected);
    expect(new Set(got)).toEqual(new Set(['half', 'welcome']));
  }, 60_000);
});
