import { EscalationTicket, type Signal, type StruggleMetrics } from '@smart-onboarding/protocol';
import { describe, expect, it } from 'vitest';
import { sampleFlow } from '../intelligence/test-flow';
import { buildEscalationTicket, struggleSummary } from './ticket';

const step = sampleFlow.steps.find((s) => s.id === 'schedule-post')!;
const sig = (type: Signal['type'], t: number): Signal => ({ type, t, evidence: {} });
const report: StruggleMetrics = {
  score: 0.91,
  source: 'model',
  reasons: [
    { code: 'dead_click', weight: 0.6 },
    { code: 'rage_click', weight: 0.3 },
  ],
  stepId: 'schedule-post',
  element: '#schedule-button',
  recentSignals: [sig('dead_click', 1), sig('dead_click', 2), sig('rage_click', 3)],
  t: 3,
};

describe('struggleSummary', () => {
  it.each([
    {
      name: 'a full picture',
      input: {
        id: 't',
        userId: 'u-42',
        report,
        step,
        position: { index: 5, of: 5 },
        onStepMs: 240_000,
        interventions: [
          { id: 'a', kind: 'hint' as const, createdAt: 0, holdout: false, outcome: 'dismissed' as const },
          { id: 'b', kind: 'ai_help' as const, createdAt: 1, holdout: false, outcome: 'abandoned' as const },
        ],
        page: '/compose',
        now: 10,
      },
      lines: [
        'User u-42 is stuck on step "Schedule it" (5 of 5), 4 min on it (expected 45 s).',
        'Struggle score 0.91 (model): dead click, rage click.',
        'Recent signals: dead click ×2, rage click ×1.',
        'Already tried: hint (dismissed), ai help (abandoned).',
        'Page: /compose.',
      ],
    },
    {
      name: 'a user who asked for a person outside any step',
      input: { id: 't', userId: 'u-1', userMessage: 'I cannot find billing', now: 1 },
      lines: ['User u-1 is stuck outside any onboarding step.', 'The user wrote: "I cannot find billing"'],
    },
  ])('$name', ({ input, lines }) => {
    expect(struggleSummary(input).split('\n')).toEqual(lines);
  });
});

describe('buildEscalationTicket', () => {
  it('is a valid pending ticket with the newest signals first', () => {
    const ticket = buildEscalationTicket({ id: 'ticket-1', userId: 'u-42', report, step, now: 1000 });
    expect(EscalationTicket.parse(ticket)).toEqual(ticket);
    expect(ticket).toMatchObject({
      status: 'pending',
      attempts: 0,
      stepId: 'schedule-post',
      createdAt: 1000,
    });
    expect(ticket.recentSignals.map((s) => s.t)).toEqual([3, 2, 1]);
  });

  it('keeps at most 32 signals', () => {
    const many = Array.from({ length: 50 }, (_, i) => sig('hesitation', i));
    expect(
      buildEscalationTicket({ id: 'x', userId: 'u', recentSignals: many, now: 0 }).recentSignals,
    ).toHaveLength(32);
  });
});
