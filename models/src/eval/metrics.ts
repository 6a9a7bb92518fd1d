/**
 * Quality measures for scores against 0/1 labels. ROC AUC counts ties as half (the Mann-Whitney
 * statistic); PR AUC is average precision (the step-wise area scikit-learn reports).
 */

/** Area under the ROC curve; NaN when one class is missing. */
export function rocAuc(scores: readonly number[], labels: readonly number[]): number {
  const idx = scores.map((_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  let pos = 0;
  let neg = 0;
  for (const y of labels) y ? pos++ : neg++;
  if (!pos || !neg) return Number.NaN;
  // Average ranks over ties.
  let rankSumPos = 0;
  for (let i = 0; i < idx.length; ) {
    let j = i;
    while (j + 1 < idx.length && scores[idx[j + 1]!] === scores[idx[i]!]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) if (labels[idx[k]!]) rankSumPos += rank;
    i = j + 1;
  }
  return (rankSumPos - (pos * (pos + 1)) / 2) / (pos * neg);
}

/** Average precision: the precision at each positive, averaged (ties broken as one threshold). */
export function prAuc(scores: readonly number[], labels: readonly number[]): number {
  const idx = scores.map((_, i) => i).sort((a, b) => scores[b]! - scores[a]!);
  const pos = labels.reduce((a, b) => a + b, 0);
  if (!pos) return Number.NaN;
  let tp = 0;
  let seen = 0;
  let ap = 0;
  let prevRecall = 0;
  for (let i = 0; i < idx.length; ) {
    let j = i;
    while (j + 1 < idx.length && scores[idx[j + 1]!] === scores[idx[i]!]) j++;
    for (let k = i; k <= j; k++) {
      tp += labels[idx[k]!]!;
      seen++;
    }
    const recall = tp / pos;
    ap += (recall - prevRecall) * (tp / seen);
    prevRecall = recall;
    i = j + 1;
  }
  return ap;
}

export interface CalibrationBin {
  lo: number;
  hi: number;
  count: number;
  meanScore: number;
  positiveRate: number;
}

/** Reliability table over equal-width bins, expected calibration error, and the Brier score. */
export function calibration(scores: readonly number[], labels: readonly number[], bins = 10) {
  const table: CalibrationBin[] = Array.from({ length: bins }, (_, b) => ({
    lo: b / bins,
    hi: (b + 1) / bins,
    count: 0,
    meanScore: 0,
    positiveRate: 0,
  }));
  let brier = 0;
  scores.forEach((s, i) => {
    const b = table[Math.min(bins - 1, Math.floor(s * bins))]!;
    b.count++;
    b.meanScore += s;
    b.positiveRate += labels[i]!;
    brier += (s - labels[i]!) ** 2;
  });
  let ece = 0;
  for (const b of table) {
    if (!b.count) continue;
    b.meanScore /= b.count;
    b.positiveRate /= b.count;
    ece += (b.count / scores.length) * Math.abs(b.meanScore - b.positiveRate);
  }
  return { table, ece, brier: brier / Math.max(1, scores.length) };
}
