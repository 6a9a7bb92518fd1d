import { FlowDefinition } from '@smart-onboarding/protocol';
import { describe, expect, it } from 'vitest';
import { abandonJourney, completeJourney, type JourneyState, startJourney } from '../journey/journey-state';
import { startJourneyIntelligence } from '../journey/policies';
import { deviceClassOf, journeyAnalysisOf } from './journey-analysis';

const flow = FlowDefinition.parse({ id: 'f', name: 'F', steps: [{ id: 'a', title: 'A' }] });

function journey(profile: JourneyState['profile'] = {}): JourneyState {
  return startJourney({
    id: 'j',
    userId: 'u',
    flow,
    flowVersion: 3,
    profile,
    now: 1_000,
    first: { step: flow.steps[0]!, reason: 'first', done: false },
  });
}

describe('deviceClassOf', () => {
  it.each([
    [undefined, 'unknown'],
    [{ path: '/' }, 'unknown'],
    [{ path: '/', pointer: 'touch' as const, viewport: { w: 390, h: 844 } }, 'mobile'],
    [{ path: '/', pointer: 'touch' as const, viewport: { w: 1024, h: 768 } }, 'tablet'],
    [{ path: '/', pointer: 'touch' as const }, 'mobile'],
    [{ path: '/', pointer: 'mouse' as const, viewport: { w: 400, h: 800 } }, 'desktop'],
    [{ path: '/', viewport: { w: 500, h: 900 } }, 'mobile'],
    [{ path: '/', viewport: { w: 800, h: 900 } }, 'tablet'],
    [{ path: '/', viewport: { w: 1440, h: 900 } }, 'desktop'],
    [{ path: '/', viewport: { w: 0, h: 0 } }, 'unknown'],
  ])('%j is %s', (context, expected) => {
    expect(deviceClassOf(context)).toBe(expected);
  });
});

describe('journeyAnalysisOf', () => {
  it('reads the arm and cohort from the profile, the persona from the intelligence', () => {
    const profile = { technicalProficiency: 'expert' as const, traits: { so_arm: 'adaptive', plan: 'pro' } };
    const state = journey(profile);
    const a = journeyAnalysisOf(state, startJourneyIntelligence(profile), 'desktop');
    expect(a).toMatchObject({
      arm: 'adaptive',
      cohort: 'pro',
      persona: 'power_user',
      proficiency: 'expert',
      deviceClass: 'desktop',
      experimentId: null,
      abandonedBy: null,
      timeToCompleteMs: null,
    });
  });

  it('cuts a hostile cohort to a label and falls back without intelligence', () => {
    const state = journey({ traits: { plan: 'x'.repeat(512) } });
    const a = journeyAnalysisOf(state, startJourneyIntelligence(state.profile), null);
    expect(a.cohort).toHaveLength(64);
    const bare = journeyAnalysisOf(state, null, null);
    expect(bare).toMatchObject({ persona: 'unknown', proficiency: 'unknown', cohort: 'default' });
    expect(bare.deviceClass).toBe('unknown');
  });

  it('gives a completion time only to completed journeys, and the cause of an abandonment', () => {
    const done = completeJourney(journey(), flow, 61_000);
    expect(journeyAnalysisOf(done, null, null).timeToCompleteMs).toBe(60_000);
    const left = abandonJourney(journey(), 90_000, 'gone', 'inactivity', 30_000);
    expect(journeyAnalysisOf(left, null, null)).toMatchObject({
      abandonedBy: 'inactivity',
      timeToCompleteMs: null,
    });
    const reported = { ...abandonJourney(journey(), 5_000, 'gone'), abandonedBy: undefined };
    expect(journeyAnalysisOf(reported, null, null).abandonedBy).toBe('reported');
  });

  it('carries the experiment assignment', () => {
    const state = { ...journey(), experiment: { id: 'exp-1', variant: 'smart' } };
    expect(journeyAnalysisOf(state, null, null)).toMatchObject({
      experimentId: 'exp-1',
      experimentVariant: 'smart',
    });
  });
});
