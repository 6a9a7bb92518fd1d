import { describe, expect, it } from 'vitest';
import type { AlarmLine } from '../scoring';
import { alarmGrid, chooseAlarm, episodeOutcome } from './alarm-tuning';

const alarm = (t: number): AlarmLine => ({ alarm: true, t, score: 0.9, reasons: [] });
const episodes = [
  { kind: 'reading' as const, struggle: false, t0: 0, t1: 10_000 },
  { kind: 'cannot_find' as const, struggle: true, t0: 10_000, t1: 30_000 },
  { kind: 'fill_form' as const, struggle: false, t0: 30_000, t1: 60_000 },
];

describe('episode outcome', () => {
  it.each([
    ['no alarms', [], 0, 0],
    ['an alarm inside the struggle episode', [alarm(15_000)], 1, 0],
    ['two alarms in one episode count once', [alarm(15_000), alarm(20_000)], 1, 0],
    ['an alarm just after the episode still belongs to it', [alarm(32_000)], 1, 0],
    ['an alarm during reading is false', [alarm(5_000)], 0, 1],
    ['an alarm well after the episode is false', [alarm(40_000)], 0, 1],
  ])('%s', (_name, alarms, detected, falseAlarms) => {
    const o = episodeOutcome(episodes, alarms, 3_600_000);
    expect(o).toMatchObject({ detected, falseAlarms, struggleEpisodes: 1, hours: 1 });
  });

  it('chooses the most sensitive setting under the false-alarm budget', () => {
    const grid = alarmGrid(30_000);
    const chosen = chooseAlarm(
      grid,
      (o) => ({
        detected: Math.round((1 - o.raiseAt) * 100),
        struggleEpisodes: 100,
        falseAlarms: o.raiseAt < 0.9 ? 5 : 0,
        hours: 1,
        latencies: [],
      }),
      1,
    );
    expect(chosen.options.raiseAt).toBe(0.9);
  });
});
