import type {
  ContentRecommendation,
  HelpArticle,
  OnboardingStep,
  UserPersona,
} from '@smart-onboarding/protocol';
import { armMean, arms, type LearningContext, type PathOptimizerState } from '../learning/path-optimizer';
import type { ProficiencyAssessment } from './proficiency';

export interface RecommendationInput {
  persona: UserPersona;
  proficiency?: ProficiencyAssessment;
  /** The step whose variants are ranked, and whose linked articles get a bonus. */
  step?: OnboardingStep;
  /** Candidate articles; `relevance` (0..1) is the retrieval similarity to the current moment, when known. */
  articles?: ReadonlyArray<{ article: HelpArticle; relevance?: number }>;
  /** Votes from earlier help: articles users found helpful rise. */
  feedback?: Readonly<Record<string, { helpful: number; notHelpful: number }>>;
  /** The flow's optimizer, so what was learned about variants for this cohort and persona counts. */
  optimizer?: { state: PathOptimizerState; learning: LearningContext };
  contentType?: 'article' | 'variant' | 'all';
  limit?: number;
}

/** What the journey knows for ranking at one moment (the journey object answers it; the caller adds articles). */
export type RecommendationContext = Pick<
  RecommendationInput,
  'persona' | 'proficiency' | 'step' | 'optimizer'
>;

/** Pseudo-observations the hand-set variant score is worth against the optimizer's learned mean. */
const VARIANT_PRIOR_WEIGHT = 4;

function variantScore(
  input: RecommendationInput,
  step: OnboardingStep,
  variant: { id?: string; style?: string },
) {
  const reasons: string[] = [];
  let base = 0.5;
  const preferred = input.persona.recommendedApproach.contentStyle;
  if (variant.style && variant.style === preferred) {
    base += 0.25;
    reasons.push(`${variant.style} suits a ${input.persona.personaType.replace('_', ' ')}`);
  }
  const level = input.proficiency?.level;
  if (variant.style === 'simplified' && level === 'beginner') {
    base += 0.15;
    reasons.push('simplified for a beginner');
  }
  if (variant.style === 'simplified' && (level === 'expert' || level === 'advanced')) {
    base -= 0.1;
    reasons.push('fluent users need less hand-holding');
  }
  let score = Math.min(1, Math.max(0, base));
  if (input.optimizer) {
    const learned = armMean(
      input.optimizer.state,
      input.optimizer.learning,
      arms.variant(step.id, variant.id),
    );
    if (learned.observations > 0) {
      score =
        (score * VARIANT_PRIOR_WEIGHT + learned.mean * learned.observations) /
        (VARIANT_PRIOR_WEIGHT + learned.observations);
      reasons.push(
        `learned success ${(learned.mean * 100).toFixed(0)}% over ${learned.observations.toFixed(0)} journeys`,
      );
    }
  }
  return { score, reason: reasons.join('; ') || 'the step as written' };
}

/**
 * The seed's `generateContentRecommendations`: ranks help articles and step variants for this user, best
 * first. Articles by relevance to the moment and by other users' votes; variants by how well their style
 * suits the persona and proficiency, then by what the optimizer learned for this cohort and persona.
 *
 * @example
 * const [best] = generateContentRecommendations({ persona, proficiency, step, contentType: 'variant' });
 */
export function generateContentRecommendations(input: RecommendationInput): ContentRecommendation[] {
  const type = input.contentType ?? 'all';
  const out: ContentRecommendation[] = [];
  if (type !== 'variant') {
    for (const { article, relevance } of input.articles ?? []) {
      const linked = input.step?.helpArticleIds.includes(article.id) ?? false;
      const r = relevance ?? (linked ? 1 : 0.2);
      const votes = input.feedback?.[article.id] ?? { helpful: 0, notHelpful: 0 };
      const liked = (1 + votes.helpful) / (2 + votes.helpful + votes.notHelpful);
      const score = 0.7 * r + 0.3 * liked + (linked ? 0.1 : 0);
      const reasons = [
        relevance !== undefined
          ? `relevance ${relevance.toFixed(2)}`
          : linked
            ? 'linked from the step'
            : 'from the tenant library',
        ...(votes.helpful + votes.notHelpful > 0 ? [`${(liked * 100).toFixed(0)}% found it helpful`] : []),
        ...(linked && relevance !== undefined ? ['linked from the step'] : []),
      ];
      out.push({
        kind: 'article',
        id: article.id,
        ...(input.step ? { stepId: input.step.id } : {}),
        title: article.title,
        score,
        reason: reasons.join('; '),
      });
    }
  }
  if (type !== 'article' && input.step) {
    const step = input.step;
    const candidates = [{ id: undefined, style: undefined, title: step.title }, ...step.variants];
    for (const v of candidates) {
      const { score, reason } = variantScore(input, step, v);
      out.push({ kind: 'variant', id: v.id ?? 'default', stepId: step.id, title: v.title, score, reason });
    }
  }
  return out.sort((a, b) => b.score - a.score).slice(0, input.limit ?? out.length);
}
