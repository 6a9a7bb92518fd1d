import type { Browser, Page } from 'playwright-core';
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
  close(): Promise<void>;
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
    async close() {
      await browser.close();
      await app.close();
      await edge.stop();
    },
  };
}
