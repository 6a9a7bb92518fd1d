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

/** Errors that mean the page's Content Security Policy refused WebAssembly or the worker. */
export function isCspRefusal(message: string): boolean {
  return /content security policy|unsafe-eval|wasm-eval|wasm-unsafe-eval|refused to/i.test(message);
}
