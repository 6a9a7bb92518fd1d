import type { Page } from 'playwright-core';

/**
 * Clicks as a person's mouse makes them in Chromium on Linux: the browser, not the page, counts
 * consecutive clicks on one spot (`detail` 1, 2, 3) and caps the count at 3 (ui/events: a click within
 * the double-click time, 500 ms, and 2 px of the last one repeats it). CDP input carries whatever count
 * the caller gives, and Playwright's `mouse.click` always gives 1, so a test that clicks a dead button
 * four times would send four count-1 clicks no real browser sends. This mouse gives the real counts.
 *
 * @example
 * const mouse = realMouse(page);
 * for (let i = 0; i < 4; i++) await mouse.click(x, y); // details 1, 2, 3, 3
 */
export function realMouse(page: Page, { maxCount = 3 } = {}) {
  const DOUBLE_CLICK_MS = 500;
  const SLOP_PX = 2;
  let last: { x: number; y: number; t: number; count: number } | undefined;
  return {
    /** One click (down and up) at the spot, with the count the browser would give it; returns the count. */
    async click(x: number, y: number): Promise<number> {
      const t = performance.now();
      const repeats =
        last &&
        t - last.t < DOUBLE_CLICK_MS &&
        Math.abs(x - last.x) <= SLOP_PX &&
        Math.abs(y - last.y) <= SLOP_PX;
      const count = repeats ? Math.min(last!.count + 1, maxCount) : 1;
      await page.mouse.move(x, y);
      await page.mouse.down({ clickCount: count });
      await page.mouse.up({ clickCount: count });
      last = { x, y, t, count };
      return count;
    },
  };
}
