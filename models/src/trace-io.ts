import { jsonLines } from './jsonl';
import type { RawEvent } from './sdk';

/** A trace that cannot be read, with a stable code and the line at fault. */
export class TraceError extends Error {
  constructor(
    readonly code: 'trace_bad_json' | 'trace_bad_event' | 'trace_out_of_order' | 'trace_empty',
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message} (${code})`);
    this.name = 'TraceError';
  }
}

const POINTER_TYPES = new Set(['move', 'down', 'up', 'click']);
const KNOWN_TYPES = new Set([
  'move',
  'down',
  'up',
  'click',
  'wheel',
  'scroll',
  'key',
  'focus',
  'blur',
  'input',
  'invalid',
  'submit',
  'selection',
  'visibility',
  'nav',
  'mutation',
  'error',
  'resize',
  'hover',
  'step',
]);

/**
 * Parses a JSONL trace: one `RawEvent` (the SDK's capture format) per line, times in non-decreasing order.
 * Blank lines are skipped; anything else that is not an event is an error naming its line. Event types
 * this version does not know are skipped (newer SDKs may add some), so old tools read new traces.
 *
 * @example
 * const events = parseTrace(readFileSync('trace.jsonl', 'utf8'));
 */
export function parseTrace(text: string): RawEvent[] {
  const events: RawEvent[] = [];
  let lastT = Number.NEGATIVE_INFINITY;
  for (const { line, value, bad } of jsonLines(text)) {
    if (bad) throw new TraceError('trace_bad_json', line, 'not JSON');
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      throw new TraceError('trace_bad_event', line, 'an event must be a JSON object');
    const e = value as Record<string, unknown>;
    if (typeof e.type !== 'string') throw new TraceError('trace_bad_event', line, 'missing "type"');
    if (typeof e.t !== 'number' || !Number.isFinite(e.t))
      throw new TraceError('trace_bad_event', line, '"t" must be a finite number of milliseconds');
    if (!KNOWN_TYPES.has(e.type)) continue;
    if (POINTER_TYPES.has(e.type) && (typeof e.x !== 'number' || typeof e.y !== 'number'))
      throw new TraceError('trace_bad_event', line, `"${e.type}" needs numeric "x" and "y"`);
    if (e.t < lastT) throw new TraceError('trace_out_of_order', line, `t=${e.t} comes after t=${lastT}`);
    lastT = e.t;
    if (POINTER_TYPES.has(e.type) && e.type !== 'click' && e.pointer === undefined) e.pointer = 'mouse';
    if (e.type === 'click' && e.pointer === undefined) e.pointer = 'mouse';
    if (e.type === 'click' && typeof e.detail !== 'number') e.detail = 1;
    events.push(e as unknown as RawEvent);
  }
  if (!events.length) throw new TraceError('trace_empty', text.split('\n').length, 'no events');
  return events;
}

/** Writes events as JSONL. */
export function formatTrace(events: readonly RawEvent[]): string {
  return `${events.map((e) => JSON.stringify(e)).join('\n')}\n`;
}
