/**
 * `pnpm bench` (or `pnpm --filter @smart-onboarding/sdk bench`): the main-thread cost of watching a person
 * use a page, in one real Chromium, for the script-tag SDK beside rrweb's recorder and posthog-js
 * (autocapture with rage clicks) on the same page with the same input, and the page alone as the
 * baseline. Input is human-like (`./human-input.ts`): 60 Hz pointer strokes with clicks (Chromium's click
 * counts), bursts of clicks on a dead spot and wheel notches, sent as real input through the DevTools
 * protocol (`Input.dispatchMouseEvent`). Cost is Chromium's own accounting of main-thread script and
 * task time (`Performance.getMetrics`) per second of movement; rounds are interleaved (each round runs
 * every variant, in a rotating order) and the table shows medians. rrweb and posthog-js are the
 * packages' own browser builds from node_modules, served over loopback: nothing is downloaded.
 *
 * Options: --seconds N (movement per round, default 20), --rounds N (default 3).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { launchChromium, serveStatic } from '@smart-onboarding/testing';
import type { CDPSession, Page } from 'playwright-core';
import { startReceiver } from '../test/receiver';
import { type Frame, humanInput } from './human-input';

const here = path.dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '20' }, rounds: { type: 'string', default: '3' } },
});
const seconds = Number(values.seconds);
const rounds = Number(values.rounds);
const viewport = { width: 1200, height: 800 };

const dist = path.resolve(here, '../dist');
const require = createRequire(import.meta.url);
/** A file of an installed package, from the directory above its resolved entry (`dist/`). */
const packageFile = (name: string, file: string) =>
  path.join(path.dirname(require.resolve(name)), '..', file);
const vendor: Record<string, string> = {
  '/rrweb.js': packageFile('rrweb', 'dist/rrweb.umd.min.cjs'),
  // Every extension bundled in, none fetched from PostHog's CDN.
  '/posthog.js': packageFile('posthog-js', 'dist/array.full.no-external.js'),
};
const version = (name: string) =>
  (JSON.parse(readFileSync(packageFile(name, 'package.json'), 'utf8')) as { version: string }).version;

/** A page with some substance: a nav, a table of 200 rows with buttons, a form. */
const body = `<nav>${Array.from({ length: 12 }, (_, i) => `<a href="#s${i}">Section ${i}</a> `).join('')}</nav>
<table>${Array.from({ length: 200 }, (_, i) => `<tr><td>Row ${i}</td><td><button class="b${i % 7}">Edit</button></td><td><input value="v${i}"></td></tr>`).join('')}</table>
<form><input id="email" type="email"><select><option>a</option><option>b</option></select><button>Send</button></form>`;

const receiver = await startReceiver();
const VARIANTS = {
  none: { name: 'page alone (baseline)', script: '' },
  sdk: {
    name: 'Smart Onboarding SDK (script tag)',
    script: `<script src="/smart-onboarding.js"></script><script>
    SmartOnboarding.init({ publishableKey: 'pk_demo_local', endpoint: '${receiver.url}', user: { id: 'bench', hash: 'x' }, model: false });
  </script>`,
  },
  rrweb: {
    name: `rrweb ${version('rrweb')} record()`,
    script: `<script src="/rrweb.js"></script><script>
    window.rrEvents = []; rrweb.record({ emit: (e) => rrEvents.push(e) });
  </script>`,
  },
  posthog: {
    name: `posthog-js ${version('posthog-js')} (autocapture, rage clicks)`,
    script: `<script src="/posthog.js"></script><script>
    posthog.init('phc_bench', { api_host: location.origin + '/ph', autocapture: true, rageclick: true,
      capture_pageview: false, capture_pageleave: false, disable_session_recording: true, disable_surveys: true,
      advanced_disable_flags: true, persistence: 'memory' });
  </script>`,
  },
} as const;
type Variant = keyof typeof VARIANTS;
const pages = Object.fromEntries(
  Object.entries(VARIANTS).map(([k, v]) => [`/${k}`, `<!doctype html><body>${body}${v.script}</body>`]),
);
const site = await serveStatic({
  root: dist,
  pages,
  handler: (req, res) => {
    const file = vendor[req.url ?? ''];
    if (file) {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(readFileSync(file));
      return true;
    }
    // posthog-js's batches: accepted and dropped, so its network work happens as it would.
    if (req.url?.startsWith('/ph/')) {
      req.resume();
      res.writeHead(200, { 'access-control-allow-origin': '*', 'content-type': 'application/json' });
      res.end('{"status":1}');
      return true;
    }
    return false;
  },
});
const ALIVE: Record<Variant, string> = {
  none: 'true',
  sdk: 'typeof SmartOnboarding.status === "function"',
  rrweb: 'rrEvents.length > 10',
  posthog: 'posthog.__loaded === true',
};
const offLoopback = new Set<string>();
const browser = await launchChromium();
const frames = humanInput(seconds, { w: viewport.width, h: viewport.height });

