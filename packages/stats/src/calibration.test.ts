import { describe, expect, it } from 'vitest';
import { calibrationReport } from './calibration';

describe('calibrationReport', () => {
  it('finds no error in calibrated scores, and fills the bins they fall in', () => {
    const { ece, brier, bins, count } = calibrationReport(
      [0.25, 0.25, 0.25, 0.25, 0.75, 0.75, 0.75, 0.75],
      [0, 0, 0, 1, 1, 1, 1, 0],
    );
    expect(ece).toBeCloseTo(0, 9);
    expect(brier).toBeCloseTo(0.1875, 9);
    expect(count).toBe(8);
    expect(bins[2]).toMatchObject({
      lower: 0.2,
      upper: 0.3,
      count: 4,
      meanPredicted: 0.25,
      observedRate: 0.25,
    });
    expect(bins[0]).toMatchObject({ count: 0, meanPredicted: 0, observedRate: 0 });
  });

  it.each([
    { name: 'perfect', p: [0, 1, 0, 1], y: [false, true, false, true], brier: 0, ece: 0 },
    { name: 'coin', p: [0.5, 0.5, 0.5, 0.5], y: [false, true, false, true], brier: 0.25, ece: 0 },
    { name: 'confidently wrong', p: [1, 0], y: [false, true], brier: 1, ece: 1 },
    { name: 'overconfident', p: [0.9, 0.9, 0.9, 0.9], y: [true, true, false, false], brier: 0.41, ece: 0.4 },
  ])('$name: Brier $brier, ECE $ece', ({ p, y, brier, ece }) => {
    const r = calibrationReport(p, y);
    expect(r.brier).toBeCloseTo(brier, 6);
    expect(r.ece).toBeCloseTo(ece, 6);
  });

  it('puts a score of exactly 1 in the top bin', () => {
    expect(calibrationReport([1, 1], [true, true]).bins.at(-1)!.count).toBe(2);
  });

  it('refuses predictions and outcomes of different lengths', () => {
    expect(() => calibrationReport([0.5], [])).toThrow(RangeError);
  });
});
