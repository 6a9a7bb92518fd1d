import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, packageDir, startHarness } from './harness';
import { showcasePage, WIDGETS } from './showcase';

/**
 * Screenshots of every widget (light, dark, small screen) for the README, rewritten by every run from
 * the real bundle in Chromium: if a widget's look changes, the diff shows up in review.
 */
const outDir = path.join(packageDir, 'screenshots');
const VARIANTS = [
  { name: 'light', scheme: 'light', width: 960, height: 600 },
  { name: 'dark', scheme: 'dark', width: 960, height: 600 },
  { name: 'small', scheme: 'light', width: 375, height: 667 },
] as const;

let h: Harness;
beforeAll(async () => {
  mkdirSync(outDir, { recursive: true });
  h = await startHarness({ '/showcase.html': showcasePage() });
});
afterAll(() => h?.close());

describe('screenshots', () => {
  for (const variant of VARIANTS) {
    it(`${variant.name}: every widget`, async () => {
      for (const widget of WIDGETS) {
        const page = await h.open(`/showcase.html?widget=${widget}`, variant);
        await page.emulateMedia({ colorScheme: variant.scheme, reducedMotion: 'reduce' });
        await page.waitForFunction(() => (window as unknown as { ready: boolean }).ready);
        await page.waitForTimeout(100);
        const png = await page.screenshot({ animations: 'disabled', caret: 'hide' });
        writeFileSync(path.join(outDir, `${widget}-${variant.name}.png`), png);
        expect(png.length).toBeLessThan(100_000);
        await page.context().close();
      }
    });
  }
});
