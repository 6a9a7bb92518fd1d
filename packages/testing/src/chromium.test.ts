import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './chromium';
import { type StaticServer, serveStatic } from './static-server';

// The browser harness every SDK and widget test stands on: a real Chromium whose input arrives through the
// DevTools protocol as trusted events, exactly as a person's mouse would, not as synthetic DOM events.
const PAGE = `<!doctype html><button id="b" style="position:absolute;left:100px;top:100px;width:80px;height:40px">b</button>
<script>
  window.seen = [];
  for (const type of ['pointermove', 'pointerdown', 'click', 'wheel'])
    addEventListener(type, (e) => seen.push({ type, trusted: e.isTrusted, pointerType: e.pointerType ?? null, x: e.clientX }), { passive: true });
</script>`;

describe('Chromium harness', () => {
  let browser: Browser;
  let server: StaticServer;
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchChromium(), serveStatic({ pages: { '/': PAGE } })]);
  });
  afterAll(async () => {
    await Promise.all([browser?.close(), server?.close()]);
  });

  it('delivers mouse, click and wheel input as trusted events', async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.mouse.move(10, 10);
    await page.mouse.move(140, 120, { steps: 5 });
    await page.mouse.click(140, 120);
    await page.mouse.wheel(0, 200);
    await page.waitForFunction(() =>
      (window as unknown as { seen: { type: string }[] }).seen.some((e) => e.type === 'wheel'),
    );
    const seen = await page.evaluate(
      () =>
        (window as unknown as { seen: { type: string; trusted: boolean; pointerType: string | null }[] })
          .seen,
    );
    const types = new Set(seen.map((e) => e.type));
    expect([...types].sort()).toEqual(['click', 'pointerdown', 'pointermove', 'wheel']);
    expect(seen.every((e) => e.trusted)).toBe(true);
    expect(seen.find((e) => e.type === 'pointerdown')?.pointerType).toBe('mouse');
    expect(seen.filter((e) => e.type === 'pointermove').length).toBeGreaterThanOrEqual(5);
  });
});
