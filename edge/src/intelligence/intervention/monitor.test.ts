import { describe, expect, it } from 'vitest';
import { monitorUserProgress, type ProgressFacts } from './monitor';

const NOW = 10_000_000;
const facts = (f: Partial<ProgressFacts>): ProgressFacts => ({
  currentStepId: 'create-post',
  stepStartedAt: NOW - 60_000,
  expectedStepSec: 120,
  lastActivityAt: NOW - 1000,
  ...f,
});

describe('monitorUserProgress', () => {
  it.each([
    { name: 'no current step', f: { currentStepId: null }, status: 'idle' },
    { name: 'on the step for half its estimate', f: {}, status: 'on_track' },
    { name: 'on the step for 2.9× its estimate', f: { stepStartedAt: NOW - 348_000 }, status: 'on_track' },
    { name: 'on the step for 4× its estimate', f: { stepStartedAt: NOW - 480_000 }, status: 'stalled' },
    {
      name: 'a short step is given at least a minute',
      f: { expectedStepSec: 5, stepStartedAt: NOW - 30_000 },
      status: 'on_track',
    },
    {
      name: 'long on the step but gone quiet for 10 min',
      f: { stepStartedAt: NOW - 3_600_000, lastActivityAt: NOW - 600_000 },
      status: 'away',
    },
    {
      name: 'stalled, but helped a minute ago',
      f: { stepStartedAt: NOW - 480_000, lastInterventionAt: NOW - 60_000 },
      status: 'recently_helped',
    },
  ])('$name → $status', ({ f, status }) => {
    expect(monitorUserProgress(facts(f as Partial<ProgressFacts>), NOW).status).toBe(status);
  });

  it('reports a stall as a struggle the engine understands, stronger the longer it lasts', () => {
    const a = monitorUserProgress(facts({ stepStartedAt: NOW - 480_000 }), NOW);
    const b = monitorUserProgress(facts({ stepStartedAt: NOW - 1_200_000 }), NOW);
    if (a.status !== 'stalled' || b.status !== 'stalled') throw new Error('expected stalls');
    expect(a.report).toMatchObject({
      stepId: 'create-post',
      source: 'rules',
      reasons: [{ code: 'stalled_on_step' }],
    });
    expect(b.report.score).toBeGreaterThan(a.report.score);
    expect(b.report.score).toBeLessThanOrEqual(0.95);
  });
});
