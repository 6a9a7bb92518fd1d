import type { StruggleReason } from '@smart-onboarding/protocol';
import type { AlarmOptions } from '../struggle/alarm';
import type { ModelUnavailable } from '../struggle/model-scorer';

/** Files the worker fetches from `assetsBaseUrl` (the edge serves them under `/v1/model/`). */
export const MODEL_ASSETS = {
  worker: 'struggle-worker.js',
  manifest: 'struggle-model.json',
} as const;

/** `struggle-model.json`: which ONNX file to load, its feature layout, and the alarm thresholds it was tuned for. */
export interface ModelManifest {
  schema: string;
  model: string;
  featureNames: string[];
  alarm: Partial<AlarmOptions>;
}

export type ToWorker =
  | { type: 'init'; assetsBaseUrl: string; debug: boolean }
  | { type: 'score'; id: number; values: number[] };

export type FromWorker =
  | { type: 'ready'; alarm: Partial<AlarmOptions>; loadMs: number }
  | { type: 'failed'; reason: ModelUnavailable; message: string }
  | { type: 'scored'; id: number; score: number; reasons: StruggleReason[]; ms: number }
  | { type: 'score-failed'; id: number; message: string };

/** The ONNX runtime's wasm binary (onnxruntime-web's single-threaded SIMD build; its JS glue is bundled in the worker). */
export const ORT_WASM_FILE = 'ort-wasm-simd-threaded.wasm';

/**
 * The URL of an asset beside the base, keeping the base's query string: a cross-origin edge wants the
 * publishable key as `?key=` on every file, and neither `importScripts` nor onnxruntime-web's wasm fetch
 * can add a header.
 *
 * @example
 * assetUrl('https://edge.example.com/v1/model/?key=pk_1', 'struggle-model.json');
 * // 'https://edge.example.com/v1/model/struggle-model.json?key=pk_1'
 */
export function assetUrl(base: string, file: string): string {
  const url = new URL(file, base);
  url.search = new URL(base).search;
  return url.href;
}

/** Errors that mean the page's Content Security Policy refused WebAssembly or the worker. */
export function isCspRefusal(message: string): boolean {
  return /content security policy|unsafe-eval|wasm-eval|wasm-unsafe-eval|refused to/i.test(message);
}
