import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { database } from '../src/adapters/d1/client';
import { interventions, stepCompletions } from '../src/adapters/d1/schema';
import { api, freshTenant, json } from './helpers';

const MIN = 60_000;

describe('GET /v1/analytics/interventions/effectiveness', () => {
  it('compares progress within the window, shown against held out, from D1 interventions and completions', async () => {
    const tenant = await freshTenant();
    const db = database(env.DB);
    const t = 1_790_000_000_000;
    // Shown: 3 of 4 progress within 5 min (one progresses after 10 min). Held out: 1 of 4.
    const cases: Array<[holdout: boolean, progressAfterMs: number | null]> = [
      [false, 1 * MIN],
      [false, 2 * MIN],
      [false, 4 * MIN],
      [false, 10 * MIN],
      [true, 3 * MIN],
      [true, 8 * MIN],
      [true, null],
      [true, null],
    ];
    for (const [i, [holdout, after]] of cases.entries()) {
      const journeyId = `j${i}`;
      await db.insert(interventions).values({
        id: `${tenant.id}-i${i}`,
        tenantId: tenant.id,
        userId: `u${i}`,
        journeyId,
        stepId: 'connect',
        kind: 'hint',
        holdout,
        createdAt: t + i,
      });
      // A completion before the intervention does not count as progress after it.
      await db.insert(stepCompletions).values({
        journeyId,
        stepId: 'start',
        tenantId: tenant.id,
        userId: `u${i}`,
        flowId: 'f',
        action: 'completed',
        at: t - MIN,
        durationMs: 1,
      });
      if (after !== null)
        await db.insert(stepCompletions).values({
          journeyId,
          stepId: 'connect',
          tenantId: tenant.id,
          userId: `u${i}`,
          flowId: 'f',
          action: 'completed',
          at: t + i + after,
          durationMs: after,
        });
    }
    // A `none` decision is not an intervention.
    await db.insert(interventions).values({
      id: `${tenant.id}-none`,
      tenantId: tenant.id,
      userId: 'u0',
      journeyId: 'j0',
      kind: 'none',
      holdout: false,
      createdAt: t,
    });
    const res = await api('/v1/analytics/interventions/effectiveness?windowMinutes=5', {
      headers: { authorization: `Bearer ${tenant.secretKey}` },
    });
    expect(res.status).toBe(200);
    const body = await json<{
      interventions: number;
      treated: { n: number; progressed: number };
      holdout: { n: number; progressed: number };
      uplift: number;
      upliftCi95: [number, number];
    }>(res);
    expect(body.interventions).toBe(8);
    expect(body.treated).toMatchObject({ n: 4, progressed: 3 });
    expect(body.holdout).toMatchObject({ n: 4, progressed: 1 });
    expect(body.uplift).toBeCloseTo(0.5);
    expect(body.upliftCi95[0]).toBeLessThan(body.uplift);
    expect(body.upliftCi95[1]).toBeGreaterThan(body.uplift);

    const wider = await json<{ treated: { progressed: number }; holdout: { progressed: number } }>(
      await api('/v1/analytics/interventions/effectiveness?windowMinutes=15', {
        headers: { authorization: `Bearer ${tenant.secretKey}` },
      }),
    );
    expect(wider.treated.progressed).toBe(4);
    expect(wider.holdout.progressed).toBe(2);

    // Per kind, step and persona, each with the uplift's interval; the same rows as CSV.
    const split = await json<{
      byKind: Record<string, { uplift: number; upliftCi95: [number, number] }>;
      byStep: Record<string, { treated: { n: number } }>;
      byPersona: Record<string, { holdout: { n: number } }>;
    }>(
      await api('/v1/analytics/interventions/effectiveness?windowMinutes=5', {
        headers: { authorization: `Bearer ${tenant.secretKey}` },
      }),
    );
    expect(split.byKind.hint?.uplift).toBeCloseTo(0.5);
    expect(split.byKind.hint?.upliftCi95[0]).toBeLessThan(0.5);
    expect(split.byStep.connect?.treated.n).toBe(4);
    // These journeys have no D1 row: their persona is unknown.
    expect(split.byPersona.unknown?.holdout.n).toBe(4);
    const csv = await api('/v1/analytics/interventions/effectiveness?windowMinutes=5&format=csv', {
      headers: { authorization: `Bearer ${tenant.secretKey}` },
    });
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = (await csv.text()).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'group,key,treated_n,treated_progressed,treated_rate,holdout_n,holdout_progressed,holdout_rate,uplift,uplift_lower95,uplift_upper95',
    );
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 4).join(','))).toEqual([
      'all,,4,3',
      'kind,hint,4,3',
      'step,connect,4,3',
      'persona,unknown,4,3',
    ]);
  });

  it.each([
    ['windowMinutes=0', 400],
    ['windowMinutes=abc', 400],
  ])('rejects %s', async (query, status) => {
    const tenant = await freshTenant();
    const res = await api(`/v1/analytics/interventions/effectiveness?${query}`, {
      headers: { authorization: `Bearer ${tenant.secretKey}` },
    });
    expect(res.status).toBe(status);
    expect(await json(res)).toMatchObject({ error: { code: 'validation_failed' } });
  });

  it('refuses a publishable key', async () => {
    const tenant = await freshTenant();
    const res = await api('/v1/analytics/interventions/effectiveness', {
      headers: { authorization: `Bearer ${tenant.publishableKey}` },
    });
    expect(res.status).toBe(403);
  });
});
