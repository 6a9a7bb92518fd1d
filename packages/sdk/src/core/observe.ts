import type { Signal } from '@smart-onboarding/protocol';
import type { Teardown } from '../capture/listen';
import type { PointerKind, RawEvent } from '../capture/raw-event';
import { createSignalLoop } from '../signals/live';
import type { CreateStruggleDetector, StruggleDetectorOptions, StruggleReport } from '../struggle/detector';
import type { Transport } from '../transport/transport';
import { loadDetector } from './detector-slot';
import { createEngagementCounter } from './engagement';
import type { EventBody } from './envelope';
import { createGuard } from './guard';
import type { JourneyHost } from './journey';

/** How often time-based rules (dead clicks, hesitation) are re-checked while the user is active. */
const TICK_MS = 500;
/** Without input for this long (and no step to time), the tick skips the signal run. */
const QUIET_MS = 10_000;
/** An engagement summary goes up at least this often while the user is active (and when the page hides). */
const ENGAGEMENT_MS = 60_000;
/** Raw event types after which signals are checked at once (the 300 ms budget starts at the click). */
const URGENT = new Set<RawEvent['type']>(['click', 'error', 'nav', 'invalid']);
/** Signals kept as the context of a struggle report (those of its last minute go with it). */
const RECENT_SIGNALS = 32;
const RECENT_MS = 60_000;

/** What observing needs from the run around it. */
interface ObserverHost {
  /** Starts capture into `emit`, and pointer moves into `move`; returns its teardown (`startCapture` on the window in the page). */
  capture(
    emit: (e: RawEvent) => void,
    move: (t: number, x: number, y: number, pointer: PointerKind) => void,
  ): Teardown;
  send(body: EventBody, urgent?: boolean): void;
  /** `struggle`: a report for the socket (the queued `struggle` event goes up either way); `flushOnHide`: the page is hiding. */
  transport: Pick<Transport, 'struggle' | 'flushOnHide'>;
  emit: JourneyHost['emit'];
  /** The step the user is on. */
  stepId(): string | undefined;
  loadDetector: (() => Promise<CreateStruggleDetector>) | undefined;
  detector: Pick<StruggleDetectorOptions, 'model' | 'assetsBaseUrl' | 'debug'>;
  warn(...args: unknown[]): void;
}

/**
 * Watches the user while consent stands: capture feeds the signal loop, the struggle detector and the
 * engagement counter; signals go to `on('signal')` and up at once, struggle reports to `on('struggle')`
 * and up with the signals of their last minute, feature windows and engagement summaries with the next
 * batch, page views and visibility as they happen. Returns what the run steers it by, and its teardown.
 *
 * @example
 * const observer = startObserving({ capture: (emit) => startCapture(window, emit), send, ... });
 * observer.stepChanged('connect', 30_000);
 * observer.stop(true);
 */
export function startObserving(h: ObserverHost) {
  const guard = createGuard(h.warn);
  const now = () => performance.now();
  const epoch = (t: number) => Math.round(performance.timeOrigin + t);
  const loop = createSignalLoop();
  const engagement = createEngagementCounter(now());
  /** The latest signals (epoch time), sent with a struggle report as its context. */
  let recent: Signal[] = [];
  let urgentQueued = false;

  const sendEngagement = () => {
    const interaction = engagement.take(now());
    if (interaction) h.send({ eventType: 'engagement', interaction });
  };

  const onStruggle = guard((r: StruggleReport) => {
    const t = epoch(r.t);
    const payload = {
      score: r.score,
      reasons: r.reasons,
      stepId: h.stepId(),
      source: r.source,
      ...(r.element ? { element: r.element } : {}),
    };
    h.emit('struggle', payload);
    h.send({ eventType: 'struggle', score: r.score, source: r.source, reasons: r.reasons }, true);
    h.transport.struggle({ ...payload, recentSignals: recent.filter((s) => s.t >= t - RECENT_MS), t });
  });

  const detector = loadDetector(
    h.loadDetector,
    {
      ...h.detector,
      onStruggle,
      onWindow: guard((w) =>
        h.send({ eventType: 'features', window: { ...w, t0: epoch(w.t0), t1: epoch(w.t1) } }),
      ),
      onScorerChange: (s) => h.emit('scorer', s),
    },
    { stepId: h.stepId, ready: () => detect(), warn: h.warn },
  );

  const detect = guard(() => {
    const signals = loop.run(now());
    for (const s of signals) {
      const out: Signal = { ...s, t: epoch(s.t) };
      recent = [...recent.slice(1 - RECENT_SIGNALS), out];
      if (s.type === 'hesitation') engagement.hesitation();
      h.emit('signal', out);
      h.send({ eventType: 'signal', signal: out }, true);
    }
    // After the signals are out: a struggle they raise at once carries them as its context.
    detector.push(signals);
  });

  /**
   * A pointer move, as plain numbers to everything that reads moves: nothing is made per move. Not guarded
   * apart: capture's listener already keeps any error from the page.
   */
  const onMove = (t: number, x: number, y: number, kind: PointerKind) => {
    loop.move(t, x, y, kind);
    detector.move(t, x, y, kind);
    engagement.move(t, x, y, kind);
  };

  const onRaw = (e: RawEvent) => {
    loop.add(e);
    detector.add(e);
    engagement.add(e);
    if (e.type === 'nav' && e.kind !== 'replace') h.send({ eventType: 'page', action: 'view' });
    if (e.type === 'visibility') {
      h.send({ eventType: 'page', action: e.hidden ? 'hidden' : 'visible' });
      if (e.hidden) {
        sendEngagement();
        h.transport.flushOnHide();
      }
    }
    if (URGENT.has(e.type) && !urgentQueued) {
      urgentQueued = true;
      queueMicrotask(() => {
        urgentQueued = false;
        detect();
      });
    }
  };

  const tick = setInterval(() => {
    const t = now();
    if (t - loop.lastAt() < QUIET_MS || h.stepId()) detect();
    if (t - engagement.since() >= ENGAGEMENT_MS) sendEngagement();
  }, TICK_MS);
  const stopCapture = h.capture(guard(onRaw) as (e: RawEvent) => void, onMove);

  return {
    /** The user is on another step: reports carry it, and hesitation times it against `estimateMs`. */
    stepChanged(stepId: string | undefined, estimateMs?: number) {
      detector.setStep(stepId);
      if (stepId) onRaw({ type: 'step', t: now(), stepId, ...(estimateMs ? { estimateMs } : {}) });
    },
    scorer: detector.state,
    /** Removes every listener, observer and timer; `final` sends the last engagement summary first. */
    stop(final: boolean) {
      if (final) sendEngagement();
      stopCapture();
      clearInterval(tick);
      detector.teardown();
      loop.clear();
    },
  };
}
