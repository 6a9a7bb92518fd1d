import { BehaviorEvent, FlowDefinition } from '@smart-onboarding/protocol';
import { describe, expect, it } from 'vitest';
import { applyEventsToJourney } from './journey-events';
import { doneSteps, type JourneyState, recordIntervention, startJourney } from './journey-state';
import { ruleBasedNextStep } from './next-step-policy';

const flow = FlowDefinition.parse({
  id: 'f',
  name: 'F',
  steps: [
    { id: 'a', title: 'A' },
    { id: 'b', title: 'B', prerequisites: ['a'] },
  ],
});
const decide = (s: JourneyState) =>
  ruleBasedNextStep.choose({
    flow,
    done: doneSteps(s),
    currentStepId: s.currentStepId,
    now: 0,
    random: () => 0,
  });
let n = 0;
const ev = (over: Record<string, unknown>) =>
  BehaviorEvent.parse({
    id: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
    sessionId: 's',
    timestamp: 5,
    ...over,
  });

function started() {
  const s = startJourney({
    id: 'j',
    userId: 'u',
    flow,
    flowVersion: 1,
    now: 0,
    first: decide({ completions: [] } as never),
  });
  return recordIntervention(
    s,
    { id: 'i1', kind: 'hint', title: '', body: '', reason: '', holdout: false, createdAt: 0 },
    0,
  );
}

describe('applyEventsToJourney', () => {
  it.each([
    ['a completed step', [ev({ eventType: 'step', stepId: 'a', action: 'completed' })], ['a'], 'b'],
    [
      'steps in order',
      [
        ev({ eventType: 'step', stepId: 'a', action: 'completed' }),
        ev({ eventType: 'step', stepId: 'b', action: 'completed' }),
      ],
      ['a', 'b'],
      null,
    ],
    ['a step out of order', [ev({ eventType: 'step', stepId: 'b', action: 'completed' })], [], 'a'],
    ['an unknown step', [ev({ eventType: 'step', stepId: 'zzz', action: 'completed' })], [], 'a'],
    ['a viewed step', [ev({ eventType: 'step', stepId: 'a', action: 'viewed' })], [], 'a'],
  ])('applies %s', (_name, events, done, current) => {
    const { state } = applyEventsToJourney(started(), flow, events, decide, 10);
    expect(state.completions.map((c) => c.stepId)).toEqual(done);
    expect(state.currentStepId).toBe(current);
  });

  it('records engagement scores and intervention outcomes', () => {
    const { state, outcomes } = applyEventsToJourney(
      started(),
      flow,
      [
        ev({ eventType: 'engagement', stepId: 'a', interaction: { timeSpentMs: 1 }, engagementScore: 0.4 }),
        ev({ eventType: 'intervention', interventionId: 'i1', action: 'shown' }),
        ev({ eventType: 'intervention', interventionId: 'i1', action: 'dismissed' }),
      ],
      decide,
      10,
    );
    expect(state.engagementHistory).toEqual([{ t: 5, stepId: 'a', score: 0.4 }]);
    expect(state.interventions[0]?.outcome).toBe('dismissed');
    expect(outcomes).toEqual([{ interventionId: 'i1', outcome: 'dismissed' }]);
  });

  it('returns the same state when nothing concerns the journey', () => {
    const s = started();
    expect(applyEventsToJourney(s, flow, [ev({ eventType: 'page', action: 'view' })], decide, 10).state).toBe(
      s,
    );
  });

  it.each([
    ['an active journey is abandoned', [], 'abandoned'],
    ['a finished journey stays completed', ['a', 'b'], 'completed'],
  ])('%s by a step event "abandoned"', (_name, before, status) => {
    const done = before.map((stepId) => ev({ eventType: 'step', stepId, action: 'completed' }));
    const { state } = applyEventsToJourney(
      started(),
      flow,
      [...done, ev({ eventType: 'step', stepId: 'a', action: 'abandoned' })],
      decide,
      10,
    );
    expect(state.status).toBe(status);
    if (status === 'abandoned') expect(state.adaptationHistory.at(-1)?.kind).toBe('abandoned');
  });
});
