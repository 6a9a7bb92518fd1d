import type { StruggleReason } from '@smart-onboarding/protocol';
import { FEATURE_NAMES, HOP_MS, WINDOW_MS } from '@smart-onboarding/protocol/features';
import { forward, type MlpParams } from './model/mlp';
import {
  type AlarmOptions,
  createAlarmGate,
  createWindowStream,
  detectSignals,
  type RawEvent,
  reasonsFrom,
  type ScoringPoint,
  scoreSignals,
  scoringPoints,
} from './sdk';

/** One scored moment. */
export interface PointScore {
  score: number;
  reasons: StruggleReason[];
}

export interface AlarmLine {
  alarm: true;
  t: number;
  score: number;
  reasons: StruggleReason[];
}

interface WindowLine {
  t0: number;
  t: number;
  score: number;
}

/** The moments the live detector would score on this trace (window boundaries and right after clicks). */
export function tracePoints(events: readonly RawEvent[]): ScoringPoint[] {
  const stream = createWindowStream();
  const points = scoringPoints(stream, events);
  const last = events.at(-1);
  if (last)
    for (const window of stream.advance(last.t + WINDOW_MS + HOP_MS)) points.push({ window, boundary: true });
  return points;
}

/** Scores every point with the model (the TypeScript forward pass of the shipped parameters). */
export function scoreWithModel(params: MlpParams, points: readonly ScoringPoint[]): PointScore[] {
  return points.map((p) => {
    const out = forward(params, p.window.values);
    return { score: out.score, reasons: reasonsFrom(out.contributions, FEATURE_NAMES) };
  });
}

/** Scores every point with the rule-based scorer over the SDK's signals, as the detector does without the model. */
export function scoreWithRules(events: readonly RawEvent[], points: readonly ScoringPoint[]): PointScore[] {
  const signals = detectSignals(events, { now: (events.at(-1)?.t ?? 0) + WINDOW_MS });
  return points.map((p) => scoreSignals(signals, p.window.t1));
}

/** Runs scores through the alarm gate in time order: one alarm per episode, cooldown between. */
export function alarmsOf(
  points: readonly ScoringPoint[],
  scores: readonly PointScore[],
  options: AlarmOptions,
): AlarmLine[] {
  const gate = createAlarmGate(options);
  const out: AlarmLine[] = [];
  points.forEach((p, i) => {
    const s = scores[i]!;
    const alarm = gate.update(p.window.t1, s.score, s.reasons);
    if (alarm) out.push({ alarm: true, t: alarm.t, score: round(alarm.score), reasons: alarm.reasons });
  });
  return out;
}

/** The `pnpm score` output: a line per window (boundary points) and a line per alarm, in time order. */
export function scoreLines(
  points: readonly ScoringPoint[],
  scores: readonly PointScore[],
  alarms: readonly AlarmLine[],
): string[] {
  const lines: { t: number; text: string }[] = [];
  points.forEach((p, i) => {
    if (!p.boundary) return;
    const line: WindowLine = { t0: p.window.t0, t: p.window.t1, score: round(scores[i]!.score) };
    lines.push({ t: p.window.t1, text: JSON.stringify(line) });
  });
  for (const a of alarms) lines.push({ t: a.t, text: JSON.stringify(a) });
  return lines
    .map((l, i) => ({ ...l, i }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .map((l) => l.text);
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
