import type { StruggleReason } from '@smart-onboarding/protocol';

export interface AlarmOptions {
  /** A score at or above this starts an episode (and raises its one alarm). */
  raiseAt: number;
  /** The episode ends once the score falls below this (hysteresis: `clearBelow < raiseAt`). */
  clearBelow: number;
  /** After an alarm, no other for this long, even if a new episode starts. */
  cooldownMs: number;
  /** Consecutive scores at or above `raiseAt` needed to raise (1 = at once). */
  confirm: number;
}

export const DEFAULT_ALARM: AlarmOptions = { raiseAt: 0.7, clearBelow: 0.4, cooldownMs: 30_000, confirm: 1 };

export interface Alarm {
  t: number;
  score: number;
  reasons: StruggleReason[];
}

export interface AlarmGate {
  /** Feeds one score at time `t` (non-decreasing); returns the alarm it raises, if any. */
  update(t: number, score: number, reasons: readonly StruggleReason[]): Alarm | undefined;
  /** Whether an episode is under way. */
  inEpisode(): boolean;
}

/**
 * Turns a stream of scores into alarms so that one episode of struggle raises one alarm: an episode starts
 * when the score reaches `raiseAt` (`confirm` times in a row) and ends only when it drops below
 * `clearBelow`; after an alarm a cooldown holds the next one back. Pure state machine, no timers.
 *
 * @example
 * const gate = createAlarmGate();
 * gate.update(1000, 0.9, reasons); // an alarm
 * gate.update(2000, 0.8, reasons); // undefined: same episode
 */
export function createAlarmGate(options: Partial<AlarmOptions> = {}): AlarmGate {
  const o = { ...DEFAULT_ALARM, ...options };
  let episode = false;
  let streak = 0;
  let lastAlarmT = -Infinity;
  return {
    update(t, score, reasons) {
      if (episode) {
        if (score < o.clearBelow) episode = false;
        return undefined;
      }
      streak = score >= o.raiseAt ? streak + 1 : 0;
      if (streak < o.confirm) return undefined;
      episode = true;
      streak = 0;
      if (t - lastAlarmT < o.cooldownMs) return undefined;
      lastAlarmT = t;
      return { t, score, reasons: [...reasons] };
    },
    inEpisode: () => episode,
  };
}
