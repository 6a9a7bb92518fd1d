import { describe, expect, it } from 'vitest';
import type { RawEvent } from '../capture/raw-event';
import { blur, field, focus, input, invalid, other } from './fixtures';
import { detectFormStruggle } from './form-struggle';

const typing = (t0: number, n: number, target = field) =>
  Array.from({ length: n }, (_, i) => input(t0 + i * 100, 'insert', target));
const backspaces = (t0: number, n: number, target = field) =>
  Array.from({ length: n }, (_, i) => input(t0 + i * 80, 'delete', target));

const cases: [string, RawEvent[], number][] = [
  ['typing a value once', [focus(0), ...typing(10, 12), blur(2000)], 0],
  [
    'one long backspace run is one correction',
    [focus(0), ...typing(10, 5), ...backspaces(600, 10), ...typing(2000, 5)],
    0,
  ],
  [
    'three corrections',
    [
      focus(0),
      ...typing(10, 3),
      ...backspaces(400, 2),
      ...typing(700, 2),
      ...backspaces(1000, 2),
      ...typing(1300, 2),
      ...backspaces(1600, 1),
    ],
    1,
  ],
  [
    'coming back to a field three times',
    [focus(0), blur(1), focus(2), blur(3), focus(4), blur(5), focus(6)],
    1,
  ],
  ['two validation errors', [focus(0), invalid(10), invalid(2000)], 1],
  [
    'one validation error and two corrections',
    [focus(0), invalid(10), ...backspaces(20, 1), ...typing(100, 1), input(200, 'replace')],
    1,
  ],
  [
    'corrections spread over two fields',
    [
      ...backspaces(0, 1),
      ...typing(100, 1),
      ...backspaces(200, 1),
      ...backspaces(300, 1, other),
      ...typing(400, 1, other),
      ...backspaces(500, 1, other),
    ],
    0,
  ],
  ['fires once per field', [focus(0), invalid(10), invalid(20), invalid(30), invalid(40)], 1],
];

describe('detectFormStruggle', () => {
  it.each(cases)('%s', (_name, events, expected) => {
    expect(detectFormStruggle(events)).toHaveLength(expected);
  });

  it('carries the counts, never a value', () => {
    expect(detectFormStruggle([focus(0), invalid(10), invalid(2000)])[0]).toEqual({
      type: 'form_struggle',
      t: 2000,
      element: { selector: '#email', tag: 'input' },
      evidence: { corrections: 0, refocuses: 0, invalids: 2 },
    });
  });
});
