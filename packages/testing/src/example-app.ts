import type { InterventionPlan } from '@smart-onboarding/protocol';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { type DevServer, startDevServer } from './dev-server';
import { watchEdgeTraffic } from './edge-traffic';
import { type StaticServer, serveStatic } from './static-server';

export interface ExampleApp {
  edge: DevServer;
  app: StaticServer;
  browser: Browser;
  /** Opens the app in a new page at 1280×900, watching its traffic to the edge; fails on a page error. */
  open(): Promise<{ page: Page; traffic: ReturnType<typeof watchEdgeTraffic> }>;
  /**
   * New anonymous visitors (a fresh browser context each) rage-click `selector` (three real clicks, after
   * `prepare`) until the edge plans an intervention to show. One user in ten is in the edge's holdout
   * group (plans recorded, never shown): for those, nothing may appear, and the next visitor is drawn.
   */
  rageClickUntilPlanned(
    selector: string,
    prepare?: (page: Page) => Promise<void>,
  ): Promise<{
    context: BrowserContext;
    page: Page;
    traffic: ReturnType<typeof watchEdgeTraffic>;
    plan: InterventionPlan;
  }>;
  close(): Promise<void>;
}

/** How many new visitors `rageClickUntilPlanned` draws: all four held out happens once in 10,000 runs. */
const VISITORS = 4;

/** Waits until `read` gives something (polling every 50 ms), or throws `what` after `timeoutMs`. */
async function until<T>(read: () => T | undefined | false, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${what} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * An example app as its users meet it: built by its own build script, served over HTTP with
 * `/dev-env.js` pointing at the real local edge (as `pnpm dev` serves it), in Chromium.
 *
 * @example
 * const example = await startExampleApp({ root: 'examples/react-app/public', build: buildApp });
 * const { page, traffic } = await example.open();
 */
export async function startExampleApp(options: {
  root: string;
  build: () => Promise<unknown>;
}): Promise<ExampleApp> {
  const [edge, , browser] = await Promise.all([startDevServer(), options.build(), launchChromium()]);
  const app = await serveStatic({
    root: options.root,
    handler: (req, res) => {
      if (req.url !== '/dev-env.js') return false;
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(`window.SMART_ONBOARDING_DEV = ${JSON.stringify({ endpoint: edge.url })};`);
      return true;
    },
  });
  return {
    edge,
    app,
    browser,
    async open() {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      const traffic = watchEdgeTraffic(page, edge.url);
      await page.goto(`${app.url}/index.html`);
      await page.locator('h1').waitFor();
      if (errors.length) throw new Error(`the app raised: ${errors.join('; ')}`);
      return { page, traffic };
    },
    async rageClickUntilPlanned(selector, prepare) {
      for (let visitor = 0; visitor < VISITORS; visitor++) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        const page = await context.newPage();
        const traffic = watchEdgeTraffic(page, edge.url);
        await page.goto(`${app.url}/index.html`);
        const target = page.locator(selector);
        await target.waitFor();
        await prepare?.(page);
        await until(() => traffic.socketOpened(), 'the socket did not open');
        const box = (await target.boundingBox())!;
        for (let i = 0; i < 3; i++) {
          await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
          await page.waitForTimeout(120);
        }
        const plan = await until(() => traffic.interventions[0], 'the edge planned nothing');
        if (!plan.holdout && plan.kind !== 'none') return { context, page, traffic, plan };
        // Held out (or nothing to offer): the nudge must stay off the screen.
        await page.waitForTimeout(500);
        const shown = await page.locator('#so-nudge-title').count();
        await context.close();
        if (shown) throw new Error(`a ${plan.holdout ? 'held-out' : "'none'"} plan was shown`);
      }
      throw new Error(`${VISITORS} visitors in a row got no plan to show`);
    },
    async close() {
      await browser.close();
      await app.close();
      await edge.stop();
    },
  };
}
