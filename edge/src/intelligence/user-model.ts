import type { BehaviorEvent, SignalType } from '@smart-onboarding/protocol';
import { addFeatureWindow, emptyWindowEvidence, type WindowEvidence } from './feature-evidence';
import type { BehaviourEvidence } from './persona';
import { type InteractionPattern, scoreTechnicalProficiency } from './proficiency';

/**
 * What the edge learns about one user as events arrive: a small, JSON-serialisable state the journey
 * Durable Object persists beside the journey. Bounded in size whatever the number of events.
 */
export interface UserModelState {
  version: 1;
  /** Per step: when it was first viewed, signals and struggle reports seen on it, interaction totals. */
  steps: Record<string, StepObservation>;
  /** The most recent completed-step patterns, newest last (at most `MAX_PATTERNS`). */
  patterns: InteractionPattern[];
  signals: Partial<Record<SignalType, number>>;
  struggleReports: number;
  maxStruggleScore: number;
  interventions: { shown: number; accepted: number; dismissed: number; helpful: number; notHelpful: number };
  optionalSeen: number;
  optionalSkipped: number;
  lastEventAt: number;
}

interface StepObservation {
  viewedAt?: number;
  signals: SignalType[];
  struggleReports: number;
  timeSpentMs: number;
  clicks: number;
  hesitations: number;
  keystrokes: number;
  /** What the SDK's feature windows showed on the step (used when no engagement summary or signal arrived). */
  windows?: WindowEvidence;
  outcome?: 'completed' | 'skipped' | 'abandoned';
}

/** What `updateUserModel` needs to know about the flow: each step's estimate and whether it is optional. */
export interface FlowFacts {
  steps: ReadonlyArray<{ id: string; estimatedDurationSec: number; optional: boolean }>;
}

export const MAX_PATTERNS = 20;
const MAX_SIGNALS_PER_STEP = 32;

export function emptyUserModel(): UserModelState {
  return {
    version: 1,
    steps: {},
    patterns: [],
    signals: {},
    struggleReports: 0,
    maxStruggleScore: 0,
    interventions: { shown: 0, accepted: 0, dismissed: 0, helpful: 0, notHelpful: 0 },
    optionalSeen: 0,
    optionalSkipped: 0,
    lastEventAt: 0,
  };
}

function observation(state: UserModelState, stepId: string): StepObservation {
  const existing = state.steps[stepId];
  if (existing) return existing;
  const created: StepObservation = {
    signals: [],
    struggleReports: 0,
    timeSpentMs: 0,
    clicks: 0,
    hesitations: 0,
    keystrokes: 0,
  };
  state.steps[stepId] = created;
  return created;
}

/**
 * The seed's `updateUserModel`, as a pure state transition: the new state after `events` (in any order;
 * they are applied by timestamp). The journey object deduplicates events by id before calling this.
 *
 * @example
 * const next = updateUserModel(state, batch.events, { steps: flow.steps });
 * await this.ctx.storage.put('userModel', next);
 */
