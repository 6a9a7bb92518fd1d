import type {
  FlowDefinition,
  InterventionPlan,
  InterventionRecord,
  OnboardingStep,
  StruggleMetrics,
} from '@smart-onboarding/protocol';

/** What an intervention policy may look at. Everything is given: a policy does no I/O. */
export interface InterventionContext {
  /** The journey's pinned flow; null when the user has no journey yet (the SDK may report struggle anyway). */
  flow: FlowDefinition | null;
  report: StruggleMetrics;
  /** The step the journey is on, when the report does not name one. */
  currentStepId: string | null;
  /** This journey's earlier interventions, oldest first. */
  history: readonly InterventionRecord[];
  now: number;
  random: () => number;
  /** A fresh id for the plan. */
  newId: () => string;
  /** The user, for a stable holdout group. */
  userId?: string;
  /** Struggle score from which help is offered (the persona's `interventionThreshold`). */
  threshold?: number;
  /** Start of the current session, for the per-session cap. */
  sessionStartedAt?: number;
  /** What can be offered here: AI help needs Azure OpenAI configured, a human needs a webhook. */
  capabilities?: { aiHelp: boolean; human: boolean };
}

/**
 * Decides what to do about a struggle report (the seed's `handleUserStruggle`). Returns a plan of kind
 * `none` when nothing should be shown; `holdout` plans are recorded but not shown.
 *
 * @example
 * const quiet: InterventionPolicy = { name: 'quiet', decide: (ctx) => ({ ...hintOnCurrentStep.decide(ctx), kind: 'none' }) };
 */
export interface InterventionPolicy {
  readonly name: string;
  decide(ctx: InterventionContext): InterventionPlan;
}

/** Below this struggle score the default policy stays silent. */
const HINT_THRESHOLD = 0.5;
/** The default policy shows at most one hint per this many milliseconds. */
export const HINT_COOLDOWN_MS = 30_000;

function stepOf(ctx: InterventionContext): OnboardingStep | undefined {
  const id = ctx.report.stepId ?? ctx.currentStepId;
  return id ? ctx.flow?.steps.find((s) => s.id === id) : undefined;
}

function describeReasons(report: StruggleMetrics): string {
  const top = [...report.reasons].sort((a, b) => b.weight - a.weight).slice(0, 3);
  const codes = top.map((r) => r.code).join(', ');
  return `struggle ${report.score.toFixed(2)} (${report.source}${codes ? `: ${codes}` : ''})`;
}

/**
 * The default policy: a hint pointing at the current step's target (or at the element the user struggles
 * with), once the score passes `HINT_THRESHOLD`, and not again within `HINT_COOLDOWN_MS`.
 */
export const hintOnCurrentStep: InterventionPolicy = {
  name: 'rules:hint-on-current-step',
  decide(ctx) {
    const { report, now } = ctx;
    const step = stepOf(ctx);
    const base = {
      id: ctx.newId(),
      stepId: step?.id,
      holdout: false,
      createdAt: now,
      title: '',
      body: '',
    };
    if (report.score < HINT_THRESHOLD) {
      return { ...base, kind: 'none', reason: `${describeReasons(report)} is below ${HINT_THRESHOLD}` };
    }
    const lastShown = [...ctx.history].reverse().find((i) => i.kind !== 'none' && !i.holdout);
    if (lastShown && now - lastShown.createdAt < HINT_COOLDOWN_MS) {
      return { ...base, kind: 'none', reason: `a hint was shown ${now - lastShown.createdAt} ms ago` };
    }
    const target = step?.target ?? (report.element ? { selector: report.element } : undefined);
    return {
      ...base,
      kind: 'hint',
      target,
      title: step?.title ?? 'Need a hand?',
      body: step?.body || 'This part can be tricky. Here is where to go next.',
      reason: describeReasons(report),
      expiresAt: now + 60_000,
    };
  },
};
