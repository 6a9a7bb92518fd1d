import {
  FlowListResponse,
  FlowVersion,
  FlowVersionListResponse,
  PublishFlowResponse,
} from '@smart-onboarding/protocol';
import { describe, expect, it } from 'vitest';
import { api, DEMO, freshTenant, json } from './helpers';

const flow = (id: string, title = 'First') => ({
  id,
  name: `Flow ${id}`,
  steps: [
    { id: 'start', title, target: { selector: '#start' } },
    {
      id: 'next',
      title: 'Next',
      prerequisites: ['start'],
      goal: { kind: 'click', selector: '#go' },
      variants: [{ id: 'short', style: 'simplified', title: 'Go', body: 'Press go.' }],
    },
  ],
});

describe('flows, versioned by tenants with their secret key', () => {
  it('publishes, versions, lists and reads flows', async () => {
    const t = await freshTenant();
    const secret = { authorization: `Bearer ${t.secretKey}`, 'content-type': 'application/json' };
    const publish = (body: unknown) =>
      api('/v1/flows', { method: 'POST', headers: secret, body: JSON.stringify(body) });

    const v1 = await publish(flow('welcome'));
    expect(v1.status).toBe(201);
    expect(PublishFlowResponse.parse(await v1.json())).toMatchObject({ created: true, flow: { version: 1 } });

    const same = await publish(flow('welcome'));
    expect(same.status).toBe(200);
    expect(await json(same)).toMatchObject({ created: false, flow: { version: 1 } });

    const v2 = await publish(flow('welcome', 'First, reworded'));
    expect(v2.status).toBe(201);
    expect(await json(v2)).toMatchObject({ flow: { version: 2 } });

    const browser = { 'x-so-key': t.publishableKey };
    const latest = FlowVersion.parse(await (await api('/v1/flows/welcome', { headers: browser })).json());
    expect(latest.version).toBe(2);
    expect(latest.flow.steps[0]?.title).toBe('First, reworded');
    expect(latest.flow.steps[1]?.variants[0]?.id).toBe('short');

    const first = FlowVersion.parse(
      await (await api('/v1/flows/welcome/versions/1', { headers: browser })).json(),
    );
    expect(first.flow.steps[0]?.title).toBe('First');

    const versions = FlowVersionListResponse.parse(
      await (await api('/v1/flows/welcome/versions', { headers: secret })).json(),
    );
    expect(versions.versions.map((v) => v.version)).toEqual([2, 1]);

    const list = FlowListResponse.parse(await (await api('/v1/flows', { headers: secret })).json());
    expect(list.flows).toEqual([expect.objectContaining({ id: 'welcome', latestVersion: 2 })]);
  });

  it('gives concurrent publishes distinct versions', async () => {
    const t = await freshTenant();
    const secret = { authorization: `Bearer ${t.secretKey}`, 'content-type': 'application/json' };
    const results = await Promise.all(
      ['a', 'b', 'c', 'd'].map((title) =>
        api('/v1/flows', { method: 'POST', headers: secret, body: JSON.stringify(flow('race', title)) }),
      ),
    );
    const versions = await Promise.all(
      results.map(async (r) => (await json<{ flow: { version: number } }>(r)).flow.version),
    );
    expect(versions.sort()).toEqual([1, 2, 3, 4]);
  });

  it.each([
    [
      'a cycle',
      {
        ...flow('x'),
        steps: [
          { id: 'a', title: 'A', prerequisites: ['b'] },
          { id: 'b', title: 'B', prerequisites: ['a'] },
        ],
      },
    ],
    ['an unknown prerequisite', { ...flow('x'), steps: [{ id: 'a', title: 'A', prerequisites: ['zzz'] }] }],
    ['no steps', { ...flow('x'), steps: [] }],
    ['an upper-case id', flow('Welcome')],
  ])('refuses a flow with %s (validation_failed)', async (_name, body) => {
    const res = await api('/v1/flows', {
      method: 'POST',
      headers: { authorization: `Bearer ${DEMO.secretKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(400);
    expect(await json(res)).toMatchObject({ error: { code: 'validation_failed' } });
  });

  it('answers 404 for unknown flows and versions', async () => {
    const headers = { 'x-so-key': DEMO.publishableKey };
    for (const path of [
      '/v1/flows/nope',
      '/v1/flows/nope/versions',
      `/v1/flows/${DEMO.flowId}/versions/99`,
    ]) {
      const res = await api(path, { headers });
      expect(res.status, path).toBe(404);
      expect(await json(res)).toMatchObject({ error: { code: 'not_found' } });
    }
    const bad = await api(`/v1/flows/${DEMO.flowId}/versions/zero`, { headers });
    expect(bad.status).toBe(400);
  });
});
