import { describe, expect, it } from 'vitest';
import { arms, emptyPathOptimizer, recordJourneyOutcome } from '../learning/path-optimizer';
import { generateContentRecommendations } from './content-recommendations';
import { analyzeUserProfile } from './persona';
import { sampleFlow } from './test-flow';

const connect = sampleFlow.steps.find((s) => s.id === 'connect-account')!;
const beginner = analyzeUserProfile({ technicalProficiency: 'beginner', previousExperience: 'none' });
const power = analyzeUserProfile({ technicalProficiency: 'expert', previousExperience: 'experienced' });
const articles = [
  {
    id: 'connect-accounts',
    title: 'Connecting your social accounts',
    body: 'Open Channels and press Connect.',
  },
  { id: 'billing', title: 'Billing', body: 'Invoices.' },
  { id: 'compose-post', title: 'Writing a post', body: 'In Compose...' },
];

describe('generateContentRecommendations', () => {
  it.each([
    {
      name: 'a cautious beginner gets the simplified variant first',
      persona: beginner,
      level: 'beginner' as const,
      first: 'connect-simplified',
    },
    {
      name: 'a power user gets the text variant first',
      persona: power,
      level: 'expert' as const,
      first: 'connect-text',
    },
  ])('$name', ({ persona, level, first }) => {
    const ranked = generateContentRecommendations({
      persona,
      proficiency: { level, score: 0.5, confidence: 0.5, evidence: 3 },
      step: connect,
      contentType: 'variant',
    });
    expect(ranked[0]?.id).toBe(first);
    expect(ranked.map((r) => r.kind)).toEqual(['variant', 'variant', 'variant']);
  });

  it('lets what the optimizer learned overrule the style preference', () => {
    let state = emptyPathOptimizer();
    const learning = { persona: 'power_user' as const, cohort: 'default' };
    for (let i = 0; i < 40; i++) {
      state = recordJourneyOutcome(
        state,
        [{ context: 'default|power_user', arms: [arms.variant('connect-account', 'connect-simplified')] }],
        1,
      );
      state = recordJourneyOutcome(
        state,
        [{ context: 'default|power_user', arms: [arms.variant('connect-account', 'connect-text')] }],
        0.1,
      );
    }
    const ranked = generateContentRecommendations({
      persona: power,
      step: connect,
      contentType: 'variant',
      optimizer: { state, learning },
    });
    expect(ranked[0]?.id).toBe('connect-simplified');
    expect(ranked[0]?.reason).toMatch(/learned success/);
  });

  it.each([
    { name: 'linked article first without retrieval', input: {}, first: 'connect-accounts' },
    {
      name: 'retrieval relevance decides',
      input: { relevance: { 'connect-accounts': 0.2, billing: 0.1, 'compose-post': 0.95 } },
      first: 'compose-post',
    },
    {
      name: 'downvotes cost an article its lead in relevance',
      input: {
        relevance: { 'connect-accounts': 0.5, billing: 0.5, 'compose-post': 0.6 },
        feedback: { 'compose-post': { helpful: 0, notHelpful: 9 } },
      },
      first: 'connect-accounts',
    },
  ])('articles: $name', ({ input, first }) => {
    const rel = (input as { relevance?: Record<string, number> }).relevance;
    const ranked = generateContentRecommendations({
      persona: beginner,
      step: connect,
      contentType: 'article',
      articles: articles.map((article) => ({ article, ...(rel ? { relevance: rel[article.id]! } : {}) })),
      ...((input as { feedback?: never }).feedback
        ? { feedback: (input as { feedback: never }).feedback }
        : {}),
    });
    expect(ranked[0]?.id).toBe(first);
  });

  it('mixes both kinds and honours the limit', () => {
    const ranked = generateContentRecommendations({
      persona: beginner,
      step: connect,
      articles: articles.map((article) => ({ article })),
      limit: 4,
    });
    expect(ranked).toHaveLength(4);
    expect(new Set(ranked.map((r) => r.kind))).toEqual(new Set(['article', 'variant']));
    for (let i = 1; i < ranked.length; i++)
      expect(ranked[i - 1]!.score).toBeGreaterThanOrEqual(ranked[i]!.score);
  });
});
