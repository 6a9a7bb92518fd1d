import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type {
  CreateStruggleDetector,
  createWorkerModelScorer,
  StruggleDetector,
} from '@smart-onboarding/sdk/struggle';
import { launchChromium, type StaticServer, serveStatic } from '@smart-onboarding/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildModelAssets } from './assets/build-assets';
import { buildDetectorPage } from './assets/test-page';
import { forward } from './model/mlp';
import { importOnnx } from './model/onnx-import';
import { QUICK_CONFIG } from './pipeline/config';
import { simulateCorpus } from './pipeline/corpus';
import { MODEL_FILE } from './pipeline/train-model';
import type { RawEvent } from './sdk';
import { PERSONAS } from './simulator/persona';
import { simulateUserBehavior } from './simulator/simulate';

// The SDK's struggle model in real Chromium: the Web Worker runs onnxruntime-web's wasm build on the
// shipped model, served from a directory laid out as the edge serves /v1/model/, same-origin and
// cross-origin (with the key as a query); and the rules take over when CSP refuses WebAssembly.

const dir = mkdtempSync(path.join(tmpdir(), 'so-model-'));
const { params } = importOnnx(readFileSync(path.resolve(import.meta.dirname, '..', MODEL_FILE)));
const PAGE = '<!doctype html><meta charset="utf-8"><title>model</title><script src="/detector.js"></script>';

interface Recorded {
  states: { active: string; detail?: string }[];
  reports: { source: string; score: number; reasons: { code: string }[] }[];
  windows: number;
}

declare global {
  interface Window {
    SO_MODEL: {
      createStruggleDetector: CreateStruggleDetector;
      createWorkerModelScorer: typeof createWorkerModelScorer;
    };
    rec: Recorded;
    detector: StruggleDetector;
  }
}