export function updateUserModel(
  state: UserModelState,
  events: readonly BehaviorEvent[],
  flow: FlowFacts,
): UserModelState {
  const next: UserModelState = structuredClone(state);
  const estimates = new Map(flow.steps.map((s) => [s.id, s]));
  for (const event of [...events].sort((a, b) => a.timestamp - b.timestamp)) {
    next.lastEventAt = Math.max(next.lastEventAt, event.timestamp);
    const step = event.stepId ? observation(next, event.stepId) : undefined;
    switch (event.eventType) {
      case 'signal':
        next.signals[event.signal.type] = (next.signals[event.signal.type] ?? 0) + 1;
        if (step && step.signals.length < MAX_SIGNALS_PER_STEP) step.signals.push(event.signal.type);
        break;
      case 'features':
        if (step) step.windows = addFeatureWindow(step.windows ?? emptyWindowEvidence(), event.window);
        break;
      case 'struggle':
        next.struggleReports++;
        next.maxStruggleScore = Math.max(next.maxStruggleScore, event.score);
        if (step) step.struggleReports++;
        break;
      case 'engagement':
        if (step) {
          step.timeSpentMs += event.interaction.activeMs ?? event.interaction.timeSpentMs;
          step.clicks += event.interaction.clicks;
          step.hesitations += event.interaction.hesitations ?? 0;
          step.keystrokes += event.interaction.keystrokes ?? 0;
        }
        break;
      case 'step': {
        const s = observation(next, event.stepId);
        const facts = estimates.get(event.stepId);
        if (event.action === 'viewed') {
          s.viewedAt ??= event.timestamp;
          break;
        }
        if (s.outcome) break; // a step ends once; later duplicates say nothing new
        s.outcome = event.action;
        if (facts?.optional) {
          next.optionalSeen++;
          if (event.action === 'skipped') next.optionalSkipped++;
        }
        if (event.action === 'completed' && facts) {
          const pattern: InteractionPattern = {
            stepId: event.stepId,
            expectedDurationMs: facts.estimatedDurationSec * 1000,
            signals: s.signals.map((type) => ({ type })),
            interaction: {
              timeSpentMs: s.timeSpentMs,
              clicks: s.clicks,
              hesitations: s.hesitations,
              keystrokes: s.keystrokes,
            },
          };
          if (s.viewedAt !== undefined) pattern.durationMs = event.timestamp - s.viewedAt;
          const w = s.windows;
          if (w && w.windows > 0) {
            // Feature windows fill in what engagement summaries and signals did not send.
            if (s.timeSpentMs === 0) {
              pattern.interaction = {
                timeSpentMs: w.activeMs,
                activeMs: w.activeMs,
                clicks: Math.round(w.clicks),
                hesitations: Math.round(w.hesitations),
                keystrokes: Math.round(w.keys),
                ...(w.keyboardClicks > w.clicks / 2 && w.clicks >= 1 ? { pointer: 'keyboard' as const } : {}),
              };
            }
            if (s.signals.length === 0) {
              pattern.signals = Object.entries(w.friction).flatMap(([type, n]) =>
                Array.from({ length: Math.round(n ?? 0) }, () => ({ type: type as SignalType })),
              );
            }
          }
          if (pattern.interaction && pattern.interaction.timeSpentMs === 0)
            pattern.interaction.timeSpentMs = pattern.durationMs ?? 0;
          next.patterns = [...next.patterns, pattern].slice(-MAX_PATTERNS);
        }
        break;
      }
      case 'intervention':
        if (event.action === 'shown') next.interventions.shown++;
        if (event.action === 'accepted') next.interventions.accepted++;
        if (event.action === 'dismissed') next.interventions.dismissed++;
        if (event.action === 'helpful') next.interventions.helpful++;
        if (event.action === 'not_helpful') next.interventions.notHelpful++;
        break;
      default:
        break;
    }
  }
  return next;
}

/** The user model's evidence for `analyzeUserProfile`, with the self-reported level as the proficiency prior. */
export function behaviourEvidence(
  state: UserModelState,
  selfReported?: Parameters<typeof scoreTechnicalProficiency>[1],
): BehaviourEvidence {
  const ended = Object.values(state.steps).filter(
    (s) => s.outcome === 'completed' || s.outcome === 'abandoned',
  );
  const paces = state.patterns
    .filter((p) => p.durationMs !== undefined && p.expectedDurationMs)
    .map((p) => Math.log(Math.max(p.durationMs!, 1) / p.expectedDurationMs!));
  const evidence: BehaviourEvidence = {
    proficiency: scoreTechnicalProficiency(state.patterns, selfReported),
    steps: state.patterns.length,
  };
  if (ended.length > 0)
    evidence.struggleRate = ended.filter((s) => s.struggleReports > 0).length / ended.length;
  if (paces.length > 0) evidence.paceRatio = Math.exp(paces.reduce((s, x) => s + x, 0) / paces.length);
  if (state.optionalSeen > 0) evidence.skipRate = state.optionalSkipped / state.optionalSeen;
  return evidence;
}
