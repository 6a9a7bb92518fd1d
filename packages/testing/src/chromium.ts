import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/**
 * Flags for a closed network: without the background-networking ones Chromium keeps opening connections
 * that the machine refuses, and it looks up Google's hosts at every start.
 */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The Chromium binary to drive: CHROMIUM_PATH, else Debian's. `scripts/ensure-chromium.mjs` installs it. */
export function chromiumPath(): string {
  const candidates = [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ];
  const found = candidates.find((p): p is string => !!p && existsSync(p));
  if (!found)
    throw new Error('No Chromium found: run `node scripts/ensure-chromium.mjs` or set CHROMIUM_PATH');
  return found;
}

/**
 * Launches a real headless Chromium. Playwright gives every launch a fresh, temporary user-data dir and
 * removes it on close, so no state leaks between tests.
 *
 * @example
 * const browser = await launchChromium();
 * const page = await browser.newPage();
 * await page.goto(url);
 * await browser.close();
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
}
