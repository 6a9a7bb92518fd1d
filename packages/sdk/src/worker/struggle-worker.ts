/// <reference lib="webworker" />
/**
 * The Web Worker that runs the struggle model: onnxruntime-web's `/wasm` build, single-threaded (the
 * host page rarely has the cross-origin isolation threads need), the wasm and the model fetched from the
 * edge. Built into `struggle-worker.js` by `models/scripts/sync-edge-assets.ts`.
 *
 * It checks first that WebAssembly may be compiled at all: a CSP without `'wasm-unsafe-eval'` refuses it,
 * and saying so early spares the page a 14 MB download that could never run.
 */
import * as ort from 'onnxruntime-web/wasm';
import {
  assetUrl,
  type FromWorker,
  isCspRefusal,
  MODEL_ASSETS,
  type ModelManifest,
  ORT_WASM_FILE,
  type ToWorker,
} from './messages';
import { reasonsFrom } from './reasons';

declare const self: DedicatedWorkerGlobalScope;

/** The smallest valid module (magic number and version): compiling it asks CSP without downloading anything. */
const EMPTY_WASM = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

let session: ort.InferenceSession | undefined;
let manifest: ModelManifest | undefined;

function send(message: FromWorker): void {
  self.postMessage(message);
}

async function init(assetsBaseUrl: string): Promise<void> {
  const started = performance.now();
  try {
    new WebAssembly.Module(EMPTY_WASM);
  } catch (err) {
    send({ type: 'failed', reason: 'wasm-blocked', message: String((err as Error).message ?? err) });
    return;
  }
  try {
    const res = await fetch(assetUrl(assetsBaseUrl, MODEL_ASSETS.manifest));
    if (!res.ok) throw new Error(`${MODEL_ASSETS.manifest}: HTTP ${res.status}`);
    manifest = (await res.json()) as ModelManifest;
    ort.env.wasm.numThreads = 1;
    ort.env.wasm.proxy = false;
    ort.env.wasm.wasmPaths = { wasm: assetUrl(assetsBaseUrl, ORT_WASM_FILE) };
    const model = await fetch(assetUrl(assetsBaseUrl, manifest.model));
    if (!model.ok) throw new Error(`${manifest.model}: HTTP ${model.status}`);
    session = await ort.InferenceSession.create(new Uint8Array(await model.arrayBuffer()), {
      executionProviders: ['wasm'],
      graphOptimizationLevel: 'all',
    });
    send({ type: 'ready', alarm: manifest.alarm, loadMs: performance.now() - started });
  } catch (err) {
    const message = String((err as Error)?.message ?? err);
    send({ type: 'failed', reason: isCspRefusal(message) ? 'wasm-blocked' : 'load-failed', message });
  }
}

async function score(id: number, values: number[]): Promise<void> {
  if (!session || !manifest) {
    send({ type: 'score-failed', id, message: 'the model is not loaded' });
    return;
  }
  try {
    const started = performance.now();
    const input = new ort.Tensor('float32', Float32Array.from(values), [1, values.length]);
    const out = await session.run({ features: input });
    const s = (out.score!.data as Float32Array)[0]!;
    const contributions = out.contributions!.data as Float32Array;
    send({
      type: 'scored',
      id,
      score: s,
      reasons: reasonsFrom(contributions, manifest.featureNames),
      ms: performance.now() - started,
    });
  } catch (err) {
    send({ type: 'score-failed', id, message: String((err as Error)?.message ?? err) });
  }
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const m = event.data;
  if (m.type === 'init') void init(m.assetsBaseUrl);
  else if (m.type === 'score') void score(m.id, m.values);
};
