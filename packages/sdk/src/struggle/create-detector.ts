import type { Signal, StruggleReason } from '@smart-onboarding/protocol';
import { FEATURE_SCHEMA, HOP_MS, WINDOW_MS } from '@smart-onboarding/protocol/features';
import type { RawEvent } from '../capture/raw-event';
import { createWindowStream } from '../features/windows';
import { type AlarmGate, type AlarmOptions, createAlarmGate, DEFAULT_ALARM } from './alarm';
import type { ScorerState, StruggleDetector, StruggleDetectorOptions } from './detector';
import { ModelLoadError, type ModelScorer } from './model-scorer';
import { pointerMoves } from './pointer-moves';
import { createPointerRing } from './pointer-ring';
import { scoreSignals } from './rules';
import { type ScoringPoint, scoringPoints } from './schedule';

/** What the detector needs from its surroundings; the browser defaults are in `./browser-environment`. */
export interface DetectorEnvironment {
  /** The capture clock (performance.now() in the browser). */
  now(): number;
  /** Calls `fn` every `ms`; returns the teardown. */
  every(ms: number, fn: () => void): () => void;
  /** Calls `fn` once the page is idle; returns the teardown. */
  whenIdle(fn: () => void): () => void;
  /** Starts loading the model (in a Web Worker in the browser). */
  loadModel(assetsBaseUrl: string, debug: boolean): ModelScorer;
}

/** A rage-click signal older than this has had its chance to raise at once. */
const RAGE_FRESH_MS = 1000;

/** Reasons carried on a report: enough to explain, few enough to read. */
const MAX_REASONS = 5;

/**
 * The struggle detector behind the SDK core's seam: cuts feature windows from the pushed events, scores
 * them with the rule-based scorer until the on-device model is ready (or for good, if the model is off or
 * cannot load), and turns scores into one `onStruggle` per episode (hysteresis and cooldown).
 */
