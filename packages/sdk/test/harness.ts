import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchChromium, realMouse, type StaticServer, serveStatic } from '@smart-onboarding/testing';
import type { Browser, Page } from 'playwright-core';
import { buildScriptTag } from './build';

export interface Harness {
  browser: Browser;
  site: StaticServer;
  close(): Promise<void>;
}

/**
 * A real Chromium and a static site serving the freshly built script-tag files (`/smart-onboarding.js`
 * and its struggle sibling) beside the given test pages: the tests run what users paste.
 */
export async function startHarness(pages: Record<string, string>): Promise<Harness> {
  const dir = mkdtempSync(path.join(tmpdir(), 'so-sdk-site-'));
  const [core, struggle] = await Promise.all([
    buildScriptTag('smart-onboarding.js'),
    buildScriptTag('smart-onboarding.struggle.js'),
  ]);
  writeFileSync(path.join(dir, 'smart-onboarding.js'), core);
  writeFileSync(path.join(dir, 'smart-onboarding.struggle.js'), struggle);
  const [browser, site] = await Promise.all([launchChromium(), serveStatic({ root: dir, pages })]);
  return {
    browser,
    site,
    close: async () => {
      await Promise.all([browser.close(), site.close()]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The README's async snippet, pointing at the test site's copy, followed by page code. */
export function snippet(init: string): string {
  return `<script>
!function(w,d,n,s){if(w[n])return;var q=[],o=w[n]={_q:q};'init identify track setConsent on off setStep status shutdown'.split(' ').forEach(function(m){o[m]=function(){q.push([m,[].slice.call(arguments)])}});s=d.createElement('script');s.async=1;s.src='/smart-onboarding.js';d.head.appendChild(s)}(window,document,'SmartOnboarding');
window.seen = { signal: [], struggle: [], scorer: [], intervention: [] };
for (const k of Object.keys(window.seen)) SmartOnboarding.on(k, (p) => window.seen[k].push(p));
${init}
</script>`;
}

/** Signals the page has seen so far. */
export function signals(
  page: Page,
): Promise<{ type: string; evidence: Record<string, unknown>; element?: { selector: string } }[]> {
  return page.evaluate(() => (window as unknown as { seen: { signal: never[] } }).seen.signal);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** `n` clicks at one spot, with the click counts Chromium gives them (1, 2, 3, 3…). */
export async function realClicks(page: Page, n: number, x: number, y: number) {
  const mouse = realMouse(page);
  for (let i = 0; i < n; i++) await mouse.click(x, y);
}