async function send(cdp: CDPSession, f: Frame) {
  await cdp.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x: f.x, y: f.y });
  if (f.click) {
    const click = { x: f.x, y: f.y, button: 'left' as const, clickCount: f.click };
    await cdp.send('Input.dispatchMouseEvent', { type: 'mousePressed', buttons: 1, ...click });
    await cdp.send('Input.dispatchMouseEvent', { type: 'mouseReleased', buttons: 0, ...click });
  }
  if (f.wheel)
    await cdp.send('Input.dispatchMouseEvent', {
      type: 'mouseWheel',
      x: f.x,
      y: f.y,
      deltaX: 0,
      deltaY: f.wheel,
    });
}

async function round(variant: Variant) {
  const page: Page = await browser.newPage({ viewport });
  // Nothing leaves the machine: every request goes to loopback (the page, the vendor files, the receivers).
  page.on('request', (req) => {
    const host = new URL(req.url()).hostname;
    if (!['127.0.0.1', 'localhost'].includes(host) && !req.url().startsWith('blob:'))
      offLoopback.add(req.url());
  });
  await page.goto(new URL(`/${variant}`, site.url).href);
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number };
    w.longTasks = 0;
    new PerformanceObserver((list) => (w.longTasks += list.getEntries().length)).observe({
      type: 'longtask',
    });
  });
  await page.waitForTimeout(1500);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const metric = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const get = (n: string) => metrics.find((m) => m.name === n)?.value ?? 0;
    return { task: get('TaskDuration'), script: get('ScriptDuration') };
  };
  const before = await metric();
  const start = Date.now();
  for (const [i, f] of frames.entries()) {
    await send(cdp, f);
    const wait = start + ((i + 1) * 1000) / 60 - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  }
  const elapsed = (Date.now() - start) / 1000;
  const after = await metric();
  const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number }).longTasks);
  // Each tool really ran: the SDK captured, rrweb recorded, posthog-js loaded and autocaptured.
  const alive = await page.evaluate(ALIVE[variant]);
  if (!alive) throw new Error(`${variant} did not run on the page`);
  await page.close();
  return {
    task: ((after.task - before.task) * 1000) / elapsed,
    script: ((after.script - before.script) * 1000) / elapsed,
    longTasks,
  };
}

const order = Object.keys(VARIANTS) as Variant[];
const results = Object.fromEntries(
  order.map((v) => [v, { task: [] as number[], script: [] as number[], longTasks: 0 }]),
);
for (let r = 0; r < rounds; r++)
  for (let k = 0; k < order.length; k++) {
    // Rotated each round, so no variant always runs first (or right after the same neighbour).
    const variant = order[(k + r) % order.length]!;
    const m = await round(variant);
    const slot = results[variant]!;
    slot.task.push(m.task);
    slot.script.push(m.script);
    slot.longTasks += m.longTasks;
  }

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const clicks = frames.filter((f) => f.click).length;
const wheels = frames.filter((f) => f.wheel).length;
console.log(
  `Main-thread cost of watching a person: ${rounds} interleaved rounds × ${seconds} s of 60 Hz CDP pointer input (${clicks} clicks, ${wheels} wheel notches), Chromium ${browser.version()}\n`,
);
const base = median(results.none!.script);
const over = (v: Variant) => median(results[v]!.script) - base;
console.log(
  '| on the page | script, ms/s | over baseline, ms/s | main thread busy, ms/s | long tasks | script over baseline vs SDK |',
);
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const v of order) {
  const r = results[v]!;
  const ratio = v === 'none' || v === 'sdk' ? '-' : `SDK is ${(over('sdk') / over(v)).toFixed(2)}×`;
  console.log(
    `| ${VARIANTS[v].name} | ${median(r.script).toFixed(2)} | ${v === 'none' ? '-' : over(v).toFixed(2)} | ${median(r.task).toFixed(2)} | ${r.longTasks} | ${ratio} |`,
  );
}
console.log(
  '\nmedians over rounds of each round\'s time per second of movement; "over baseline" subtracts the page alone.',
);

if (offLoopback.size) {
  console.error('requests left loopback:', [...offLoopback]);
  process.exitCode = 1;
}
await browser.close();
await site.close();
await receiver.close();
