import type { FlowDefinition } from '@smart-onboarding/protocol';
import { describe, expect, it } from 'vitest';
import { aggregateHotspots } from '../events/hotspots';
import { buildFunnel, hotspotTrend } from './funnel';

const flow = {
  id: 'f',
  name: 'F',
  steps: [
    { id: 'a', title: 'A', prerequisites: [] },
    { id: 'b', title: 'B', prerequisites: ['a'] },
    { id: 'c', title: 'C', prerequisites: ['b'] },
  ],
} as unknown as FlowDefinition;

describe('buildFunnel', () => {
  it('orders steps as the flow does and gives each its share of started and of the step before', () => {
    const [mobile, desktop] = buildFunnel(
      flow,
      [
        { segment: 'desktop', started: 10, completed: 4, abandoned: 3 },
        { segment: 'mobile', started: 20, completed: 5, abandoned: 10 },
      ],
      [
        { segment: 'mobile', stepId: 'b', completed: 8, skipped: 0 },
        { segment: 'mobile', stepId: 'a', completed: 16, skipped: 0 },
        { segment: 'mobile', stepId: 'c', completed: 5, skipped: 1 },
        { segment: 'desktop', stepId: 'a', completed: 10, skipped: 0 },
        { segment: 'desktop', stepId: 'old', completed: 2, skipped: 0 },
      ],
    );
    expect(mobile?.segment).toBe('mobile');
    expect(mobile?.steps.map((s) => [s.stepId, s.completed, s.rate, s.stepRate])).toEqual([
      ['a', 16, 0.8, 0.8],
      ['b', 8, 0.4, 0.5],
      ['c', 5, 0.25, 0.625],
      // Every segment has the same steps, so the rows line up.
      ['old', 0, 0, 0],
    ]);
    // A step only an older version had follows the latest version's steps; a step nobody reached is 0.
    expect(desktop?.steps.map((s) => [s.stepId, s.completed, s.stepRate])).toEqual([
      ['a', 10, 1],
      ['b', 0, 0],
      ['c', 0, 0],
      ['old', 2, 0],
    ]);
  });
});

describe('hotspotTrend', () => {
  it.each([
    [0, 0, 'steady'],
    [4, 0, 'new'],
    [2, 1, 'steady'],
    [9, 6, 'rising'],
    [3, 10, 'falling'],
    [12, 10, 'steady'],
  ] as const)('recent %i, earlier %i → %s', (recent, earlier, trend) => {
    expect(hotspotTrend(recent, earlier)).toBe(trend);
  });
});

describe('aggregateHotspots', () => {
  const signal = (
    type: string,
    selector: string | undefined,
    stepId?: string,
    t = Date.UTC(2026, 11, 7),
  ) => ({
    id: crypto.randomUUID(),
    sessionId: 's',
    timestamp: t,
    eventType: 'signal' as const,
    ...(stepId ? { stepId } : {}),
    signal: { type, t, evidence: {}, ...(selector ? { element: { selector } } : {}) },
  });

  it('counts signals per step, element, signal and day, and ignores other events', () => {
    const events = [
      signal('rage_click', '#save', 'connect'),
      signal('rage_click', '#save', 'connect'),
      signal('dead_click', '#save', 'connect'),
      signal('rage_click', undefined),
      signal('rage_click', '#save', 'connect', Date.UTC(2026, 11, 8)),
      { id: crypto.randomUUID(), sessionId: 's', timestamp: 1, eventType: 'page', action: 'view' },
    ] as Parameters<typeof aggregateHotspots>[0];
    expect(aggregateHotspots(events)).toEqual([
      { stepId: 'connect', element: '#save', signal: 'rage_click', day: '2026-12-07', count: 2 },
      { stepId: 'connect', element: '#save', signal: 'dead_click', day: '2026-12-07', count: 1 },
      { stepId: '', element: '', signal: 'rage_click', day: '2026-12-07', count: 1 },
      { stepId: 'connect', element: '#save', signal: 'rage_click', day: '2026-12-08', count: 1 },
    ]);
  });

  it('cuts a long selector to 200 characters', () => {
    const [row] = aggregateHotspots([signal('rage_click', 'x'.repeat(512))] as Parameters<
      typeof aggregateHotspots
    >[0]);
    expect(row?.element).toHaveLength(200);
  });
});
