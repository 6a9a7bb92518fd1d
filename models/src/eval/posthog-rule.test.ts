import { describe, expect, it } from 'vitest';
import type { RawEvent } from '../sdk';
import { posthogRageClicks } from './posthog-rule';

const c = (t: number, x = 0, y = 0): RawEvent => ({ type: 'click', t, x, y, pointer: 'mouse', detail: 1 });

describe("PostHog's rage-click rule", () => {
  it.each([
    ['three close fast clicks fire once', [c(0), c(300), c(600)], [600]],
    ['a longer run still fires once', [c(0), c(300), c(600), c(900), c(1200)], [600]],
    ['a second run fires again', [c(0), c(300), c(600), c(5000), c(5100), c(5200)], [600, 5200]],
    ['too slow', [c(0), c(1000), c(2000)], []],
    ['too far (Manhattan 30 px)', [c(0), c(100, 20, 10), c(200, 40, 20)], []],
    ['a double click is two clicks', [c(0), c(150)], []],
  ])('%s', (_name, events, fired) => {
    expect(posthogRageClicks(events)).toEqual(fired);
  });
});
