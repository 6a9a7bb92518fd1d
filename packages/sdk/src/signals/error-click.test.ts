import { describe, expect, it } from 'vitest';
import type { RawEvent } from '../capture/raw-event';
import { detectErrorClicks } from './error-click';
import { click, error } from './fixtures';

const cases: [string, RawEvent[], number][] = [
  ['a JS error right after a click', [click(0), error(40)], 1],
  ['a failed request right after a click', [click(0), error(300, 'request', 500)], 1],
  ['an error long after', [click(0), error(1500)], 0],
  ['an error with no click', [error(10)], 0],
  ['an error before the click', [error(0), click(10)], 0],
  ['two errors after one click: one signal', [click(0), error(10), error(20)], 1],
  ['the error belongs to the later click', [click(0), click(100), error(150)], 1],
];

describe('detectErrorClicks', () => {
  it.each(cases)('%s', (_name, events, expected) => {
    expect(detectErrorClicks(events)).toHaveLength(expected);
  });

  it('carries the kind, status and delay', () => {
    expect(detectErrorClicks([click(0), error(250, 'request', 503)])[0]?.evidence).toEqual({
      errorKind: 'request',
      status: 503,
      delayMs: 250,
    });
    expect(detectErrorClicks([click(0), click(100), error(150)])[0]?.t).toBe(100);
  });
});
