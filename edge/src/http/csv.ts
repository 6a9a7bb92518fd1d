import type { Context } from 'hono';

type Cell = string | number | boolean | null | undefined;

/**
 * A text cell a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a carriage
 * return) gets a leading apostrophe: selectors, titles and traits come from browsers and tenants, and
 * `=HYPERLINK(...)` in an export is an attack on whoever opens it (OWASP, CSV injection). Numbers are
 * left alone: -3 is a number, not a formula.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  // RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled.
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * RFC 4180 CSV (CRLF line ends) of `rows` under `columns`, in that order.
 *
 * @example
 * toCsv(['step', 'count'], [{ step: 'a,b', count: 2 }]) // 'step,count\r\n"a,b",2\r\n'
 */
export function toCsv<K extends string>(columns: readonly K[], rows: readonly Record<K, Cell>[]): string {
  const lines = [columns.map(cell).join(',')];
  for (const row of rows) lines.push(columns.map((c) => cell(row[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** A CSV download: `text/csv`, named, never sniffed as anything else. */
export function csvResponse(c: Context, filename: string, body: string) {
  return c.body(body, 200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}"`,
    'x-content-type-options': 'nosniff',
  });
}
