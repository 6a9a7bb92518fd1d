import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchChromium, type StaticServer, serveStatic } from '@smart-onboarding/testing';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildModelAssets } from './assets/build-assets';

// The whole on-device path with real input: Chromium's CDP mouse events, the SDK's capture and signals,
// feature windows, and the struggle model in its Worker (assets under the endpoint's /v1/model/, as the
// edge serves them). The endpoint's API is down here on purpose: detection happens on the device.

const dir = mkdtempSync(path.join(tmpdir(), 'so-sdk-model-'));
const PAGE = `<!doctype html><meta charset="utf-8"><title>pay</title>
<style>body{font:16px sans-serif;margin:40px} button{width:160px;height:48px}</style>
<h1>Checkout</h1><p>Pay for your plan.</p>
<button id="pay">Pay now</button>
<button id="count" onclick="this.textContent = 'Seats: ' + (++window.seats)">Seats: 1</button>
<p id="terms" style="height:1600px">Terms of service. Read them carefully before you pay for anything at all.</p>
<script>window.seats = 1</script>
<script src="/sdk.js"></script>`;

interface Seen {
  scorer: { active: string; detail?: string }[];
  struggles: { source: string; score: number; reasons: { code: string }[] }[];
}

describe('SDK + struggle model, real input (Chromium)', () => {
  let browser: Browser;
  let server: StaticServer;

  beforeAll(async () => {
    await buildModelAssets(path.join(dir, 'v1/model'));
    const bundle = await build({
      stdin: {
        contents: `import { SmartOnboarding } from '@smart-onboarding/sdk'; window.SmartOnboarding = SmartOnboarding;`,
        resolveDir: import.meta.dirname,
        loader: 'ts',
      },
      bundle: true,
      format: 'esm',
      splitting: false,
      platform: 'browser',
      write: false,
      logLevel: 'error',
    });
    writeFileSync(path.join(dir, 'sdk.js'), bundle.outputFiles[0]!.contents);
    server = await serveStatic({
      root: dir,
      pages: { '/': PAGE.replace('<script src', '<script type="module" src') },
      handler: (req, res) => {
        const url = req.url ?? '/';
        if (url.startsWith('/v1/') && !url.startsWith('/v1/model/')) {
          res.writeHead(503, { 'content-type': 'application/json' });
          res.end('{"error":{"code":"unavailable","message":"down for the test"}}');
          return true;
        }
        return false;
      },
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await Promise.all([browser?.close(), server?.close()]);
  });

  async function openWithModel() {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.waitForFunction(() => !!(window as unknown as { SmartOnboarding?: unknown }).SmartOnboarding);
    await page.evaluate((endpoint) => {
      const w = window as unknown as {
        seen: Seen;
        SmartOnboarding: {
          init(o: object): void;
          on(name: string, cb: (x: never) => void): void;
        };
      };
      w.seen = { scorer: [], struggles: [] };
      w.SmartOnboarding.on('scorer', (s: Seen['scorer'][number]) => w.seen.scorer.push(s));
      w.SmartOnboarding.on('struggle', (s: Seen['struggles'][number]) => w.seen.struggles.push(s));
      w.SmartOnboarding.init({ publishableKey: 'pk_test_1', endpoint, user: { id: 'u1', hash: 'h' } });
    }, server.url);
    await page.waitForFunction(
      () => (window as unknown as { seen: Seen }).seen.scorer.at(-1)?.active === 'model',
      undefined,
      { timeout: 30_000 },
    );
    return page;
  }

  const seenIn = (page: Awaited<ReturnType<typeof openWithModel>>) =>
    page.evaluate(() => (window as unknown as { seen: Seen }).seen);

  // Rage clicks the page does not answer raise at once through the rules even while the model decides
  // (the 300 ms budget); the model and the shared cooldown keep the episode to one report.
  it('rage clicks on a button that does nothing raise one struggle while the model decides, with reasons', async () => {
    const page = await openWithModel();
    const box = (await page.locator('#pay').boundingBox())!;
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    // Someone trying to pay: moves to the button, clicks, waits, clicks again and again, shakes the mouse.
    await page.mouse.move(20, 20);
    await page.mouse.move(x, y, { steps: 25 });
    await page.mouse.click(x, y);
    await page.waitForTimeout(1200);
    for (let burst = 0; burst < 3; burst++) {
      for (let i = 0; i < 4; i++) {
        await page.mouse.click(x + i, y);
        await page.waitForTimeout(180);
      }
      for (let i = 0; i < 4; i++) await page.mouse.move(x + (i % 2 ? 80 : -80), y + 10, { steps: 6 });
      await page.mouse.move(x, y, { steps: 6 });
      await page.waitForTimeout(700);
    }
    await page.waitForTimeout(1500);
    const seen = await seenIn(page);
    expect(seen.scorer.at(-1)?.active).toBe('model');
    expect(seen.struggles).toHaveLength(1);
    expect(seen.struggles[0]!.score).toBeGreaterThanOrEqual(0.75);
    expect(seen.struggles[0]!.reasons.length).toBeGreaterThan(0);
    await page.close();
  });

  it('working through the page calmly raises no struggle: a working button, reading, a double click on a word', async () => {
    const page = await openWithModel();
    const count = (await page.locator('#count').boundingBox())!;
    const terms = (await page.locator('#terms').boundingBox())!;
    await page.mouse.move(30, 30);
    await page.mouse.move(count.x + 60, count.y + 20, { steps: 20 });
    for (let i = 0; i < 3; i++) {
      await page.mouse.click(count.x + 60, count.y + 20);
      await page.waitForTimeout(250);
    }
    await page.mouse.move(terms.x + 40, terms.y + 10, { steps: 15 });
    await page.waitForTimeout(800);
    await page.mouse.dblclick(terms.x + 40, terms.y + 10);
    await page.waitForTimeout(1000);
    for (let i = 0; i < 4; i++) {
      await page.mouse.wheel(0, 200);
      await page.waitForTimeout(900);
    }
    await page.waitForTimeout(1500);
    const seen = await seenIn(page);
    expect(await page.evaluate(() => (window as unknown as { seats: number }).seats)).toBe(4);
    expect(seen.struggles).toEqual([]);
    await page.close();
  });
});
