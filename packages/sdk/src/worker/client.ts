import { ModelLoadError, type ModelScore, type ModelScorer } from '../struggle/model-scorer';
import { assetUrl, type FromWorker, isCspRefusal, MODEL_ASSETS, type ToWorker } from './messages';

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
 * cross-origin script cannot start a worker directly, so the worker is then a one-line `blob:` script
 * that imports it. When the page's Content Security Policy refuses the worker or WebAssembly, `ready`
 * rejects with `wasm-blocked`; any other failure (404, network, timeout) with `load-failed`.
 *
 * @example
 * const scorer = createWorkerModelScorer({ assetsBaseUrl: 'https://edge.example.com/v1/model/?key=pk_live_1' });
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
  let blobUrl: string | undefined;
  let cspRefused = false;
  let resolveReady!: (m: FromWorker & { type: 'ready' }) => void;
  let rejectReady!: (e: Error) => void;
  const ready = new Promise<FromWorker & { type: 'ready' }>((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  }).then((m) => m.alarm);
  // Unhandled rejections would be the host page's noise: the detector reads `ready` itself.
  ready.catch(() => {});

  // A refused worker often fails with a bare error event; the violation event says why.
  const onViolation = (e: SecurityPolicyViolationEvent) => {
    if (
      /worker|script|wasm/.test(e.effectiveDirective) ||
      e.blockedURI.startsWith('blob') ||
      e.blockedURI === 'wasm-eval'
    )
      cspRefused = true;
  };
  document.addEventListener('securitypolicyviolation', onViolation);
  const stopWatching = () => document.removeEventListener('securitypolicyviolation', onViolation);

  const fail = (err: Error) => {
    failure ??= err;
    clearTimeout(timeout);
    stopWatching();
    rejectReady(err);
    for (const p of pending.values()) p.reject(err);
    pending.clear();
    worker?.terminate();
    worker = undefined;
    if (blobUrl) URL.revokeObjectURL(blobUrl);
    blobUrl = undefined;
  };
  const failLoading = (message: string) =>
    fail(new ModelLoadError(cspRefused || isCspRefusal(message) ? 'wasm-blocked' : 'load-failed', message));

  const timeout = setTimeout(
    () => failLoading('the struggle model did not load in time'),
    options.loadTimeoutMs ?? 60_000,
  );

  try {
    const scriptUrl = assetUrl(base.href, MODEL_ASSETS.worker);
    if (new URL(scriptUrl).origin === location.origin)
      worker = new Worker(scriptUrl, { name: 'smart-onboarding-struggle' });
    else {
      blobUrl = URL.createObjectURL(
        new Blob([`importScripts(${JSON.stringify(scriptUrl)});`], { type: 'text/javascript' }),
      );
      worker = new Worker(blobUrl, { name: 'smart-onboarding-struggle' });
    }
    worker.onmessage = (event: MessageEvent<FromWorker>) => {
      const m = event.data;
      if (m.type === 'ready') {
        clearTimeout(timeout);
        stopWatching();
        resolveReady(m);
      } else if (m.type === 'failed') fail(new ModelLoadError(m.reason, m.message));
      else if (m.type === 'scored') {
        pending.get(m.id)?.resolve({ score: m.score, reasons: m.reasons, inferenceMs: m.ms });
        pending.delete(m.id);
      } else if (m.type === 'score-failed') {
        pending.get(m.id)?.reject(new Error(m.message));
        pending.delete(m.id);
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      // Let a violation event queued with the error arrive first.
      const message = event.message || 'the struggle worker failed to start';
      setTimeout(() => failLoading(message), 0);
    };
    post(worker, { type: 'init', assetsBaseUrl: base.href, debug: !!options.debug });
  } catch (err) {
    // `new Worker` throws a SecurityError at once when CSP's worker-src refuses the script.
    const message = err instanceof Error ? err.message : String(err);
    if ((err as { name?: string }).name === 'SecurityError') cspRefused = true;
    failLoading(message);
  }

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
    },
  };
}

function post(worker: Worker, message: ToWorker): void {
  worker.postMessage(message);
}
