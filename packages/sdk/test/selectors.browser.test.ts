import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { launchChromium, realMouse, type StaticServer, serveStatic } from '@smart-onboarding/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEsmEntry } from './build';

// Selectors on markup we did not write: SB Admin 2, an open-source Bootstrap admin template installed
// from npm, every one of its pages as shipped (sidebars, navbars, cards, a 57-row data table, forms).
// A nudge is anchored by the selector capture gives the element the user struggled with, so that
// selector must match that element alone, and keep matching it when the page changes around it.
const TEMPLATE = path.dirname(
  createRequire(import.meta.url).resolve('startbootstrap-sb-admin-2/package.json'),
);
const PAGES = readdirSync(TEMPLATE).filter((f) => f.endsWith('.html'));

let browser: Browser;
let site: StaticServer;
let captureJs: string;

beforeAll(async () => {
  captureJs = await buildEsmEntry('src/capture/index.ts');
  [browser, site] = await Promise.all([launchChromium(), serveStatic({ root: TEMPLATE })]);
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function open(file: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.route('**/so-capture.js', (route) =>
    route.fulfill({ body: captureJs, contentType: 'text/javascript' }),
  );
  await page.goto(`${site.url}/${file}`, { waitUntil: 'load' });
  await page.addScriptTag({
    type: 'module',
    content: `import { startCapture } from '/so-capture.js';
      window.raw = []; window.stop = startCapture(window, (e) => window.raw.push(e)); window.ready = true;`,
  });
  await page.waitForFunction(() => (window as unknown as { ready?: boolean }).ready);
  return page;
}

/**
 * Clicks every element of the page through capture's own listeners (a click event dispatched at each
 * element, as many as the page has) and checks each selector capture gives against the live DOM:
 * it must match exactly one element, the one clicked or the control that contains it.
 */
function auditEveryElement(page: Page) {
  return page.evaluate(() => {
    const w = window as unknown as { raw: { type: string; target?: { selector: string } }[] };
    const elements = Array.from(document.body.querySelectorAll('*'));
    const wrong: string[] = [];
    const selectors = new Map<Element, string>();
    // The page's own handlers still run (menus open, a table sorts); only navigation is held back.
    document.addEventListener('click', (e) => e.preventDefault());
    for (const el of elements) {
      // A click may have re-rendered part of the page (a sorted table): only elements still in it count.
      if (!el.isConnected) continue;
      w.raw.length = 0;
      el.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true }));
      const click = w.raw.find((e) => e.type === 'click');
      const selector = click?.target?.selector;
      if (!selector) {
        wrong.push(`no selector for ${el.localName}`);
        continue;
      }
      // A password field is masked: it has no selector to anchor help to, by design.
      if (selector === '[masked]') continue;
      const found = document.querySelectorAll(selector);
      if (found.length !== 1 || !found[0]!.contains(el)) wrong.push(`${selector} matches ${found.length}`);
      selectors.set(found[0]!, selector);
    }
    return { count: elements.length, wrong, distinct: new Set(selectors.values()).size };
  });
}

describe('selectors on third-party markup (SB Admin 2 from npm), in real Chromium', () => {
  it('finds 14 pages to test on', () => {
    expect(PAGES.length).toBeGreaterThanOrEqual(14);
  });

  it('gives every element of every page a selector that matches it alone', async () => {
    let total = 0;
    for (const file of PAGES) {
      const page = await open(file);
      const { count, wrong } = await auditEveryElement(page);
      expect(wrong, file).toEqual([]);
      total += count;
      await page.close();
    }
    expect(total).toBeGreaterThan(2500);
  }, 180_000);

  it('anchors a real click to the element clicked, among rows and cards that look alike', async () => {
    const page = await open('tables.html');
    const mouse = realMouse(page);
    // The cells of the data table: same tag, same classes, row after row.
    const cells = page.locator('#dataTable tbody td');
    for (const i of [0, 7, 13, 26]) {
      const box = (await cells.nth(i).boundingBox())!;
      await page.evaluate(() => {
        (window as unknown as { raw: unknown[] }).raw.length = 0;
      });
      await mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      const selector = await page.evaluate(
        () =>
          (window as unknown as { raw: { type: string; target?: { selector: string } }[] }).raw.find(
            (e) => e.type === 'click',
          )?.target?.selector,
      );
      const match = await page.evaluate(
        ([s, i]) => {
          const found = document.querySelectorAll(s as string);
          const cell = document.querySelectorAll('#dataTable tbody td')[i as number];
          return found.length === 1 && found[0] === cell;
        },
        [selector, i] as const,
      );
      expect(match, `${selector} for cell ${i}`).toBe(true);
    }
    await page.close();
  });

  it('keeps a selector under a named ancestor when the page changes elsewhere (a banner, a toast)', async () => {
    const page = await open('index.html');
    const before = await auditAnchored(page);
    expect(before.length).toBeGreaterThan(50);
    await page.evaluate(() => {
      // What third-party scripts do to a page: a cookie banner on top, a toast at the end.
      document.body.prepend(Object.assign(document.createElement('div'), { className: 'banner' }));
      document.body.append(Object.assign(document.createElement('div'), { className: 'toast' }));
      document.querySelector('#content')?.prepend(document.createElement('div'));
    });
    const after = await auditAnchored(page);
    const changed = before.filter(([el, s]) => after.find(([e]) => e === el)?.[1] !== s);
    expect(changed).toEqual([]);
    await page.close();
  });
});

/** Selectors of the elements that sit under `#accordionSidebar` (a named ancestor), by element path. */
function auditAnchored(page: Page): Promise<[string, string][]> {
  return page.evaluate(() => {
    const w = window as unknown as { raw: { type: string; target?: { selector: string } }[] };
    const path = (el: Element): string => {
      const parts: number[] = [];
      for (let n: Element | null = el; n && n.id !== 'accordionSidebar'; n = n.parentElement)
        parts.unshift(Array.from(n.parentElement?.children ?? []).indexOf(n));
      return parts.join('.');
    };
    document.addEventListener('click', (e) => e.preventDefault());
    return Array.from(document.querySelectorAll('#accordionSidebar *')).map((el) => {
      w.raw.length = 0;
      el.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
      return [path(el), w.raw.find((e) => e.type === 'click')?.target?.selector ?? ''] as [string, string];
    });
  });
}
