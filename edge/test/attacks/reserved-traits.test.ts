import { describe, expect, it } from 'vitest';
import { api, browserHeaders, DEMO, json, serverHeaders, uniqueUser } from '../helpers';

/** Attack: a browser choosing its own A/B arm or learning cohort (issue 12, hole 9). */

const init = (user: string, headers: Record<string, string>, traits: Record<string, string>) =>
  api(`/v1/journeys/${user}`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ flowId: DEMO.flowId, profile: { traits } }),
  });

describe('attack: the browser picks its arm or cohort (hole 9)', () => {
  it.each([
    ['so_arm', 'adaptive'],
    ['so_anything', 'x'],
    ['plan', 'enterprise'],
  ])('refuses the reserved trait %s from a publishable key (validation_failed)', async (trait, value) => {
    const user = uniqueUser();
    const res = await init(user, await browserHeaders(user), { [trait]: value, color: 'blue' });
    expect(res.status).toBe(400);
    expect(await json(res)).toMatchObject({
      error: { code: 'validation_failed', details: { issues: [{ path: `profile.traits.${trait}` }] } },
    });
    // Nothing was created under the refused profile.
    const after = await api(`/v1/journeys/${user}`, { headers: serverHeaders });
    expect(after.status).toBe(404);
  });

  it('keeps ordinary traits from the browser and reserved ones from the tenant server', async () => {
    const browserUser = uniqueUser();
    expect((await init(browserUser, await browserHeaders(browserUser), { color: 'blue' })).status).toBe(201);
    const serverUser = uniqueUser();
    const res = await init(serverUser, serverHeaders, { so_arm: 'adaptive', plan: 'pro' });
    expect(res.status).toBe(201);
  });
});
