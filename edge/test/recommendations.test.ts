import { ContentRecommendationsResponse } from '@smart-onboarding/protocol';
import { describe, expect, it } from 'vitest';
import { api, browserHeaders, DEMO, json, serverHeaders, uniqueUser } from './helpers';

async function start(user: string, profile: Record<string, unknown>) {
  const res = await api(`/v1/journeys/${user}`, {
    method: 'POST',
    headers: await browserHeaders(user),
    body: JSON.stringify({ flowId: DEMO.flowId, profile }),
  });
  expect(res.status).toBe(201);
}

const recommendations = async (user: string, query: string) => {
  const res = await api(`/v1/journeys/${user}/recommendations?${query}`, {
    headers: await browserHeaders(user),
  });
  expect(res.status).toBe(200);
  return ContentRecommendationsResponse.parse(await res.json());
};

describe('GET /v1/journeys/{userId}/recommendations (generateContentRecommendations)', () => {
  it.each([
    {
      persona: { technicalProficiency: 'beginner', previousExperience: 'none' },
      first: 'connect-simplified',
    },
    { persona: { technicalProficiency: 'expert', previousExperience: 'experienced' }, first: 'connect-text' },
  ])('ranks the step’s variants for the persona ($first first)', async ({ persona, first }) => {
    const user = uniqueUser('reco');
    await start(user, persona);
    const body = await recommendations(user, 'stepId=connect-account&contentType=variant');
    expect(body.stepId).toBe('connect-account');
    expect(body.recommendations[0]).toMatchObject({ kind: 'variant', id: first, stepId: 'connect-account' });
    expect(body.recommendations.map((r) => r.id).sort()).toEqual([
      'connect-simplified',
      'connect-text',
      'default',
    ]);
  });

  it('ranks the tenant’s articles for the current step and the question, the step’s own link first', async () => {
    const user = uniqueUser('reco');
    await start(user, {});
    const atStep = await recommendations(user, 'stepId=schedule-post&contentType=article&limit=2');
    expect(atStep.recommendations.map((r) => r.id)).toEqual(['schedule-post', expect.any(String)]);
    // On the first step (no linked article), the question decides.
    const asked = await recommendations(
      user,
      `contentType=article&q=${encodeURIComponent('how do I set my goals')}`,
    );
    expect(asked.stepId).toBe('create-profile');
    expect(asked.recommendations[0]?.id).toBe('goals');
    for (let i = 1; i < asked.recommendations.length; i++)
      expect(asked.recommendations[i - 1]!.score).toBeGreaterThanOrEqual(asked.recommendations[i]!.score);
  });

  it.each([
    ['a step the flow does not have', 'stepId=no-such-step', 404, 'not_found'],
    ['a contentType it does not know', 'contentType=videos', 400, 'validation_failed'],
    ['a limit over 50', 'limit=51', 400, 'validation_failed'],
  ])('refuses %s', async (_name, query, status, code) => {
    const user = uniqueUser('reco');
    await start(user, {});
    const res = await api(`/v1/journeys/${user}/recommendations?${query}`, {
      headers: await browserHeaders(user),
    });
    expect(res.status).toBe(status);
    expect((await json<{ error: { code: string } }>(res)).error.code).toBe(code);
  });

  it('answers not_found for a user without a journey, and serves the tenant’s server too', async () => {
    const user = uniqueUser('reco');
    const none = await api(`/v1/journeys/${user}/recommendations`, { headers: serverHeaders });
    expect(none.status).toBe(404);
    await start(user, {});
    const res = await api(`/v1/journeys/${user}/recommendations`, { headers: serverHeaders });
    expect(res.status).toBe(200);
    expect(ContentRecommendationsResponse.parse(await res.json()).recommendations.length).toBeGreaterThan(0);
  });
});
