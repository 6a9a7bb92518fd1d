import type { FeatureWindow, Signal, StruggleReason } from '@smart-onboarding/protocol';
import type { PointerKind, RawEvent } from '../capture/raw-event';

/**
 * The seam between the SDK core (capture, signals, transport) and struggle detection (feature windows,
 * the rule-based scorer, the ONNX model in a Web Worker). The core pushes what it captured and the
 * signals it derived; the detector answers through the callbacks. One episode of struggle raises one
 * `onStruggle` (hysteresis and cooldown live behind this seam).
 */
export interface StruggleDetectorOptions {
  /** `false` switches the on-device model off: the rule-based scorer decides alone. */
  model: boolean;
  /** Base URL the model and onnxruntime-web's wasm are fetched from (the edge: same origin as the API). */
  assetsBaseUrl: string;
  onStruggle(report: StruggleReport): void;
  /** A completed feature window, for the transport to send up (feature vectors leave the device; raw paths do not). */
  onWindow(window: FeatureWindow): void;
  /** Which scorer is deciding now, and why it changed (model loaded, wasm blocked by CSP, load failed). */
  onScorerChange(state: ScorerState): void;
  debug?: boolean;
}

export interface StruggleReport {
  /** 0..1 */
  score: number;
  source: 'model' | 'rules';
  /** The top contributing signals or features. */
  reasons: StruggleReason[];
  /** On the capture clock (performance.now()). */
  t: number;
  /** The element the struggle centres on, when there is one. */
  element?: string;
}

export interface ScorerState {
  active: 'rules' | 'model';
  /** Set while the model is loading or when it could not be used. */
  detail?: 'loading' | 'disabled' | 'wasm-blocked' | 'load-failed';
}

export interface StruggleDetector {
  /** New raw events (in time order) and the signals derived from them since the last call. */
  push(events: readonly RawEvent[], signals: readonly Signal[]): void;
  /**
   * One pointer move as plain numbers, as capture saw it: kept in a ring of typed arrays (nothing made per
   * move) and merged into the next `push` in time order.
   */
  move(t: number, x: number, y: number, pointer: PointerKind): void;
  /** Marks the step the user is on, so reports and windows carry it. */
  setStep(stepId: string | undefined): void;
  state(): ScorerState;
  /** Stops timers, terminates the worker. */
  teardown(): void;
}

export type CreateStruggleDetector = (options: StruggleDetectorOptions) => StruggleDetector;
