import { describe, expect, it } from 'vitest';
import { calibration, prAuc, rocAuc } from './metrics';

describe('metrics', () => {
  it.each([
    ['perfect ranking', [0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1], 1, 1],
    ['inverted ranking', [0.9, 0.8, 0.2, 0.1], [0, 0, 1, 1], 0, 0.4166667],
    ['all tied', [0.5, 0.5, 0.5, 0.5], [0, 1, 0, 1], 0.5, 0.5],
    ['one mistake', [0.1, 0.6, 0.4, 0.9], [0, 0, 1, 1], 0.75, 0.8333333],
  ])('%s', (_name, scores, labels, auc, ap) => {
    expect(rocAuc(scores, labels)).toBeCloseTo(auc, 6);
    expect(prAuc(scores, labels)).toBeCloseTo(ap, 6);
  });

  it('is NaN with one class only', () => {
    expect(rocAuc([0.1, 0.2], [0, 0])).toBeNaN();
  });

  it('calibration: a calibrated score has no error', () => {
    const { ece, brier, table } = calibration(
      [0.25, 0.25, 0.25, 0.25, 0.75, 0.75, 0.75, 0.75],
      [0, 0, 0, 1, 1, 1, 1, 0],
    );
    expect(ece).toBeCloseTo(0, 9);
    expect(brier).toBeCloseTo(0.1875, 9);
    expect(table[2]).toMatchObject({ count: 4, meanScore: 0.25, positiveRate: 0.25 });
  });
});
