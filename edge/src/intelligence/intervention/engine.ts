import type {
  FlowDefinition,
  InterventionKind,
  InterventionPlan,
  OnboardingStep,
  StruggleMetrics,
} from '@smart-onboarding/protocol';
import { unitHash } from '../stable-hash';
import { elementHintText, elementSignal, stepForElement } from './element-help';
import type { InterventionContext, InterventionPolicy } from './types';

/**
 * The InterventionEngine's policy: from a struggle report and the journey, which help to offer.
 *
 * - **What.** The first help on a step follows the top reason: a hint on the element for rage clicks,
 *   on the real target for dead clicks and a thrashing cursor; the step explained again for hesitation,
 *   going back and forth, scrolling and form struggle; AI help for error clicks (something failed, and a
 *   pointer will not fix it). Each further report on the same step climbs the ladder
 *   hint → explain → simpler variant → AI help → human, skipping what is unavailable, already used, or
 *   dismissed on this step.
 * - **The element.** Struggle the rules confirmed on a named element (rage or dead clicks, a form
 *   refusing input, an error after a click) is noticed for every persona: it is held to the base
 *   threshold, not the persona's, and passes the cooldown. Its hint sits on that element and says what
 *   the step pointing at it says (else words for the signal), the current step's text only as fallback.
 * - **Fatigue.** Nothing below the persona's threshold; nothing within `cooldownMs` of the last
 *   intervention; at most `maxPerSession` per session; after `maxDismissalsPerSession` dismissals the
 *   user is left alone for the session.
 * - **Holdout.** A fixed share of users (by a stable hash of the user id and the experiment salt) gets
 *   plans marked `holdout: true`: decided the same way, recorded, never shown. Their progress is what
 *   `trackInterventionEffectiveness` measures uplift against.
 */
export interface InterventionEngineOptions {
  cooldownMs: number;
  maxPerSession: number;
  maxDismissalsPerSession: number;
  /** Share of users held out, 0..1. */
  holdoutFraction: number;
  /** Changing the salt re-draws the holdout group (a new experiment). */
  holdoutSalt: string;
  /** Used when the context gives no persona threshold. */
  defaultThreshold: number;
  /** Sessions are taken to start this long before `now` when the context does not say. */
  defaultSessionMs: number;
}

export const DEFAULT_ENGINE_OPTIONS: InterventionEngineOptions = {
  cooldownMs: 30_000,
  maxPerSession: 4,
  maxDismissalsPerSession: 2,
  holdoutFraction: 0.1,
  holdoutSalt: 'interventions-v1',
  defaultThreshold: 0.5,
  defaultSessionMs: 30 * 60_000,
};

const LADDER: readonly InterventionKind[] = ['hint', 'explain_step', 'simpler_variant', 'ai_help', 'human'];

const FIRST_BY_REASON: Record<string, InterventionKind> = {
  rage_click: 'hint',
  dead_click: 'hint',
  thrashed_cursor: 'hint',
  hesitation: 'explain_step',
  quick_back: 'explain_step',
  excessive_scroll: 'explain_step',
  form_struggle: 'explain_step',
  stalled_on_step: 'explain_step',
  error_click: 'ai_help',
};

/** Whether a user is in the holdout group: stable across requests, restarts and deploys. */
export function isHeldOut(
  userId: string,
  options: Pick<InterventionEngineOptions, 'holdoutFraction' | 'holdoutSalt'>,
): boolean {
  return unitHash(`${options.holdoutSalt}:${userId}`) < options.holdoutFraction;
}

function describeReasons(report: StruggleMetrics): string {
  const top = [...report.reasons].sort((a, b) => b.weight - a.weight).slice(0, 3);
  return `struggle ${report.score.toFixed(2)} (${report.source}${top.length ? `: ${top.map((r) => r.code).join(', ')}` : ''})`;
}

function available(
  kind: InterventionKind,
  step: OnboardingStep | undefined,
  ctx: InterventionContext,
): boolean {
  const caps = ctx.capabilities ?? { aiHelp: true, human: true };
  switch (kind) {
    case 'hint':
      return Boolean(step?.target || ctx.report.element);
    case 'explain_step':
      return Boolean(step);
    case 'simpler_variant':
      return Boolean(step?.variants.some((v) => v.style === 'simplified'));
    case 'ai_help':
      return caps.aiHelp;
    case 'human':
      return caps.human;
    default:
      return false;
  }
}

function content(
  kind: InterventionKind,
  step: OnboardingStep | undefined,
  report: StruggleMetrics,
  flow: FlowDefinition | null,
) {
  const topReason = [...report.reasons].sort((a, b) => b.weight - a.weight)[0]?.code;
  const signal = elementSignal(report);
  // Help for struggle on an element sits on that element, whatever rung of the ladder it is.
  const onElement =
    signal && signal !== 'dead_click' && report.element ? { selector: report.element } : undefined;
  switch (kind) {
    case 'hint': {
      // For a dead click the user is clicking the wrong thing: point at the real target.
      const target =
        topReason === 'dead_click' || !report.element ? step?.target : { selector: report.element };
      if (onElement) {
        const text = elementHintText(signal!, stepForElement(flow, onElement.selector));
        return { target: onElement, ...text };
      }
      return {
        target: target ?? (report.element ? { selector: report.element } : undefined),
        title: step?.title ?? 'Need a hand?',
        body: step?.body || 'This is where to go next.',
      };
    }
    case 'explain_step':
      return {
        target: onElement ?? step?.target,
        title: step ? `About "${step.title}"` : 'About this step',
        body: step?.body || 'Here is what this step asks for.',
      };
    case 'simpler_variant': {
      const v = step?.variants.find((x) => x.style === 'simplified');
      return {
        target: step?.target,
        variantId: v?.id,
        title: v?.title ?? step?.title ?? '',
        body: v?.body ?? '',
      };
    }
    case 'ai_help':
      return {
        target: onElement ?? step?.target,
        title: 'Let me help with this',
        body: 'An answer for this exact step is on its way.',
      };
    case 'human':
      return {
        title: 'Talk to a person',
        body: 'We have let our team know where you are stuck; someone will reach out shortly.',
      };
    default:
      return { title: '', body: '' };
  }
}

