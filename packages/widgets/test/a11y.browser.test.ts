import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './harness';
import { showcasePage, WIDGETS } from './showcase';

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown; failureSummary?: string }>;
}

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ '/showcase.html': showcasePage() });
});
afterAll(() => h?.close());

async function scan(page: import('playwright-core').Page): Promise<AxeViolation[]> {
  return page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  });
}

it("the scan sees inside the widgets' shadow roots (a broken label is caught)", async () => {
  const page = await h.open('/showcase.html?widget=nudge');
  await page.waitForFunction(() => (window as unknown as { ready: boolean }).ready);
  await page.evaluate(() =>
    document.querySelector('so-nudge')!.shadowRoot!.querySelector('.x')!.removeAttribute('aria-label'),
  );
  const ids = (await scan(page)).map((v) => v.id);
  expect(ids).toContain('button-name');
  await page.context().close();
});

describe('axe-core finds no serious or critical violation', () => {
  for (const scheme of ['light', 'dark'] as const) {
    for (const widget of WIDGETS) {
      it(`${widget}, ${scheme}`, async () => {
        const page = await h.open(`/showcase.html?widget=${widget}`);
        await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
        await page.waitForFunction(() => (window as unknown as { ready: boolean }).ready);
        await page.waitForTimeout(50);
        const violations = await scan(page);
        // The widget must be inside what was scanned: make sure it rendered.
        expect(await page.locator(`so-${widget}`).count()).toBe(1);
        const bad = violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id} (${v.impact}): ${v.help} at ${JSON.stringify(v.nodes.map((n) => n.target))}`);
        expect(bad).toEqual([]);
        await page.context().close();
      });
    }
  }
});
