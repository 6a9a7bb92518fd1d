/**
 * `pnpm --filter @smart-onboarding/sdk bench`: the main-thread cost of capture during continuous pointer
 * movement, in real Chromium, for the script-tag SDK beside rrweb's recorder on the same page with the
 * same input (and the page alone, as the baseline). Input is CDP mouse events at 60 Hz; cost is Chromium's
 * own accounting of main-thread task and script time (`Performance.getMetrics`) over the movement.
 *
 * Options: --seconds N (movement per round, default 5), --rounds N (default 3).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { launchChromium, serveStatic } from '@smart-onboarding/testing';
import type { Page } from 'playwright-core';
import { startReceiver } from '../test/receiver';

const here = path.dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '5' }, rounds: { type: 'string', default: '3' } },
});
const seconds = Number(values.seconds);
const rounds = Number(values.rounds);

const dist = path.resolve(here, '../dist');
const rrwebFile = path.join(
  path.dirname(createRequire(import.meta.url).resolve('rrweb')),
  'rrweb.umd.min.cjs',
);

/** A page with some substance: a nav, a table of 200 rows with buttons, a form. */
const body = `<nav>${Array.from({ length: 12 }, (_, i) => `<a href="#s${i}">Section ${i}</a> `).join('')}</nav>
<table>${Array.from({ length: 200 }, (_, i) => `<tr><td>Row ${i}</td><td><button class="b${i % 7}">Edit</button></td><td><input value="v${i}"></td></tr>`).join('')}</table>
<form><input id="email" type="email"><select><option>a</option><option>b</option></select><button>Send</button></form>`;

const receiver = await startReceiver();
const pages = {
  '/none': `<!doctype html><body>${body}</body>`,
  '/sdk': `<!doctype html><body>${body}<script src="/smart-onboarding.js"></script><script>
    SmartOnboarding.init({ publishableKey: 'pk_demo_local', endpoint: '${receiver.url}', user: { id: 'bench', hash: 'x' }, model: false });
  </script></body>`,
  '/rrweb': `<!doctype html><body>${body}<script src="/rrweb.js"></script><script>
    window.rrEvents = []; rrweb.record({ emit: (e) => rrEvents.push(e) });
  </script></body>`,
};
const site = await serveStatic({
  root: dist,
  pages,
  handler: (req, res) => {
    if (req.url !== '/rrweb.js') return false;
    res.writeHead(200, { 'content-type': 'text/javascript' });
    res.end(readFileSync(rrwebFile));
    return true;
  },
});
const browser = await launchChromium();

async function round(variant: keyof typeof pages) {
  const page: Page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
  await page.goto(site.url + variant);
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number };
    w.longTasks = 0;
    new PerformanceObserver((list) => (w.longTasks += list.getEntries().length)).observe({
      type: 'longtask',
    });
  });
  await page.waitForTimeout(1000);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const metric = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const get = (n: string) => metrics.find((m) => m.name === n)?.value ?? 0;
    return { task: get('TaskDuration'), script: get('ScriptDuration'), layout: get('LayoutDuration') };
  };
  const before = await metric();
  const start = Date.now();
  let i = 0;
  while (Date.now() - start < seconds * 1000) {
    const t = i++ / 60;
    // A wandering path over the table: curves and straight runs, never still.
    const x = 600 + 450 * Math.sin(t * 1.3) * Math.cos(t * 0.31);
    const y = 400 + 300 * Math.sin(t * 0.7 + 1);
    await cdp.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x, y });
    const next = start + (i * 1000) / 60;
    const wait = next - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  }
  const elapsed = (Date.now() - start) / 1000;
  const after = await metric();
  const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number }).longTasks);
  await page.close();
  return {
    taskMsPerSec: ((after.task - before.task) * 1000) / elapsed,
    scriptMsPerSec: ((after.script - before.script) * 1000) / elapsed,
    moves: i,
    longTasks,
  };
}

const results: Record<string, { task: number[]; script: number[]; longTasks: number; moves: number }> = {};
for (let r = 0; r < rounds; r++)
  for (const variant of ['/none', '/sdk', '/rrweb'] as const) {
    const m = await round(variant);
    results[variant] ??= { task: [], script: [], longTasks: 0, moves: 0 };
    const slot = results[variant];
    slot.task.push(m.taskMsPerSec);
    slot.script.push(m.scriptMsPerSec);
    slot.longTasks += m.longTasks;
    slot.moves += m.moves;
  }

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const base = median(results['/none']!.task);
const names = {
  '/none': 'page alone (baseline)',
  '/sdk': 'Smart Onboarding SDK (script tag)',
  '/rrweb': 'rrweb record()',
};
console.log(
  `Main-thread time during continuous pointer movement: ${rounds} rounds × ${seconds} s, 60 Hz CDP mouse moves, Chromium ${browser.version()}\n`,
);
console.log(
  '| on the page | main-thread busy, ms/s | of which script, ms/s | over baseline, ms/s | share of main thread | long tasks |',
);
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const [variant, r] of Object.entries(results)) {
  const task = median(r.task);
  const over = task - base;
  console.log(
    `| ${names[variant as keyof typeof names]} | ${task.toFixed(2)} | ${median(r.script).toFixed(2)} | ${variant === '/none' ? '-' : over.toFixed(2)} | ${variant === '/none' ? '-' : `${(over / 10).toFixed(2)} %`} | ${r.longTasks} |`,
  );
}
console.log(
  '\nmedians over rounds; "share" is the time over baseline as a share of each second of wall time.',
);

await browser.close();
await site.close();
await receiver.close();
