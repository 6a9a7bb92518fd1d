import type { AlarmLine } from '../scoring';
import type { AlarmOptions } from '../sdk';
import type { Episode } from '../simulator/simulate';

/** An alarm this soon after an episode ends still belongs to it (the last window overlaps the end). */
const ALARM_GRACE_MS = 3000;

export interface EpisodeOutcome {
  /** Struggle episodes with at least one alarm inside. */
  detected: number;
  struggleEpisodes: number;
  /** Alarms outside every struggle episode. */
  falseAlarms: number;
  hours: number;
  /** Episode start to first alarm, ms, per detected episode. */
  latencies: number[];
}

/** Matches alarms to labelled episodes. */
export function episodeOutcome(
  episodes: readonly Episode[],
  alarms: readonly AlarmLine[],
  durationMs: number,
): EpisodeOutcome {
  const struggle = episodes.filter((e) => e.struggle);
  const inStruggle = (t: number) => struggle.find((e) => t >= e.t0 && t <= e.t1 + ALARM_GRACE_MS);
  const firstAlarm = new Map<Episode, number>();
  let falseAlarms = 0;
  for (const a of alarms) {
    const e = inStruggle(a.t);
    if (!e) falseAlarms++;
    else if (!firstAlarm.has(e)) firstAlarm.set(e, a.t - e.t0);
  }
  return {
    detected: firstAlarm.size,
    struggleEpisodes: struggle.length,
    falseAlarms,
    hours: durationMs / 3_600_000,
    latencies: [...firstAlarm.values()],
  };
}

export function sumOutcomes(list: readonly EpisodeOutcome[]): EpisodeOutcome {
  return list.reduce(
    (a, b) => ({
      detected: a.detected + b.detected,
      struggleEpisodes: a.struggleEpisodes + b.struggleEpisodes,
      falseAlarms: a.falseAlarms + b.falseAlarms,
      hours: a.hours + b.hours,
      latencies: [...a.latencies, ...b.latencies],
    }),
    { detected: 0, struggleEpisodes: 0, falseAlarms: 0, hours: 0, latencies: [] },
  );
}

/** Candidate thresholds, from most to least sensitive. */
export function alarmGrid(cooldownMs: number): AlarmOptions[] {
  const out: AlarmOptions[] = [];
  const levels = [0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.93, 0.95, 0.97, 0.98, 0.99];
  for (const raiseAt of levels)
    for (const confirm of [1, 2, 3]) {
      out.push({
        raiseAt,
        clearBelow: Math.round(Math.max(0.2, raiseAt - 0.35) * 100) / 100,
        cooldownMs,
        confirm,
      });
    }
  return out;
}

/**
 * Picks the alarm thresholds: the most episodes detected on validation users while false alarms stay at
 * or under `maxFalsePerHour` (ties go to the stricter setting). Falls back to the strictest setting.
 */
export function chooseAlarm(
  grid: readonly AlarmOptions[],
  evaluate: (o: AlarmOptions) => EpisodeOutcome,
  maxFalsePerHour: number,
): { options: AlarmOptions; outcome: EpisodeOutcome } {
  let best: { options: AlarmOptions; outcome: EpisodeOutcome } | undefined;
  for (const options of grid) {
    const outcome = evaluate(options);
    if (outcome.falseAlarms / Math.max(outcome.hours, 1e-9) > maxFalsePerHour) continue;
    if (!best || outcome.detected >= best.outcome.detected) best = { options, outcome };
  }
  const strictest = grid.at(-1)!;
  return best ?? { options: strictest, outcome: evaluate(strictest) };
}
