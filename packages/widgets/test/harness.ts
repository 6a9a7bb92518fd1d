import path from 'node:path';
import { launchChromium, type StaticServer, serveStatic } from '@smart-onboarding/testing';
import type { Browser, Page } from 'playwright-core';

export const packageDir = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

/** A page that loads the script-tag bundle; `script` runs after it. */
export function html(body: string, script = '', head = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>widgets test</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{margin:0;font:16px system-ui,sans-serif}</style>${head}</head>
<body>${body}
<script src="/dist/widgets.iife.js"></script>
<script>window.events = []; const W = window.SmartOnboardingWidgets;
const log = (type) => (e) => window.events.push({ type, e: JSON.parse(JSON.stringify(e ?? null)) });
${script}</script></body></html>`;
}

export interface Harness {
  browser: Browser;
  server: StaticServer;
  /** A fresh page (own context, so media emulation and viewport never leak between tests). */
  open(pathname: string, options?: { width?: number; height?: number }): Promise<Page>;
  close(): Promise<void>;
}

/** One Chromium and one static server per test file, serving the package (bundle, axe-core) and `pages`. */
export async function startHarness(pages: Record<string, string>): Promise<Harness> {
  const [browser, server] = await Promise.all([launchChromium(), serveStatic({ root: packageDir, pages })]);
  return {
    browser,
    server,
    async open(pathname, options = {}) {
      const context = await browser.newContext({
        viewport: { width: options.width ?? 1024, height: options.height ?? 700 },
      });
      const page = await context.newPage();
      page.on('pageerror', (err) => console.error('page error:', err));
      await page.goto(server.url + pathname);
      return page;
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** Lifecycle events the page recorded so far (`window.events`). */
/** What a page's `log(type)` recorded: the callback's argument, as JSON. */
export interface Recorded {
  type: string;
  // biome-ignore lint/suspicious/noExplicitAny: JSON from the page, checked with toMatchObject
  e: any;
}

declare global {
  interface Window {
    events: Recorded[];
  }
}

export function events(page: Page): Promise<Recorded[]> {
  return page.evaluate(() => window.events);
}

/** Waits until an event of this type was recorded, and returns it. */
export async function waitForEvent(page: Page, type: string, nth = 1): Promise<Recorded['e']> {
  await page.waitForFunction(
    ([t, n]) => window.events.filter((e) => e.type === t).length >= (n as number),
    [type, nth] as const,
    { timeout: 10_000 },
  );
  return (await events(page)).filter((e) => e.type === type)[nth - 1]!.e;
}

/** The bounding box of the first element matching `selector` inside the shadow root of host `hostTag`. */
export function shadowBox(page: Page, hostTag: string, selector: string) {
  return page.evaluate(
    ([h, s]) => {
      const el = document.querySelector(h!)?.shadowRoot?.querySelector(s!);
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return { top: r.top, left: r.left, bottom: r.bottom, right: r.right, width: r.width, height: r.height };
    },
    [hostTag, selector],
  );
}

export function box(page: Page, selector: string) {
  return page.evaluate((s) => {
    const r = document.querySelector(s)!.getBoundingClientRect();
    return { top: r.top, left: r.left, bottom: r.bottom, right: r.right, width: r.width, height: r.height };
  }, selector);
}