export function createDetectorWith(
  options: StruggleDetectorOptions,
  env: DetectorEnvironment,
): StruggleDetector {
  const stream = createWindowStream();
  const pointer = createPointerRing();
  const withMoves = pointerMoves(pointer);
  let signals: Signal[] = [];
  let stepId: string | undefined;
  let state: ScorerState = { active: 'rules', detail: options.model ? 'loading' : 'disabled' };
  let rulesGate = createAlarmGate(DEFAULT_ALARM);
  let modelGate: AlarmGate | undefined;
  let model: ModelScorer | undefined;
  /** Model scores come back asynchronously: chain them so alarms are decided in time order. */
  let modelQueue: Promise<void> = Promise.resolve();
  let stopped = false;
  let lastReportT = -Infinity;
  const teardowns: (() => void)[] = [];

  const setState = (next: ScorerState) => {
    state = next;
    if (options.debug) console.debug('[smart-onboarding] struggle scorer:', next);
    options.onScorerChange(next);
  };

  const fallBack = (err: unknown) => {
    if (stopped || (state.active === 'rules' && state.detail !== 'loading')) return;
    model?.teardown();
    model = undefined;
    modelGate = undefined;
    rulesGate = createAlarmGate(DEFAULT_ALARM);
    const detail = err instanceof ModelLoadError ? err.reason : 'load-failed';
    if (options.debug) console.warn('[smart-onboarding] struggle model unavailable, rules decide:', err);
    setState({ active: 'rules', detail });
  };

  /** When the page last answered input: a DOM change or a navigation. */
  let lastAnswerT = -Infinity;
  const unansweredRage = (t: number): Signal | undefined => {
    for (let i = signals.length - 1; i >= 0; i--) {
      const s = signals[i]!;
      if (s.t > t) continue;
      if (s.t <= t - RAGE_FRESH_MS) return undefined;
      if (s.type !== 'rage_click' || !s.element) continue;
      const burstStart = s.t - (Number(s.evidence.durationMs) || 0);
      return lastAnswerT >= burstStart ? undefined : s;
    }
    return undefined;
  };

  const elementNear = (t: number): string | undefined => {
    for (let i = signals.length - 1; i >= 0; i--) {
      const s = signals[i]!;
      if (s.t <= t && s.t > t - WINDOW_MS && s.element) return s.element.selector;
    }
    return undefined;
  };

  /** The element of the last report, when it was an unanswered control the rules confirmed there. */
  let lastConfirmed: string | undefined;
  const report = (
    source: 'model' | 'rules',
    t: number,
    score: number,
    reasons: readonly StruggleReason[],
    /** Set for rage clicks the page did not answer, on this element. */
    confirmed?: string,
  ) => {
    // Each scorer has its own gate; the cooldown also holds across a switch from rules to the model,
    // except for a control that does not answer: a report about something else (the model's, on an
    // earlier step or a moment ago) must not hide it. The same control twice is still one report.
    const news = confirmed !== undefined && confirmed !== lastConfirmed;
    if (t - lastReportT < DEFAULT_ALARM.cooldownMs && !news) return;
    lastReportT = t;
    lastConfirmed = confirmed;
    const element = confirmed ?? elementNear(t);
    options.onStruggle({
      score,
      source,
      reasons: reasons.slice(0, MAX_REASONS),
      t,
      ...(element ? { element } : {}),
    });
  };

  const handle = (points: readonly ScoringPoint[]) => {
    for (const { window, boundary } of points) {
      if (boundary)
        options.onWindow({
          schema: FEATURE_SCHEMA,
          t0: Math.max(0, Math.round(window.t0)),
          t1: Math.max(0, Math.round(window.t1)),
          values: window.values,
        });
      const t = window.t1;
      const modelDecides = state.active === 'model' && model && modelGate;
      // Right after a click the rules have their say, whichever scorer decides, on the one unambiguous
      // case: rage clicks on a page element the page did not answer (no DOM change, no navigation since
      // the burst began). That raises at once, within the 300 ms budget, instead of waiting for the model
      // to see it in a later window, and whatever was reported before (see `report`). Rage clicks the page
      // answers (a counter, a pager) or without an element (a remote desktop, a canvas) are left to the
      // model, which is far quieter on ordinary use than the rage-click rule.
      if (!boundary) {
        const rage = unansweredRage(t);
        if (rage) {
          const { score, reasons } = scoreSignals([rage], t);
          if (score >= DEFAULT_ALARM.raiseAt) report('rules', t, score, reasons, rage.element!.selector);
        }
      }
      if (modelDecides) {
        const scorer = model!;
        const gate = modelGate!;
        modelQueue = modelQueue.then(async () => {
          if (stopped || model !== scorer) return;
          try {
            const { score, reasons } = await scorer.score(window.values);
            const alarm = gate.update(t, score, reasons);
            if (alarm && !stopped) report('model', alarm.t, alarm.score, alarm.reasons);
          } catch (err) {
            fallBack(err);
          }
        });
      } else {
        const { score, reasons } = scoreSignals(signals, t);
        const alarm = rulesGate.update(t, score, reasons);
        if (alarm) report('rules', alarm.t, alarm.score, alarm.reasons);
      }
    }
  };

  const startModel = () => {
    if (stopped) return;
    try {
      model = env.loadModel(options.assetsBaseUrl, !!options.debug);
    } catch (err) {
      fallBack(err);
      return;
    }
    const loading = model;
    loading.ready.then(
      (thresholds: Partial<AlarmOptions>) => {
        if (stopped || model !== loading) return;
        modelGate = createAlarmGate({ ...DEFAULT_ALARM, ...thresholds });
        setState({ active: 'model' });
      },
      (err) => {
        if (model === loading) fallBack(err);
      },
    );
  };

  options.onScorerChange(state);
  teardowns.push(
    env.every(HOP_MS, () => handle(stream.advance(env.now()).map((window) => ({ window, boundary: true })))),
  );
  if (options.model) teardowns.push(env.whenIdle(startModel));

  return {
    push(pushed: readonly RawEvent[], newSignals: readonly Signal[]) {
      if (stopped) return;
      const events = withMoves(pushed);
      for (const e of events)
        if (e.type === 'mutation' || e.type === 'nav') lastAnswerT = Math.max(lastAnswerT, e.t);
      if (newSignals.length) {
        signals.push(...newSignals);
        const horizon = (events.at(-1)?.t ?? env.now()) - 2 * WINDOW_MS;
        if (signals[0]!.t < horizon) signals = signals.filter((s) => s.t >= horizon);
      }
      handle(scoringPoints(stream, events));
    },
    move: pointer.push,
    setStep(id) {
      // Evidence from the previous step does not explain struggle on this one.
      if (id !== stepId) {
        signals = [];
        lastConfirmed = undefined;
      }
      stepId = id;
    },
    state: () => ({ ...state }),
    teardown() {
      stopped = true;
      for (const off of teardowns.splice(0)) off();
      model?.teardown();
      model = undefined;
    },
  };
}
