/**
 * How well scores rank positives above negatives. ROC AUC counts ties as half (the Mann-Whitney
 * statistic); PR AUC is average precision (the step-wise area scikit-learn reports). Labels are 0/1 or
 * booleans.
 */

type Labels = readonly (number | boolean)[];

/**
 * Area under the ROC curve: the chance a random positive scores above a random negative. NaN when one
 * class is missing.
 *
 * @example
 * rocAuc([0.1, 0.6, 0.4, 0.9], [0, 0, 1, 1]); // 0.75
 */
export function rocAuc(scores: readonly number[], labels: Labels): number {
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

/** Average precision: the precision at each positive, averaged (ties broken as one threshold). NaN without positives. */
export function prAuc(scores: readonly number[], labels: Labels): number {
  const idx = scores.map((_, i) => i).sort((a, b) => scores[b]! - scores[a]!);
  const pos = labels.reduce<number>((a, b) => a + Number(b), 0);
  if (!pos) return Number.NaN;
  let tp = 0;
  let seen = 0;
  let ap = 0;
  let prevRecall = 0;
  for (let i = 0; i < idx.length; ) {
    let j = i;
    while (j + 1 < idx.length && scores[idx[j + 1]!] === scores[idx[i]!]) j++;
    for (let k = i; k <= j; k++) {
      tp += Number(labels[idx[k]!]);
      seen++;
    }
    const recall = tp / pos;
    ap += (recall - prevRecall) * (tp / seen);
    prevRecall = recall;
    i = j + 1;
  }
  return ap;
}
