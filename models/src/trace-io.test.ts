import { describe, expect, it } from 'vitest';
import { formatTrace, parseTrace, TraceError } from './trace-io';

describe('parseTrace', () => {
  it('reads events, skips blank lines and unknown types, fills defaults', () => {
    const events = parseTrace(
      '{"type":"move","t":0,"x":1,"y":2}\n\n{"type":"teleport","t":1}\n{"type":"click","t":5,"x":1,"y":2}\n',
    );
    expect(events).toEqual([
      { type: 'move', t: 0, x: 1, y: 2, pointer: 'mouse' },
      { type: 'click', t: 5, x: 1, y: 2, pointer: 'mouse', detail: 1 },
    ]);
    expect(parseTrace(formatTrace(events))).toEqual(events);
  });

  it.each([
    ['not JSON', '{"type":"move"', 'trace_bad_json', 1],
    ['an array', '[1,2]', 'trace_bad_event', 1],
    ['no type', '{"t":1}', 'trace_bad_event', 1],
    ['no time', '{"type":"move","x":1,"y":1}', 'trace_bad_event', 1],
    ['a pointer event without coordinates', '{"type":"click","t":1}', 'trace_bad_event', 1],
    [
      'time going backwards',
      '{"type":"move","t":5,"x":1,"y":1}\n{"type":"move","t":4,"x":1,"y":1}',
      'trace_out_of_order',
      2,
    ],
    ['nothing', '\n\n', 'trace_empty', 3],
  ])('%s is an error with a stable code and its line', (_name, text, code, line) => {
    try {
      parseTrace(text);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(TraceError);
      expect((err as TraceError).code).toBe(code);
      expect((err as TraceError).line).toBe(line);
    }
  });
});
