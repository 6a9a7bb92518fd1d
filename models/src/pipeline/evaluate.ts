import { WINDOW_MS } from '@smart-onboarding/protocol/features';
import { type CalibrationReport, calibrationReport, prAuc, rocAuc } from '@smart-onboarding/stats';
import type { BalabitSession } from '../balabit';
import { posthogRageClicks } from '../eval/posthog-rule';
import { forward, type MlpParams } from '../model/mlp';
import { alarmsOf, scoreWithModel, scoreWithRules, tracePoints } from '../scoring';
import { type AlarmOptions, DEFAULT_ALARM, detectSignals, scoreSignals } from '../sdk';
import { DEVICES } from '../simulator/persona';
import { type EpisodeOutcome, episodeOutcome, sumOutcomes } from './alarm-tuning';
import type { SimulatedSession } from './corpus';

export interface AucPair {
  n: number;
  positives: number;
  modelRocAuc: number;
  rulesRocAuc: number;
  modelPrAuc: number;
  rulesPrAuc: number;
}

interface KindRow {
  kind: string;
  struggle: boolean;
  episodes: number;
  /** Struggle kinds: share of episodes with an alarm. Healthy kinds: alarms raised inside them. */
  modelAlarms: number;
  rulesAlarms: number;
  hours: number;
}

interface BalabitRow {
  sessions: number;
  hours: number;
  modelAlarms: number;
  rulesAlarms: number;
  posthogFires: number;
  /** The SDK's own rage_click signal, for reference. */
  rageClickSignals: number;
}

export interface Evaluation {
  overall: AucPair;
  calibration: CalibrationReport;
  perDevice: (AucPair & { group: string })[];
  perView: (AucPair & { group: string })[];
  perPersona: (AucPair & { group: string })[];
  episodes: { model: EpisodeOutcome; rules: EpisodeOutcome };
  kinds: KindRow[];
  balabit?: BalabitRow;
}

function aucPair(model: number[], rules: number[], labels: number[]): AucPair {
  return {
    n: labels.length,
    positives: labels.reduce((a, b) => a + b, 0),
    modelRocAuc: rocAuc(model, labels),
    rulesRocAuc: rocAuc(rules, labels),
    modelPrAuc: prAuc(model, labels),
    rulesPrAuc: prAuc(rules, labels),
  };
}

/**
 * Everything the model card reports, measured on the held-out personas (never seen in training) and on
 * the Balabit traces (real, healthy mouse use: every alarm there is a false alarm).
 */
export function evaluate(
  params: MlpParams,
  alarm: AlarmOptions,
  test: readonly SimulatedSession[],
  balabit?: readonly BalabitSession[],
  onStep?: () => void,
): Evaluation {
  const rows: {
    model: number;
    rules: number;
    label: number;
    persona: string;
    device: string;
    view: string;
  }[] = [];
  const modelOutcomes: EpisodeOutcome[] = [];
  const rulesOutcomes: EpisodeOutcome[] = [];
  const kinds = new Map<string, KindRow>();
  for (const s of test) {
    const events = s.sim.events;
    const signals = detectSignals(events, { now: events.at(-1)!.t + WINDOW_MS });
    for (const w of s.windows)
      rows.push({
        model: forward(params, w.values).score,
        rules: scoreSignals(signals, w.t1).score,
        label: w.label,
        persona: w.persona,
        device: w.device,
        view: s.sim.view,
      });
    const points = tracePoints(events);
    const modelAlarms = alarmsOf(points, scoreWithModel(params, points), alarm);
    const rulesAlarms = alarmsOf(points, scoreWithRules(events, points), DEFAULT_ALARM);
    const duration = events.at(-1)!.t;
    modelOutcomes.push(episodeOutcome(s.sim.episodes, modelAlarms, duration));
    rulesOutcomes.push(episodeOutcome(s.sim.episodes, rulesAlarms, duration));
    for (const e of s.sim.episodes) {
      const row = kinds.get(e.kind) ?? {
        kind: e.kind,
        struggle: e.struggle,
        episodes: 0,
        modelAlarms: 0,
        rulesAlarms: 0,
        hours: 0,
      };
      row.episodes++;
      row.hours += (e.t1 - e.t0) / 3_600_000;
      const inside = (a: { t: number }) => a.t >= e.t0 && a.t < e.t1 + (e.struggle ? 3000 : 0);
      if (e.struggle) {
        row.modelAlarms += modelAlarms.some(inside) ? 1 : 0;
        row.rulesAlarms += rulesAlarms.some(inside) ? 1 : 0;
      } else {
        row.modelAlarms += modelAlarms.filter(inside).length;
        row.rulesAlarms += rulesAlarms.filter(inside).length;
      }
      kinds.set(e.kind, row);
    }
    onStep?.();
  }
  const pick = (f: (r: (typeof rows)[number]) => boolean) => {
    const sub = rows.filter(f);
    return aucPair(
      sub.map((r) => r.model),
      sub.map((r) => r.rules),
      sub.map((r) => r.label),
    );
  };
  const personas = [...new Set(rows.map((r) => r.persona))].sort();
  const evaluation: Evaluation = {
    overall: pick(() => true),
    calibration: calibrationReport(
      rows.map((r) => r.model),
      rows.map((r) => r.label),
    ),
    perDevice: DEVICES.map((d) => ({ group: d, ...pick((r) => r.device === d) })),
    perView: ['full', 'pointer-only'].map((v) => ({ group: `${v} capture`, ...pick((r) => r.view === v) })),
    perPersona: personas.map((p) => ({ group: p, ...pick((r) => r.persona === p) })),
    episodes: { model: sumOutcomes(modelOutcomes), rules: sumOutcomes(rulesOutcomes) },
    kinds: [...kinds.values()].sort(
      (a, b) => Number(b.struggle) - Number(a.struggle) || a.kind.localeCompare(b.kind),
    ),
  };
  if (balabit) evaluation.balabit = evaluateBalabit(params, alarm, balabit, onStep);
  return evaluation;
}

/** Alarms on real, ordinary mouse use: the model, the rules, PostHog's rule and the SDK's rage_click signal. */
function evaluateBalabit(
  params: MlpParams,
  alarm: AlarmOptions,
  sessions: readonly BalabitSession[],
  onStep?: () => void,
): BalabitRow {
  const row: BalabitRow = {
    sessions: sessions.length,
    hours: 0,
    modelAlarms: 0,
    rulesAlarms: 0,
    posthogFires: 0,
    rageClickSignals: 0,
  };
  for (const s of sessions) {
    const points = tracePoints(s.events);
    row.hours += s.durationMs / 3_600_000;
    row.modelAlarms += alarmsOf(points, scoreWithModel(params, points), alarm).length;
    row.rulesAlarms += alarmsOf(points, scoreWithRules(s.events, points), DEFAULT_ALARM).length;
    row.posthogFires += posthogRageClicks(s.events).length;
    row.rageClickSignals += detectSignals(s.events, { only: ['rage_click'] }).length;
    onStep?.();
  }
  return row;
}
