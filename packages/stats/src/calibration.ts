/** One equal-width bin of a reliability table. */
export interface ReliabilityBin {
  lower: number;
  upper: number;
  count: number;
  /** Mean predicted probability in the bin (0 when empty). */
  meanPredicted: number;
  /** Share of positives in the bin (0 when empty). */
  observedRate: number;
}

export interface CalibrationReport {
  bins: ReliabilityBin[];
  /** Mean squared error of the probabilities: 0 is perfect, 0.25 is a coin. */
  brier: number;
  /** Expected calibration error: |predicted − observed| averaged over bins, weighted by count. */
  ece: number;
  logLoss: number;
  count: number;
}

/**
 * Reliability bins (equal width), Brier score, ECE and log loss of probabilities against 0/1 or boolean
 * outcomes.
 *
 * @example
 * const report = calibrationReport(predictions, outcomes);
 * console.table(report.bins);
 */
export function calibrationReport(
  predicted: readonly number[],
  outcomes: readonly (number | boolean)[],
  binCount = 10,
): CalibrationReport {
  if (predicted.length !== outcomes.length) throw new RangeError('predicted and outcomes differ in length');
  const bins = Array.from({ length: binCount }, (_, i) => ({
    lower: i / binCount,
    upper: (i + 1) / binCount,
    count: 0,
    sumP: 0,
    sumY: 0,
  }));
  let brier = 0;
  let logLoss = 0;
  predicted.forEach((p, i) => {
    const y = outcomes[i] ? 1 : 0;
    const bin = bins[Math.min(binCount - 1, Math.floor(p * binCount))]!;
    bin.count++;
    bin.sumP += p;
    bin.sumY += y;
    brier += (p - y) ** 2;
    const q = Math.min(1 - 1e-12, Math.max(1e-12, p));
    logLoss -= y * Math.log(q) + (1 - y) * Math.log(1 - q);
  });
  const n = predicted.length || 1;
  const out = bins.map((b) => ({
    lower: b.lower,
    upper: b.upper,
    count: b.count,
    meanPredicted: b.count ? b.sumP / b.count : 0,
    observedRate: b.count ? b.sumY / b.count : 0,
  }));
  const ece = out.reduce((s, b) => s + (b.count / n) * Math.abs(b.meanPredicted - b.observedRate), 0);
  return { bins: out, brier: brier / n, ece, logLoss: logLoss / n, count: predicted.length };
}