describe('struggle model in a Web Worker (Chromium)', () => {
  let browser: Browser;
  let app: StaticServer;
  let assets: StaticServer;
  const requests: string[] = [];
  const csp = (extra: string) =>
    `default-src 'self'; script-src 'self' 'unsafe-inline' ${assets.url}; connect-src 'self' ${assets.url}; ${extra}`;

  beforeAll(async () => {
    await buildModelAssets(dir);
    await buildDetectorPage(dir);
    const log = (req: { url?: string }) => {
      requests.push(req.url ?? '');
      return false;
    };
    assets = await serveStatic({
      root: dir,
      handler: (req, res) => {
        res.setHeader('access-control-allow-origin', '*');
        return log(req);
      },
    });
    app = await serveStatic({
      root: dir,
      pages: { '/': PAGE },
      handler: (req, res) => {
        log(req);
        const url = new URL(req.url ?? '/', 'http://x');
        if (url.pathname === '/csp-no-wasm' || url.pathname === '/csp-no-blob') {
          res.writeHead(200, {
            'content-type': 'text/html; charset=utf-8',
            'content-security-policy': csp(
              url.pathname === '/csp-no-wasm' ? "worker-src 'self' blob:" : "worker-src 'self'",
            ),
          });
          res.end(PAGE);
          return true;
        }
        return false;
      },
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await Promise.all([browser?.close(), app?.close(), assets?.close()]);
  });

  async function open(pathname: string): Promise<Page> {
    const page = await browser.newPage();
    page.on('pageerror', (e) => console.error('pageerror', e));
    await page.goto(`${app.url}${pathname}`);
    await page.waitForFunction(() => !!window.SO_MODEL);
    return page;
  }

  /** Creates a detector in the page that records its states, reports and windows. */
  async function startDetector(page: Page, model: boolean, assetsBaseUrl: string): Promise<void> {
    await page.evaluate(
      ({ model, assetsBaseUrl }) => {
        window.rec = { states: [], reports: [], windows: 0 };
        window.detector = window.SO_MODEL.createStruggleDetector({
          model,
          assetsBaseUrl,
          onStruggle: (r) => window.rec.reports.push(r),
          onWindow: () => window.rec.windows++,
          onScorerChange: (s) => window.rec.states.push(s),
        });
      },
      { model, assetsBaseUrl },
    );
  }

  const lastState = (page: Page) => page.evaluate(() => window.rec.states.at(-1));

  it("onnxruntime-web in the Worker gives the TypeScript forward pass's scores within 1e-5", async () => {
    const rows = simulateCorpus(QUICK_CONFIG)
      .test.flatMap((s) => s.windows.map((w) => w.values))
      .slice(0, 300);
    const page = await open('/');
    const scores = await page.evaluate(async (rows) => {
      const scorer = window.SO_MODEL.createWorkerModelScorer({ assetsBaseUrl: '/' });
      await scorer.ready;
      const out: number[] = [];
      for (const r of rows) out.push((await scorer.score(r)).score);
      scorer.teardown();
      return out;
    }, rows);
    const diffs = rows.map((r, i) => Math.abs(scores[i]! - forward(params, r.map(Math.fround)).score));
    expect(Math.max(...diffs)).toBeLessThan(1e-5);
    await page.close();
  });

  it('loads the model lazily after the page is idle, then the model decides and reports with reasons', async () => {
    const page = await open('/');
    // Count workers the page starts: none while the detector is created, one once the page is idle.
    const workersDuringCreate = await page.evaluate(() => {
      const started: number[] = [];
      const Native = window.Worker;
      window.Worker = class extends Native {
        constructor(url: string | URL, options?: WorkerOptions) {
          started.push(performance.now());
          super(url, options);
        }
      };
      (window as unknown as { started: number[] }).started = started;
      window.rec = { states: [], reports: [], windows: 0 };
      window.detector = window.SO_MODEL.createStruggleDetector({
        model: true,
        assetsBaseUrl: '/',
        onStruggle: (r) => window.rec.reports.push(r),
        onWindow: () => window.rec.windows++,
        onScorerChange: (s) => window.rec.states.push(s),
      });
      return started.length;
    });
    expect(workersDuringCreate).toBe(0);
    expect(await lastState(page)).toEqual({ active: 'rules', detail: 'loading' });
    await page.waitForFunction(() => window.rec.states.at(-1)?.active === 'model', undefined, {
      timeout: 30_000,
    });
    expect(await page.evaluate(() => (window as unknown as { started: number[] }).started.length)).toBe(1);
    const sim = simulateUserBehavior(
      PERSONAS[0]!,
      { durationMs: 120_000, struggleRate: 1, kinds: ['unresponsive_target', 'error_loop'] },
      8,
    );
    await page.evaluate((events: RawEvent[]) => window.detector.push(events, []), sim.events);
    await page.waitForFunction(() => window.rec.reports.length > 0, undefined, { timeout: 10_000 });
    const rec = await page.evaluate(() => window.rec);
    expect(rec.reports[0]!.source).toBe('model');
    expect(rec.reports[0]!.score).toBeGreaterThan(0.9);
    expect(rec.reports[0]!.reasons.length).toBeGreaterThan(0);
    expect(rec.windows).toBeGreaterThan(100);
    await page.evaluate(() => window.detector.teardown());
    await page.close();
  });

  it('loads cross-origin through a blob: bootstrap, with the key on every request', async () => {
    const page = await open('/');
    requests.length = 0;
    await startDetector(page, true, `${assets.url}/?key=pk_test_1`);
    await page.waitForFunction(() => window.rec.states.at(-1)?.active === 'model', undefined, {
      timeout: 30_000,
    });
    const assetRequests = requests.filter((r) => /struggle-|ort-wasm/.test(r));
    expect(assetRequests.length).toBe(4);
    for (const r of assetRequests) expect(r).toContain('key=pk_test_1');
    await page.close();
  });

  it.each([
    ['/csp-no-wasm', 'CSP without wasm-unsafe-eval'],
    ['/csp-no-blob', 'CSP that refuses blob: workers'],
  ])('%s: rules decide and the SDK says wasm-blocked (%s)', async (pathname) => {
    const page = await open(pathname);
    await startDetector(page, true, `${assets.url}/`);
    await page.waitForFunction(() => window.rec.states.at(-1)?.detail === 'wasm-blocked', undefined, {
      timeout: 30_000,
    });
    expect(await lastState(page)).toEqual({ active: 'rules', detail: 'wasm-blocked' });
    const click = (t: number): RawEvent => ({ type: 'click', t, x: 5, y: 5, pointer: 'mouse', detail: 1 });
    await page.evaluate(
      (events) => window.detector.push(events, [{ type: 'rage_click', t: 1000, evidence: { clicks: 3 } }]),
      [click(900), click(1000)],
    );
    const rec = await page.evaluate(() => window.rec);
    expect(rec.reports).toHaveLength(1);
    expect(rec.reports[0]).toMatchObject({ source: 'rules', reasons: [{ code: 'rage_click' }] });
    await page.close();
  });

  it('a missing model is load-failed; model: false never fetches anything', async () => {
    const page = await open('/');
    await startDetector(page, true, '/nowhere/');
    await page.waitForFunction(() => window.rec.states.at(-1)?.detail === 'load-failed', undefined, {
      timeout: 30_000,
    });
    requests.length = 0;
    await startDetector(page, false, '/');
    await new Promise((r) => setTimeout(r, 1500));
    expect(await page.evaluate(() => window.rec.states)).toEqual([{ active: 'rules', detail: 'disabled' }]);
    expect(requests).toEqual([]);
    await page.close();
  });
});
