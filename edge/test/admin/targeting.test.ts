import { describe, expect, it } from 'vitest';
import { api, hashFor, json, uniqueUser } from '../helpers';
import { asMember, asServer, memberOf, team } from './console-client';

describe('targeting: which users get which flow, decided on the edge', () => {
  it('resolves the flow by page and by the traits the tenant’s server set, never what the browser claims', async () => {
    const { tenant, owner } = await team();
    const rules = [
      { flowId: 'pro-tour', pages: ['/app/*'], traits: [{ key: 'plan', op: 'eq', value: 'pro' }] },
      { flowId: 'welcome', pages: ['/app/*'] },
    ];
    expect(
      (await asMember(owner, '/v1/admin/targeting', { method: 'PUT', body: JSON.stringify({ rules }) }))
        .status,
    ).toBe(428);
    const saved = await asMember(owner, '/v1/admin/targeting', {
      method: 'PUT',
      headers: { 'if-match': '"0"' },
      body: JSON.stringify({ rules }),
    });
    expect(saved.status).toBe(200);
    expect(saved.headers.get('etag')).toBe('"1"');

    const user = uniqueUser();
    const resolve = async (url: string, extra: Record<string, unknown> = {}) =>
      api('/v1/targeting/resolve', {
        method: 'POST',
        headers: {
          'x-so-key': tenant.publishableKey,
          'x-so-user': user,
          'x-so-user-hash': await hashFor(user, tenant.identitySecret),
          origin: 'https://app.example.com',
          'content-type': 'application/json',
        },
        body: JSON.stringify({ url, ...extra }),
      });
    expect(await json(await resolve('https://app.example.com/app/home'))).toEqual({
      flowId: 'welcome',
      rule: 1,
      userId: user,
    });
    expect(await json(await resolve('https://app.example.com/pricing'))).toEqual({
      flowId: null,
      rule: null,
      userId: user,
    });
    // A browser cannot give itself traits.
    expect((await resolve('https://app.example.com/app/home', { traits: { plan: 'pro' } })).status).toBe(400);

    const traits = await asServer(tenant, `/v1/targeting/users/${user}/traits`, {
      method: 'PUT',
      body: JSON.stringify({ traits: { plan: 'pro' } }),
    });
    expect(traits.status).toBe(204);
    expect(await json(await resolve('https://app.example.com/app/home'))).toMatchObject({
      flowId: 'pro-tour',
      rule: 0,
    });

    const forged = await api('/v1/targeting/resolve', {
      method: 'POST',
      headers: {
        'x-so-key': tenant.publishableKey,
        'x-so-user': user,
        'x-so-user-hash': '0'.repeat(64),
        'content-type': 'application/json',
      },
      body: JSON.stringify({ url: 'https://app.example.com/app/home' }),
    });
    expect(forged.status).toBe(401);
    const browserTraits = await api(`/v1/targeting/users/${user}/traits`, {
      method: 'PUT',
      headers: { 'x-so-key': tenant.publishableKey, 'content-type': 'application/json' },
      body: JSON.stringify({ traits: { plan: 'enterprise' } }),
    });
    expect(browserTraits.status).toBe(403);
  });

  it('refuses invalid rules with field paths, stale revisions, and viewers', async () => {
    const { tenant, owner } = await team();
    const put = (body: unknown, ifMatch: string, session = owner) =>
      asMember(session, '/v1/admin/targeting', {
        method: 'PUT',
        headers: { 'if-match': ifMatch },
        body: JSON.stringify(body),
      });
    const bad = await put(
      { rules: [{ flowId: 'Not A Slug', rolloutPercent: 140, startAt: 5, endAt: 1 }] },
      '"0"',
    );
    expect(bad.status).toBe(400);
    const paths = (
      await json<{ error: { details: { issues: Array<{ path: string }> } } }>(bad)
    ).error.details.issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['rules.0.flowId', 'rules.0.rolloutPercent']));
    expect((await put({ rules: [] }, '"0"')).status).toBe(200);
    expect((await put({ rules: [] }, '"0"')).status).toBe(412);
    const viewer = await memberOf(tenant, `v@${tenant.id}.test`, 'viewer');
    expect((await put({ rules: [] }, '"1"', viewer)).status).toBe(403);
    expect(await json(await asMember(viewer, '/v1/admin/targeting'))).toEqual({ rules: [], revision: 1 });
  });
});
