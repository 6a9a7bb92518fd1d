import { describe, expect, it } from 'vitest';
import {
  assessTechnicalProficiency,
  type InteractionPattern,
  scoreTechnicalProficiency,
} from './proficiency';

const step = (
  durationMs: number,
  signals: string[] = [],
  extra: Partial<InteractionPattern> = {},
): InteractionPattern => ({
  durationMs,
  expectedDurationMs: 60_000,
  signals: signals.map((type) => ({ type: type as never })),
  ...extra,
});

describe('assessTechnicalProficiency', () => {
  it.each([
    { name: 'no evidence, no prior', patterns: [], prior: undefined, level: 'intermediate' },
    { name: 'no evidence, self-reported expert', patterns: [], prior: 'expert' as const, level: 'expert' },
    {
      name: 'fast and clean',
      patterns: [step(15_000), step(20_000), step(18_000)],
      prior: undefined,
      level: 'expert',
    },
    {
      name: 'on time, no friction',
      patterns: [step(60_000), step(55_000), step(65_000)],
      prior: undefined,
      level: 'advanced',
    },
    {
      name: 'slow with rage and dead clicks',
      patterns: [
        step(180_000, ['rage_click', 'dead_click', 'rage_click']),
        step(150_000, ['form_struggle', 'error_click']),
      ],
      prior: undefined,
      level: 'beginner',
    },
    {
      name: 'self-reported expert who struggles everywhere',
      patterns: [1, 2, 3, 4, 5].map(() => step(200_000, ['rage_click', 'thrashed_cursor', 'dead_click'])),
      prior: 'expert' as const,
      level: 'beginner',
    },
    {
      name: 'slowish but only hesitating (reading)',
      patterns: [step(90_000, ['hesitation']), step(80_000, ['hesitation'])],
      prior: undefined,
      level: 'intermediate',
    },
  ])('$name → $level', ({ patterns, prior, level }) => {
    expect(assessTechnicalProficiency(patterns, prior)).toBe(level);
  });

  it('counts keyboard-first work as fluency', () => {
    const mouse = step(50_000, [], { interaction: { timeSpentMs: 50_000, clicks: 12, pointer: 'mouse' } });
    const keyboard = step(50_000, [], {
      interaction: { timeSpentMs: 50_000, clicks: 2, keystrokes: 40, pointer: 'keyboard' },
    });
    expect(scoreTechnicalProficiency([keyboard]).score).toBeGreaterThan(
      scoreTechnicalProficiency([mouse]).score,
    );
  });

  it('grows confident with evidence and ignores patterns that carry none', () => {
    expect(scoreTechnicalProficiency([{}]).confidence).toBe(0);
    const few = scoreTechnicalProficiency([step(60_000)]).confidence;
    const many = scoreTechnicalProficiency([1, 2, 3, 4, 5, 6].map(() => step(60_000))).confidence;
    expect(many).toBeGreaterThan(few);
    expect(many).toBeLessThan(1);
  });
});
