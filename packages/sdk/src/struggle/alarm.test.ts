import { describe, expect, it } from 'vitest';
import { createAlarmGate } from './alarm';

/** Runs scores (one per second) through a gate and returns the times of the alarms. */
function alarms(scores: number[], options: Parameters<typeof createAlarmGate>[0] = {}): number[] {
  const gate = createAlarmGate({ raiseAt: 0.7, clearBelow: 0.4, cooldownMs: 5000, confirm: 1, ...options });
  return scores.flatMap((s, i) => (gate.update(i * 1000, s, [{ code: 'x', weight: s }]) ? [i * 1000] : []));
}

describe('alarm gate', () => {
  it.each([
    ['quiet scores raise nothing', [0.1, 0.5, 0.69], {}, []],
    ['one episode raises one alarm', [0.1, 0.8, 0.9, 0.75, 0.8, 0.2], {}, [1000]],
    [
      'hysteresis: dipping between the thresholds does not end the episode',
      [0.8, 0.5, 0.8, 0.5, 0.8, 0.6, 0.9],
      {},
      [0],
    ],
    ['a second episode after the cooldown raises again', [0.8, 0.1, 0, 0, 0, 0, 0.8], {}, [0, 6000]],
    ['a second episode inside the cooldown stays silent', [0.8, 0.1, 0.8, 0.1], {}, [0]],
    ['confirm needs consecutive high scores', [0.8, 0.1, 0.8, 0.8, 0.1], { confirm: 2 }, [3000]],
  ] as const)('%s', (_name, scores, options, expected) => {
    expect(alarms([...scores], options)).toEqual(expected);
  });
});
