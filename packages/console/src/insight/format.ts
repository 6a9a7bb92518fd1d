/**
 * How the insight screens write numbers: the same text in the tables and in the chart's labels, so the
 * text alternative says exactly what the chart draws.
 */

/** A share as a percentage with one decimal: `0.5` → `50.0 %`. */
export const percent = (rate: number) => `${(rate * 100).toFixed(1)} %`;

/** A difference of shares in percentage points, signed: `[-0.328, 0.147]` → `−32.8 to +14.7 pts`. */
export function pointsInterval([lower, upper]: readonly [number, number]) {
  const pts = (x: number) => `${x < 0 ? '−' : '+'}${Math.abs(x * 100).toFixed(1)}`;
  return `${pts(lower)} to ${pts(upper)} pts`;
}

/** A signed difference in points: `0.051` → `+5.1 pts`. */
export const points = (x: number) => `${x < 0 ? '−' : '+'}${Math.abs(x * 100).toFixed(1)} pts`;

/** A duration: `—` when there is none (no journey completed), seconds under two minutes, else minutes. */
export function duration(ms: number | null) {
  if (ms === null) return '—';
  if (ms < 120_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${(ms / 60_000).toFixed(1)} min`;
}

/** The same view's address as CSV: the edge answers it as an attachment, with the session cookie. */
export function csvHref(path: string, params: Record<string, string | number> = {}) {
  const query = new URLSearchParams({
    ...Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])),
    format: 'csv',
  });
  return `${path}?${query}`;
}
