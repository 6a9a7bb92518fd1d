/**
 * `pnpm --filter @smart-onboarding/models bench`: the struggle model in real Chromium.
 *
 * Measures, on a page that loads the SDK's detector with the model on:
 * - the time from the page going idle to the model being ready in the Worker (runtime + wasm + model);
 * - main-thread long tasks (over 50 ms) while that happens: there should be none;
 * - inference time per window inside the Worker, and the round trip from the main thread, over real
 *   feature windows of held-out simulated personas.
 *
 *   --windows <n>   windows to score (default 2000)
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium, serveStatic } from '@smart-onboarding/testing';
import { buildModelAssets } from '../assets/build-assets';
import { buildDetectorPage } from '../assets/test-page';
import { QUICK_CONFIG } from '../pipeline/config';
import { simulateCorpus } from '../pipeline/corpus';

const PAGE = `<!doctype html><meta charset="utf-8"><title>model bench</title>
<script>
  window.longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
</script>
<script src="/detector.js"></script>
<p>Struggle model bench</p>`;

interface PageResult {
  idleAt: number;
  readyAt: number;
  state: unknown;
  longTasks: { start: number; duration: number }[];
  inWorker: number[];
  roundTrip: number[];
}

function stats(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { mean: s.reduce((a, b) => a + b, 0) / s.length, p50: at(0.5), p95: at(0.95), max: s.at(-1)! };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { windows: { type: 'string', default: '2000' } } });
  const n = Number(values.windows);
  const dir = mkdtempSync(path.join(tmpdir(), 'so-model-bench-'));
  await buildModelAssets(dir);
  await buildDetectorPage(dir);
  const rows = simulateCorpus({ ...QUICK_CONFIG, usersPerPersona: 3, sessionMs: 120_000 }).test.flatMap((s) =>
    s.windows.map((w) => w.values),
  );
  const server = await serveStatic({ root: dir, pages: { '/': PAGE } });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(server.url);
    const result = await page.evaluate(
      async ({ rows, n }) => {
        const w = window as unknown as {
          longTasks: { start: number; duration: number }[];
          SO_MODEL: {
            createStruggleDetector: (o: object) => { teardown(): void };
            createWorkerModelScorer: (o: object) => {
              ready: Promise<unknown>;
              score(v: number[]): Promise<{ score: number; inferenceMs?: number }>;
              teardown(): void;
            };
          };
        };
        // The detector, as the SDK runs it: model loading starts when the page is idle.
        let idleAt = 0;
        const states: unknown[] = [];
        const ready = new Promise<number>((resolve) => {
          w.SO_MODEL.createStruggleDetector({
            model: true,
            assetsBaseUrl: '/',
            onStruggle() {},
            onWindow() {},
            onScorerChange(s: { active: string }) {
              states.push(s);
              if (s.active === 'model') resolve(performance.now());
            },
          });
          requestIdleCallback(() => {
            idleAt = performance.now();
          });
        });
        const readyAt = await Promise.race([
          ready,
          new Promise<number>((r) => setTimeout(() => r(-1), 60_000)),
        ]);
        await new Promise((r) => setTimeout(r, 200));
        // Inference: the same worker code, scoring one window at a time as the detector does.
        const scorer = w.SO_MODEL.createWorkerModelScorer({ assetsBaseUrl: '/' });
        await scorer.ready;
        const inWorker: number[] = [];
        const roundTrip: number[] = [];
        for (let i = 0; i < n + 200; i++) {
          const t0 = performance.now();
          const out = await scorer.score(rows[i % rows.length]!);
          if (i >= 200) {
            roundTrip.push(performance.now() - t0);
            inWorker.push(out.inferenceMs ?? Number.NaN);
          }
        }
        scorer.teardown();
        return {
          idleAt,
          readyAt,
          state: states.at(-1),
          longTasks: w.longTasks,
          inWorker,
          roundTrip,
        } satisfies PageResult;
      },
      { rows, n },
    );
    const during = result.longTasks.filter(
      (t) => t.start + t.duration >= result.idleAt && t.start <= result.readyAt,
    );
    const worker = stats(result.inWorker);
    const trip = stats(result.roundTrip);
    const version = browser.version();
    const report = {
      chromium: version,
      scorer: result.state,
      modelLoadMs: Math.round(result.readyAt - result.idleAt),
      longTasksWhileLoading: during.length,
      longestTaskWhileLoadingMs: during.reduce((m, t) => Math.max(m, t.duration), 0),
      longTasksWholePage: result.longTasks.length,
      windows: n,
      inferenceInWorkerMs: worker,
      roundTripMs: trip,
    };
    const f = (x: number) => x.toFixed(3);
    process.stdout.write(
      [
        `Chromium ${version}; scorer ${JSON.stringify(result.state)}`,
        `model ready ${report.modelLoadMs} ms after the page went idle (worker, 14 MB wasm, model; local server)`,
        `main-thread long tasks while the runtime loaded: ${during.length} (whole page: ${result.longTasks.length})`,
        '',
        '| per window (ms)        | mean   | p50    | p95    | max    |',
        '|------------------------|--------|--------|--------|--------|',
        `| inference in the Worker | ${f(worker.mean)} | ${f(worker.p50)} | ${f(worker.p95)} | ${f(worker.max)} |`,
        `| round trip from the page | ${f(trip.mean)} | ${f(trip.p50)} | ${f(trip.p95)} | ${f(trip.max)} |`,
        '',
        'performance.now() is coarsened to 0.1 ms on pages without cross-origin isolation: read the mean.',
        '',
        JSON.stringify(report),
        '',
      ].join('\n'),
    );
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : err}\n`);
  process.exit(1);
});