const EXPIRY_MS: Partial<Record<InterventionKind, number>> = { hint: 60_000 };

/**
 * The seed's `triggerIntervention`: the plan for one struggle report. Pure; kind `none` says why nothing
 * is offered.
 *
 * @example
 * const plan = triggerIntervention({ flow, report, currentStepId, history, now, random, newId, userId, threshold });
 */
export function triggerIntervention(
  ctx: InterventionContext,
  options: InterventionEngineOptions = DEFAULT_ENGINE_OPTIONS,
): InterventionPlan {
  const { report, now, history } = ctx;
  const stepId = report.stepId ?? ctx.currentStepId ?? undefined;
  const step = stepId ? ctx.flow?.steps.find((s) => s.id === stepId) : undefined;
  const holdout = ctx.userId !== undefined && isHeldOut(ctx.userId, options);
  const base = {
    id: ctx.newId(),
    ...(step ? { stepId: step.id } : {}),
    holdout,
    createdAt: now,
    title: '',
    body: '',
  };
  const none = (reason: string): InterventionPlan => ({ ...base, kind: 'none', holdout: false, reason });

  const signal = elementSignal(report);
  const personaThreshold = ctx.threshold ?? options.defaultThreshold;
  const threshold = signal ? Math.min(personaThreshold, options.defaultThreshold) : personaThreshold;
  if (report.score < threshold) return none(`${describeReasons(report)} is below ${threshold}`);

  const given = history.filter((h) => h.kind !== 'none');
  const sessionStart = ctx.sessionStartedAt ?? now - options.defaultSessionMs;
  const inSession = given.filter((h) => h.createdAt >= sessionStart);
  const last = given.at(-1);
  if (!signal && last && now - last.createdAt < options.cooldownMs) {
    return none(`cooling down: the last intervention was ${now - last.createdAt} ms ago`);
  }
  if (inSession.length >= options.maxPerSession)
    return none(`session cap of ${options.maxPerSession} reached`);
  const dismissals = inSession.filter((h) => h.outcome === 'dismissed').length;
  if (dismissals >= options.maxDismissalsPerSession)
    return none(`the user dismissed ${dismissals} interventions this session`);

  const onStep = given.filter((h) => h.stepId === step?.id);
  const used = new Set(onStep.map((h) => h.kind));
  const topReason = [...report.reasons].sort((a, b) => b.weight - a.weight)[0]?.code;
  // On an element, help starts on that element: a hint, or AI help grounded on it after an error.
  const reasonFirst = signal === 'error_click' ? 'ai_help' : signal ? 'hint' : undefined;
  const first = reasonFirst ?? ((topReason && FIRST_BY_REASON[topReason]) || 'hint');
  // The first help follows the reason; later ones climb the ladder from the highest rung used so far.
  const highest = Math.max(-1, ...onStep.map((h) => LADDER.indexOf(h.kind)));
  const startAt = onStep.length === 0 ? LADDER.indexOf(first) : highest + 1;
  // When the preferred first help is unavailable, explain before anything heavier; a human comes last.
  const order =
    onStep.length === 0
      ? [...new Set<InterventionKind>([first, 'explain_step', ...LADDER])]
      : [...LADDER.slice(startAt), ...LADDER.slice(0, startAt)];
  const kind = order.find((k) => !used.has(k) && available(k, step, ctx));
  if (!kind) return none('every kind of help was already offered on this step');

  const c = content(kind, step, report, ctx.flow);
  const plan: InterventionPlan = {
    ...base,
    kind,
    title: c.title,
    body: c.body,
    reason: `${describeReasons(report)}; ${onStep.length === 0 ? 'first help on this step' : `help #${onStep.length + 1} on this step`}${holdout ? '; holdout: recorded, not shown' : ''}`,
  };
  if (c.target) plan.target = c.target;
  if ('variantId' in c && c.variantId) plan.variantId = c.variantId;
  const ttl = EXPIRY_MS[kind] ?? 5 * 60_000;
  plan.expiresAt = now + ttl;
  return plan;
}

/**
 * The engine as the journey service's `InterventionPolicy`.
 *
 * @example
 * const policy = interventionEngine({ ...DEFAULT_ENGINE_OPTIONS, holdoutFraction: 0.2 });
 * const plan = policy.decide(ctx);
 */
export function interventionEngine(
  options: InterventionEngineOptions = DEFAULT_ENGINE_OPTIONS,
): InterventionPolicy {
  return { name: 'engine:ladder-with-holdout', decide: (ctx) => triggerIntervention(ctx, options) };
}
