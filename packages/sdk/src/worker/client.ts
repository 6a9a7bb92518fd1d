import { ModelLoadError, type ModelScore, type ModelScorer } from '../struggle/model-scorer';
import { type FromWorker, isCspRefusal, MODEL_ASSETS, type ToWorker } from './messages';

export interface WorkerModelOptions {
  /** Where `struggle-worker.js`, `struggle-model.json`, the `.onnx` and onnxruntime-web's wasm are served. */
  assetsBaseUrl: string;
  debug?: boolean;
  /** Gives up loading after this long (a 14 MB wasm on a slow link). */
  loadTimeoutMs?: number;
}

/**
 * Starts the struggle model in a Web Worker: the worker script, onnxruntime-web's wasm and the model all
 * come from `assetsBaseUrl` (the edge), never a CDN, and nothing heavy touches the main thread. A
 * cross-origin script cannot start a worker directly, so the worker is a one-line `blob:` script that
 * imports it; a CSP that refuses either, or refuses WebAssembly, rejects `ready` with `wasm-blocked`.
 *
 * @example
 * const scorer = createWorkerModelScorer({ assetsBaseUrl: 'https://edge.example.com/v1/model/' });
 * await scorer.ready;
 * const { score, reasons } = await scorer.score(window.values);
 */
export function createWorkerModelScorer(options: WorkerModelOptions): ModelScorer {
  const base = new URL(options.assetsBaseUrl, location.href);
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  const pending = new Map<number, { resolve(s: ModelScore): void; reject(e: Error): void }>();
  let nextId = 1;
  let worker: Worker | undefined;
  let failure: Error | undefined;
  let settle: { resolve(v: unknown): void; reject(e: Error): void } | undefined;
  let timeout: ReturnType<typeof setTimeout> | undefined;
  let blobUrl: string | undefined;

  const fail = (err: Error) => {
    failure ??= err;
    if (timeout) clearTimeout(timeout);
    settle?.reject(err);
    settle = undefined;
    for (const p of pending.values()) p.reject(err);
    pending.clear();
    worker?.terminate();
    worker = undefined;
  };

  const ready = new Promise<FromWorker & { type: 'ready' }>((resolve, reject) => {
    settle = { resolve: resolve as (v: unknown) => void, reject };
  }).then((m) => m.alarm);

  try {
    worker = startWorker(new URL(MODEL_ASSETS.worker, base).href, (url) => {
      blobUrl = url;
    });
    worker.onmessage = (event: MessageEvent<FromWorker>) => {
      const m = event.data;
      if (m.type === 'ready') {
        if (timeout) clearTimeout(timeout);
        settle?.resolve(m);
        settle = undefined;
      } else if (m.type === 'failed') fail(new ModelLoadError(m.reason, m.message));
      else if (m.type === 'scored') {
        pending.get(m.id)?.resolve({ score: m.score, reasons: m.reasons });
        pending.delete(m.id);
      } else if (m.type === 'score-failed') {
        pending.get(m.id)?.reject(new Error(m.message));
        pending.delete(m.id);
      }
    };
    // A worker whose script cannot load (404, CSP on the imported script) reports a bare error event.
    worker.onerror = (event) => {
      event.preventDefault();
      const message = event.message || 'the struggle worker failed to start';
      fail(new ModelLoadError(isCspRefusal(message) ? 'wasm-blocked' : 'load-failed', message));
    };
    post(worker, { type: 'init', assetsBaseUrl: base.href, debug: !!options.debug });
    timeout = setTimeout(
      () => fail(new ModelLoadError('load-failed', 'the struggle model did not load in time')),
      options.loadTimeoutMs ?? 60_000,
    );
  } catch (err) {
    // `new Worker` throws synchronously when CSP's worker-src refuses the blob: URL.
    const message = err instanceof Error ? err.message : String(err);
    const reason =
      (err as { name?: string }).name === 'SecurityError' || isCspRefusal(message)
        ? 'wasm-blocked'
        : 'load-failed';
    fail(new ModelLoadError(reason, message));
  }
  // Unhandled rejections are the host page's noise, not ours: the detector reads `ready` itself.
  ready.catch(() => {});

  return {
    ready,
    score(values) {
      if (failure || !worker) return Promise.reject(failure ?? new Error('the struggle worker is stopped'));
      const id = nextId++;
      const w = worker;
      return new Promise<ModelScore>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        post(w, { type: 'score', id, values: [...values] });
      });
    },
    teardown() {
      fail(new ModelLoadError('load-failed', 'stopped'));
      if (blobUrl) URL.revokeObjectURL(blobUrl);
    },
  };
}

function post(worker: Worker, message: ToWorker): void {
  worker.postMessage(message);
}

/** Same-origin scripts start directly; cross-origin ones through a `blob:` bootstrap that `importScripts` them. */
function startWorker(scriptUrl: string, onBlob: (url: string) => void): Worker {
  if (new URL(scriptUrl).origin === location.origin)
    return new Worker(scriptUrl, { name: 'smart-onboarding-struggle' });
  const blob = new Blob([`importScripts(${JSON.stringify(scriptUrl)});`], { type: 'text/javascript' });
  const url = URL.createObjectURL(blob);
  onBlob(url);
  return new Worker(url, { name: 'smart-onboarding-struggle' });
}
