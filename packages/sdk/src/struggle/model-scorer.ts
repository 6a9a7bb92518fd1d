import type { StruggleReason } from '@smart-onboarding/protocol';
import type { AlarmOptions } from './alarm';

/** Why the model is not deciding. */
export type ModelUnavailable = 'wasm-blocked' | 'load-failed';

export interface ModelScore {
  score: number;
  reasons: StruggleReason[];
  /** Time the inference took where it ran (in the worker), ms. */
  inferenceMs?: number;
}

/**
 * The on-device model as the detector sees it: loads in the background, scores one feature vector at a
 * time. Implemented by the Web Worker client (`../worker/`); tests pass their own.
 */
export interface ModelScorer {
  /** Resolves with the alarm thresholds shipped with the model; rejects with a `ModelLoadError`. */
  ready: Promise<Partial<AlarmOptions>>;
  score(values: readonly number[]): Promise<ModelScore>;
  teardown(): void;
}

export class ModelLoadError extends Error {
  constructor(
    readonly reason: ModelUnavailable,
    message: string,
  ) {
    super(message);
    this.name = 'ModelLoadError';
  }
}
