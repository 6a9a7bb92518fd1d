import { describe, expect, it } from 'vitest';
import { prAuc, rocAuc } from './ranking';

describe('rocAuc and prAuc', () => {
  it.each([
    ['perfect ranking', [0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1], 1, 1],
    ['inverted ranking', [0.9, 0.8, 0.2, 0.1], [0, 0, 1, 1], 0, 0.4166667],
    ['all tied', [0.5, 0.5, 0.5, 0.5], [0, 1, 0, 1], 0.5, 0.5],
    ['one mistake', [0.1, 0.6, 0.4, 0.9], [0, 0, 1, 1], 0.75, 0.8333333],
  ])('%s', (_name, scores, labels, auc, ap) => {
    expect(rocAuc(scores, labels)).toBeCloseTo(auc, 9);
    expect(prAuc(scores, labels)).toBeCloseTo(ap, 6);
  });

  it('reads boolean labels as 0/1', () => {
    expect(rocAuc([0.1, 0.4, 0.35, 0.8], [false, false, true, true])).toBe(0.75);
    expect(prAuc([0.1, 0.4, 0.35, 0.8], [false, false, true, true])).toBe(
      prAuc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]),
    );
  });

  it('is NaN with one class only', () => {
    expect(rocAuc([0.1, 0.2], [0, 0])).toBeNaN();
    expect(rocAuc([0.1, 0.2], [true, true])).toBeNaN();
    expect(prAuc([0.1, 0.2], [0, 0])).toBeNaN();
  });
});
