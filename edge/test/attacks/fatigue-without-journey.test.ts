import { InterventionResponse } from '@smart-onboarding/protocol';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ENGINE_OPTIONS } from '../../src/intelligence/intervention/engine';
import { api, browserHeaders, uniqueUserIn } from '../helpers';

/**
 * Attack (issue 12, hole 2): a user with no journey was decided with an empty history each time, so
 * one id could file a help-desk ticket (or an Azure call) per report. Fatigue limits hold without one.
 */

const report = (t: number) => ({
  score: 0.97,
  source: 'model',
  reasons: [{ code: 'error_click', weight: 1 }],
  element: '#pay',
  t,
});

describe('attack: struggle reports from a user who never started a journey (hole 2)', () => {
  it('applies the session cap and the ladder: at most one ticket, at most maxPerSession offers', async () => {
    const user = uniqueUserIn('treated', 'nojourney');
    const kinds: string[] = [];
    for (let i = 0; i < 10; i++) {
      const res = await api(`/v1/journeys/${user}/struggle`, {
        method: 'POST',
        headers: await browserHeaders(user),
        body: JSON.stringify(report(Date.now())),
      });
      expect(res.status).toBe(200);
      kinds.push(InterventionResponse.parse(await res.json()).plan.kind);
    }
    const offered = kinds.filter((k) => k !== 'none');
    expect(offered.length).toBeGreaterThan(0);
    expect(offered.length).toBeLessThanOrEqual(DEFAULT_ENGINE_OPTIONS.maxPerSession);
    expect(kinds.filter((k) => k === 'human').length).toBeLessThanOrEqual(1);
    expect(kinds.filter((k) => k === 'ai_help').length).toBeLessThanOrEqual(1);
  });
});
