import type { Signal } from '@smart-onboarding/protocol';
import type { PointerKind, RawEvent } from '../capture/raw-event';
import type {
  CreateStruggleDetector,
  ScorerState,
  StruggleDetector,
  StruggleDetectorOptions,
} from '../struggle/detector';

/** Raw events held for the detector while it loads (a few seconds of input at most). */
export const DETECTOR_BACKLOG = 5000;
/** Signals held likewise (far rarer than raw events). */
export const SIGNAL_BACKLOG = 100;

interface DetectorSlot {
  /** One raw event, for the next `push`. */
  add(e: RawEvent): void;
  /**
   * One pointer move, straight to the detector's ring. Moves are not held while it loads (a moment after
   * consent): holding them would make an object per move, and the first windows lose little without them.
   */
  move(t: number, x: number, y: number, pointer: PointerKind): void;
  /** Hands the events added since the last push, and `signals` derived from them, to the detector. */
  push(signals: readonly Signal[]): void;
  setStep(stepId: string | undefined): void;
  /** Which scorer decides; undefined until the detector is there. */
  state(): ScorerState | undefined;
  teardown(): void;
}

/**
 * Struggle detection behind the core: loaded apart (after consent, so the always-loaded script stays
 * small), and fed in batches. What capture sees while it loads (pointer moves excepted) waits in a bounded
 * backlog (the newest kept) and reaches the detector once it is there, on the step the user is on by then;
 * `ready` then runs.
 * Without a loader, or once loading failed, nothing is held.
 *
 * @example
 * const slot = loadDetector(() => import('../struggle/index').then((m) => m.createStruggleDetector), options, hooks);
 * slot.add(rawEvent);
 * slot.push(newSignals);
 */
export function loadDetector(
  load: (() => Promise<CreateStruggleDetector>) | undefined,
  options: StruggleDetectorOptions,
  hooks: { stepId(): string | undefined; ready(): void; warn(...args: unknown[]): void },
): DetectorSlot {
  let detector: StruggleDetector | undefined;
  /** Loading or loaded: capture is held for it, or handed to it (false without a loader, after a failure or the teardown). */
  let holding = !!load;
  let events: RawEvent[] = [];
  let signals: Signal[] = [];
  load?.()
    .then((create) => {
      if (!holding) return;
      detector = create(options);
      detector.setStep(hooks.stepId());
      hooks.ready();
    })
    .catch((err) => {
      holding = false;
      events = [];
      signals = [];
      hooks.warn('struggle detection unavailable', err);
    });
  return {
    add(e) {
      if (holding) events.push(e);
    },
    move: (t, x, y, pointer) => detector?.move(t, x, y, pointer),
    push(fresh) {
      if (!holding) return;
      signals.push(...fresh);
      if (detector) {
        const batch = [events, signals] as const;
        events = [];
        signals = [];
        return detector.push(...batch);
      }
      if (events.length > DETECTOR_BACKLOG) events = events.slice(-DETECTOR_BACKLOG);
      if (signals.length > SIGNAL_BACKLOG) signals = signals.slice(-SIGNAL_BACKLOG);
    },
    setStep: (stepId) => detector?.setStep(stepId),
    state: () => detector?.state(),
    teardown() {
      holding = false;
      detector?.teardown();
      detector = undefined;
    },
  };
}
