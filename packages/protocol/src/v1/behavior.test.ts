import { describe, expect, it } from 'vitest';
import { BehaviorEvent, EVENT_BATCH_MAX_EVENTS, EventBatch } from './behavior';

const base = { id: '0b7c2f7e-8a59-4c43-9a53-3f1a0f4a8b11', sessionId: 's1', timestamp: 1_700_000_000_000 };

describe('BehaviorEvent', () => {
  it.each([
    { ...base, eventType: 'signal', signal: { type: 'rage_click', t: 1, evidence: { clicks: 3 } } },
    { ...base, eventType: 'features', window: { schema: 'fw1', t0: 0, t1: 2000, values: [0.1, 2] } },
    {
      ...base,
      eventType: 'struggle',
      score: 0.9,
      source: 'model',
      reasons: [{ code: 'rage_click', weight: 0.7 }],
    },
    { ...base, eventType: 'engagement', interaction: { timeSpentMs: 1200, clicks: 4 } },
    { ...base, eventType: 'step', stepId: 'connect-account', action: 'completed' },
    { ...base, eventType: 'track', name: 'post_created', properties: { draft: false } },
  ])('accepts $eventType', (event) => {
    expect(BehaviorEvent.safeParse(event).success).toBe(true);
  });

  it.each([
    ['a non-uuid id', { ...base, id: 'abc', eventType: 'page', action: 'view' }],
    ['an unknown event type', { ...base, eventType: 'keystroke', key: 'a' }],
    ['an unknown signal', { ...base, eventType: 'signal', signal: { type: 'sad_click', t: 1 } }],
    ['a score above 1', { ...base, eventType: 'struggle', score: 1.5, source: 'model', reasons: [] }],
    ['a step event without a step', { ...base, eventType: 'step', action: 'completed' }],
    ['nested properties', { ...base, eventType: 'track', name: 'x', properties: { a: { b: 1 } } }],
    ['a negative timestamp', { ...base, timestamp: -1, eventType: 'page', action: 'view' }],
  ])('refuses %s', (_name, event) => {
    expect(BehaviorEvent.safeParse(event).success).toBe(false);
  });
});

describe('EventBatch', () => {
  const event = { ...base, eventType: 'page', action: 'view' };
  it('bounds the number of events', () => {
    expect(EventBatch.safeParse({ sentAt: 1, events: [] }).success).toBe(false);
    expect(EventBatch.safeParse({ sentAt: 1, events: [event] }).success).toBe(true);
    const tooMany = Array.from({ length: EVENT_BATCH_MAX_EVENTS + 1 }, () => event);
    expect(EventBatch.safeParse({ sentAt: 1, events: tooMany }).success).toBe(false);
  });
});
