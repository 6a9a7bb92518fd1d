/**
 * The logistic function. Written `1 / (1 + e^-z)`: for very negative z, e^-z overflows to Infinity and
 * the result is exactly 0, never NaN, so no branch is needed. The shipped struggle model was trained
 * with this very expression, so it must not change (`pnpm train --check`).
 *
 * @example
 * sigmoid(0); // 0.5
 */
export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}
