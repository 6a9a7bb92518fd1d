import { FlowDefinition } from '@smart-onboarding/protocol';
import { seededRandom } from '@smart-onboarding/stats';
import { describe, expect, it } from 'vitest';
import demoFlow from '../src/dev/demo-flow.json' with { type: 'json' };
import { inProcessBackend } from './in-process-backend';
import { abReport, formatReport } from './report';
import { runArm } from './simulation';

const flow = FlowDefinition.parse(demoFlow);
const seedOf = (i: number) => seededRandom(77 * 1_000_003 + i);

async function run(users: number) {
  const a = inProcessBackend('adaptive', flow, seededRandom(1));
  const b = inProcessBackend('smart', flow, seededRandom(2));
  const ra = await runArm(a, users, seedOf);
  const rb = await runArm(b, users, seedOf);
  return { ra, rb, b, report: abReport(ra, rb, b.predictions) };
}

describe('the A/B simulation', () => {
  it('runs the same users through both arms and reports every figure with an interval', async () => {
    const { ra, rb, b, report } = await run(400);
    expect(ra.map((r) => r.persona)).toEqual(rb.map((r) => r.persona));
    expect(report.a.users).toBe(400);
    for (const s of [report.a, report.b]) {
      expect(s.completion.rate).toBeGreaterThan(0.3);
      expect(s.completion.rate).toBeLessThan(0.95);
      expect(s.medianCi95[0]).toBeLessThanOrEqual(s.medianSeconds);
      expect(s.medianCi95[1]).toBeGreaterThanOrEqual(s.medianSeconds);
    }
    expect(report.completionUpliftCi95[0]).toBeLessThanOrEqual(report.completionUplift);
    expect(report.intervention.holdout.n).toBeGreaterThan(0);
    expect(report.intervention.treated.n).toBeGreaterThan(report.intervention.holdout.n);
    expect(report.calibration?.count).toBeGreaterThan(100);
    // Arm B learned from the journeys it ran.
    expect(b.learning().journeys.completed + b.learning().journeys.abandoned).toBe(400);
    expect(Object.keys(b.learning().optimizer.contexts).length).toBeGreaterThan(1);
    expect(formatReport(report)).toContain('intervention uplift in B');
  });

  it('is reproducible from its seed', async () => {
    const one = await run(100);
    const two = await run(100);
    expect(one.ra.map((r) => [r.completed, r.seconds])).toEqual(two.ra.map((r) => [r.completed, r.seconds]));
    expect(one.rb.map((r) => [r.completed, r.seconds])).toEqual(two.rb.map((r) => [r.completed, r.seconds]));
  });
});
