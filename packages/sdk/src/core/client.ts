import type {
  BehaviorEvent,
  OnboardingStep,
  ScalarRecord,
  ServerMessage,
  Signal,
} from '@smart-onboarding/protocol';
import { CREDENTIALS, PATHS } from '@smart-onboarding/protocol';
import { startCapture } from '../capture/index';
import type { Teardown } from '../capture/listen';
import type { RawEvent } from '../capture/raw-event';
import type { CreateStruggleDetector, StruggleDetector, StruggleReport } from '../struggle/detector';
import { anonymousIdentity } from '../transport/anonymous';
import { backoffDelay } from '../transport/backoff';
import { uuid } from '../transport/ids';
import { openIndexedDbStore } from '../transport/indexeddb-store';
import { createEventQueue } from '../transport/queue';
import { createTransport, type Transport } from '../transport/transport';
import type { CreateOnboardingUi, OnboardingUi, WidgetsApi } from '../ui/types';
import { type ConsentState, effectiveConsent } from './consent';
import { createSignalLoop } from './detection';
import { createEmitter } from './emitter';
import { createEngagementCounter } from './engagement';
import { startJourney } from './journey-api';
import type { InitOptions, SdkEvents, Status } from './options';
import { toScalarRecord } from './scalars';

/** How often time-based rules (dead clicks, hesitation) are re-checked while the user is active. */
const TICK_MS = 500;
/** An engagement summary goes up at least this often while the user is active (and when the page hides). */
const ENGAGEMENT_MS = 60_000;
/** Raw event types after which signals are checked at once (the 300 ms budget starts at the click). */
const URGENT = new Set<RawEvent['type']>(['click', 'error', 'nav', 'invalid']);
const SLUG = /^[a-z0-9][a-z0-9_-]*$/;

/** A `BehaviorEvent` before the envelope (id, session, time) is put on. */
type EventBody = BehaviorEvent extends infer E
  ? E extends BehaviorEvent
    ? Omit<E, 'id' | 'sessionId' | 'timestamp'>
    : never
  : never;

/** The public API of the SDK: `window.SmartOnboarding` and the ESM `SmartOnboarding`. */
export interface SmartOnboardingApi {
  init(options: InitOptions): void;
  identify(userId: string, traits?: ScalarRecord, userHash?: string): void;
  track(name: string, properties?: ScalarRecord): void;
  setConsent(state: ConsentState): void;
  on<K extends keyof SdkEvents>(name: K, cb: (payload: SdkEvents[K]) => void): () => void;
  off<K extends keyof SdkEvents>(name: K, cb: (payload: SdkEvents[K]) => void): void;
  /**
   * Reports the step as done (or skipped): the edge advances the journey and pushes the next step. The
   * built-in tour and `track` calls matching a step's event goal call it; apps that render their own
   * widgets (`widgets: false`) call it from their tour.
   */
  completeStep(stepId: string, action?: 'completed' | 'skipped'): void;
  /** Marks the onboarding step the user is on (tours call it; the edge's `next_step` sets it too). */
  setStep(stepId: string | undefined, estimateMs?: number): void;
  status(): Status;
  /** Removes every listener, observer, timer and socket, and flushes the queue. */
  shutdown(): Promise<void>;
}

export interface ClientDependencies {
  /**
   * Loads struggle detection (feature windows, rules, the model's worker client). Loaded after consent,
   * apart from the core, so the always-loaded script stays small; events wait for it in a bounded buffer.
   */
  loadDetector?: () => Promise<CreateStruggleDetector>;
  /** Loads the onboarding UI glue (a separate file or chunk), on the first thing to show. */
  loadUi?: () => Promise<CreateOnboardingUi>;
  /** Loads the widgets bundle the UI mounts (`widgetsUrl` is the init option, when given). */
  loadWidgets?: (widgetsUrl: string | undefined) => Promise<WidgetsApi>;
}

/** Raw events held for the detector while it loads (a few seconds of input at most). */
const DETECTOR_BACKLOG = 5000;

/**
 * Creates an SDK instance. Nothing happens until `init`; nothing is captured until consent is granted.
 * Every public method swallows its own errors (reported as warnings in debug mode): the host page never
 * sees an exception from us.
 *
 * @example
 * const so = createSmartOnboarding({ loadDetector: () => import('./struggle').then((m) => m.createStruggleDetector) });
 * so.init({ publishableKey: 'pk_demo_local', endpoint: 'http://127.0.0.1:8787' });
 * so.on('struggle', ({ score, reasons }) => console.log(score, reasons));
 */
export function createSmartOnboarding(deps: ClientDependencies = {}): SmartOnboardingApi {
  let options: InitOptions | undefined;
  let requested: ConsentState = 'pending';
  let user: { id?: string | undefined; hash?: string | undefined } = {};
  let sessionId = '';
  let stepId: string | undefined;
  /** The step the edge says the user is on, for matching `track` calls against its event goal. */
  let currentStep: OnboardingStep | null = null;
  /** Steps reported done by this page (a step's goal may be met by the tour and by `track` at once). */
  let completed = new Set<string>();
  let progressTotal = 0;
  let ui: Promise<OnboardingUi | undefined> | undefined;
  let transport: Transport | undefined;
  let detector: StruggleDetector | undefined;
  let stopCapture: Teardown | undefined;
  let timers: Teardown | undefined;
  let fresh: RawEvent[] = [];
  let freshSignals: Signal[] = [];
  /** The latest signals (epoch time), sent with a struggle report as its context. */
  let recentSignals: Signal[] = [];
  let urgentQueued = false;
  const loop = createSignalLoop();
  let engagement = createEngagementCounter(0);
  let engagementAt = 0;
  const warn = (...args: unknown[]) => {
    if (options?.debug) console.warn('[smart-onboarding]', ...args);
  };
  const events = createEmitter<SdkEvents>((err) => warn('an event listener threw', err));
  const guard =
    <A extends unknown[], R>(fn: (...args: A) => R) =>
    (...args: A): R | undefined => {
      try {
        return fn(...args);
      } catch (err) {
        warn(err);
        return undefined;
      }
    };

  const consent = (): ConsentState => {
    const nav = globalThis.navigator as (Navigator & { globalPrivacyControl?: boolean }) | undefined;
    return effectiveConsent(
      requested,
      { doNotTrack: nav?.doNotTrack, globalPrivacyControl: nav?.globalPrivacyControl },
      options?.honorDoNotTrack !== false,
    );
  };
  const epoch = (t: number) => Math.round(performance.timeOrigin + t);
  const path = () => location.pathname + location.hash;

  const event = (body: EventBody): BehaviorEvent => {
    const e = {
      id: uuid(),
      sessionId,
      timestamp: Date.now(),
      context: { path: path().slice(0, 1024) },
      ...body,
    } as BehaviorEvent;
    if (!e.stepId && stepId) e.stepId = stepId;
    return e;
  };

  const sendEngagement = () => {
    const now = performance.now();
    engagementAt = now;
    const interaction = engagement.take(now);
    if (interaction) transport?.send(event({ eventType: 'engagement', interaction }));
  };

  const onRaw = (e: RawEvent) => {
    loop.add(e);
    fresh.push(e);
    engagement.add(e);
    if (e.type === 'nav' && e.kind !== 'replace')
      transport?.send(event({ eventType: 'page', action: 'view' }));
    if (e.type === 'visibility') {
      transport?.send(event({ eventType: 'page', action: e.hidden ? 'hidden' : 'visible' }));
      if (e.hidden) {
        sendEngagement();
        transport?.flushOnHide();
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

  const detect = guard(() => {
    const now = performance.now();
    const signals = loop.run(now);
    freshSignals.push(...signals);
    if (detector) {
      detector.push(fresh, freshSignals);
      fresh = [];
      freshSignals = [];
    } else if (fresh.length > DETECTOR_BACKLOG) fresh = fresh.slice(-DETECTOR_BACKLOG);
    for (const s of signals) {
      const out: Signal = { ...s, t: epoch(s.t) };
      recentSignals = [...recentSignals.slice(-31), out];
      if (s.type === 'hesitation') engagement.hesitation();
      events.emit('signal', out);
      transport?.send(event({ eventType: 'signal', signal: out }), true);
    }
  });

  const onStruggle = guard((r: StruggleReport) => {
    const t = epoch(r.t);
    const payload = {
      score: r.score,
      reasons: r.reasons,
      stepId,
      source: r.source,
      ...(r.element ? { element: r.element } : {}),
    };
    events.emit('struggle', payload);
    transport?.send(
      event({ eventType: 'struggle', score: r.score, source: r.source, reasons: r.reasons }),
      true,
    );
    const since = t - 60_000;
    transport?.struggle({ ...payload, stepId, recentSignals: recentSignals.filter((s) => s.t >= since), t });
  });

  /** Runs `fn` on the onboarding UI, loading it first; never with `widgets: false` or without consent. */
  const withUi = (fn: (u: OnboardingUi) => void) => {
    const o = options;
    if (!o || o.widgets === false || !transport || !deps.loadUi) return;
    ui ??= deps.loadUi().then(
      (create) =>
        create({
          loadWidgets: () =>
            deps.loadWidgets?.(o.widgetsUrl) ?? Promise.reject(new Error('no widgets loader')),
          reportStep: completeStep,
          reportIntervention: (interventionId, action) =>
            transport?.send(event({ eventType: 'intervention', interventionId, action }), true),
          helpReceived: (m) => ('delta' in m ? events.emit('helpChunk', m) : events.emit('help', m)),
          helpEndpoint: () =>
            user.id
              ? {
                  url: `${o.endpoint.replace(/\/+$/, '')}/v1/journeys/${encodeURIComponent(user.id)}/help`,
                  headers: {
                    [CREDENTIALS.publishableKey.header]: o.publishableKey,
                    ...(user.hash ? { [CREDENTIALS.userHash.header]: user.hash } : {}),
                  },
                }
              : undefined,
          warn,
        }),
      (err) => void warn('the onboarding UI could not be loaded', err),
    );
    const mine = ui;
    void mine.then((u) => {
      if (u && ui === mine) fn(u);
    });
  };

  const showStep = (step: OnboardingStep | null, variantId?: string) => {
    currentStep = step;
    setStep(step?.id, step ? step.estimatedDurationSec * 1000 : undefined);
    events.emit('step', step);
    withUi((u) => u.step(step, variantId));
    if (!step && progressTotal) withUi((u) => u.progress(progressTotal, progressTotal));
  };

  function completeStep(id: string, action: 'completed' | 'skipped' = 'completed') {
    if (!SLUG.test(id) || completed.has(id) || !transport) return;
    completed.add(id);
    transport.send(event({ eventType: 'step', stepId: id, action }), true);
    if (progressTotal) withUi((u) => u.progress(completed.size, progressTotal));
  }

  /** `init({ flow })`: starts the journey once the user is known (idempotent on the edge). */
  const beginJourney = async (t: Transport, endpoint: string) => {
    const flow = options?.flow;
    if (!flow || !user.id || transport !== t) return;
    const begun = await startJourney(
      endpoint,
      { publishableKey: options!.publishableKey, userId: user.id, userHash: user.hash },
      flow,
    );
    if (!begun || transport !== t) return warn('the journey could not be started');
    for (const id of begun.completed) completed.add(id);
    progressTotal = begun.total;
    if (begun.next.step?.id !== currentStep?.id || begun.next.variantId)
      showStep(begun.next.step, begun.next.variantId);
    if (progressTotal) withUi((u) => u.progress(completed.size, progressTotal));
  };

  const onMessage = guard((m: ServerMessage) => {
    if (m.type === 'intervention') {
      events.emit('intervention', m.plan);
      withUi((u) => u.intervention(m.plan));
    } else if (m.type === 'welcome') {
      // Before the journey exists the welcome has no step: keep what the journey start showed.
      if (m.currentStep || !currentStep) showStep(m.currentStep);
    } else if (m.type === 'next_step') showStep(m.step, m.variantId);
    else if (m.type === 'help') {
      events.emit('help', m.help);
      withUi((u) => u.help(m.help));
    } else if (m.type === 'help_chunk') {
      const chunk = { helpId: m.helpId, delta: m.delta, done: m.done };
      events.emit('helpChunk', chunk);
      withUi((u) => u.helpChunk(chunk));
    } else if (m.type === 'error') warn('the edge said', m.error.code, m.error.message);
  });

  function setStep(id: string | undefined, estimateMs?: number) {
    const next = id && SLUG.test(id) ? id : undefined;
    if (next === stepId) return;
    stepId = next;
    detector?.setStep(next);
    if (next && stopCapture)
      onRaw({ type: 'step', t: performance.now(), stepId: next, ...(estimateMs ? { estimateMs } : {}) });
  }

  const start = async () => {
    if (!options || stopCapture || consent() !== 'granted') return;
    const o = options;
    try {
      sessionId = sessionStorage.getItem('so_sid') ?? uuid();
      sessionStorage.setItem('so_sid', sessionId);
    } catch {
      // Storage refused (sandboxed frame, strict privacy mode): a session per page.
      sessionId ||= uuid();
    }
    const endpoint = o.endpoint.replace(/\/+$/, '');
    const queue = createEventQueue(await openIndexedDbStore(`smart-onboarding:${o.publishableKey}`));
    // Consent may have been withdrawn while the database opened.
    if (stopCapture || consent() !== 'granted' || options !== o) return queue.close();
    const t = createTransport({
      endpoint,
      queue,
      credentials: () => ({
        publishableKey: o.publishableKey,
        userId: user.id,
        userHash: user.hash,
        sessionId,
      }),
      onMessage,
      warn,
      socket: o.socket !== false,
      canSend: () => !!user.id,
    });
    transport = t;
    if (!user.id) void adoptAnonymousIdentity(t, endpoint, o.publishableKey, 0);
    else void beginJourney(t, endpoint);
    deps
      .loadDetector?.()
      .then((create) => {
        if (transport !== t || detector) return;
        detector = create({
          model: o.model !== false,
          // The key lets the edge serve the model files to this (cross-origin) page.
          assetsBaseUrl: `${endpoint}${PATHS.modelAssets}/?${CREDENTIALS.publishableKey.query}=${encodeURIComponent(o.publishableKey)}`,
          onStruggle,
          onWindow: guard((w) =>
            transport?.send(
              event({ eventType: 'features', window: { ...w, t0: epoch(w.t0), t1: epoch(w.t1) } }),
            ),
          ),
          onScorerChange: (s) => events.emit('scorer', s),
          debug: !!o.debug,
        });
        detector.setStep(stepId);
        detect();
      })
      .catch((err) => warn('struggle detection unavailable', err));
    engagement = createEngagementCounter(performance.now());
    engagementAt = performance.now();
    const tick = setInterval(() => {
      const now = performance.now();
      if (now - loop.lastAt() < 10_000 || stepId) detect();
      if (now - engagementAt >= ENGAGEMENT_MS) sendEngagement();
    }, TICK_MS);
    timers = () => clearInterval(tick);
    stopCapture = startCapture(window, guard(onRaw) as (e: RawEvent) => void, {
      mask: o.mask ?? [],
      isOwnRequest: (url) => url.startsWith(endpoint),
    });
  };

  /** No user given: ask the edge for a signed anonymous id (retrying with backoff), then send. */
  const adoptAnonymousIdentity = async (t: Transport, endpoint: string, key: string, attempt: number) => {
    const identity = await anonymousIdentity(endpoint, key);
    if (transport !== t || user.id) return;
    if (!identity) {
      const retry = setTimeout(
        () => adoptAnonymousIdentity(t, endpoint, key, attempt + 1),
        backoffDelay(attempt),
      );
      const previous = timers;
      timers = () => {
        clearTimeout(retry);
        previous?.();
      };
      return;
    }
    user = { id: identity.userId, hash: identity.userHash };
    t.reconnect();
    void beginJourney(t, endpoint);
  };

  const stop = async (flush: boolean) => {
    if (flush && stopCapture) sendEngagement();
    stopCapture?.();
    stopCapture = undefined;
    timers?.();
    timers = undefined;
    detector?.teardown();
    detector = undefined;
    loop.clear();
    fresh = [];
    freshSignals = [];
    recentSignals = [];
    currentStep = null;
    completed = new Set();
    const shown = ui;
    ui = undefined;
    void shown?.then((u) => u?.teardown());
    const t = transport;
    transport = undefined;
    if (t && flush) await Promise.race([t.flush(), new Promise((r) => setTimeout(r, 2000))]);
    t?.teardown();
  };

  const api: SmartOnboardingApi = {
    init: guard((o: InitOptions) => {
      if (typeof window === 'undefined' || !o?.publishableKey || !o.endpoint)
        return warn('init needs publishableKey and endpoint');
      if (options) void stop(true);
      options = o;
      requested = o.consent ?? 'granted';
      user = { id: o.user?.id, hash: o.user?.hash };
      void start().catch(warn);
      if (o.user?.traits) api.identify(o.user.id, o.user.traits, o.user.hash);
    }),
    identify: guard((userId: string, traits?: ScalarRecord, userHash?: string) => {
      if (typeof userId !== 'string' || !userId) return warn('identify needs a user id');
      const changed = userId !== user.id || userHash !== user.hash;
      user = { id: userId, hash: userHash };
      if (changed) transport?.reconnect();
      const properties = toScalarRecord(traits);
      if (properties) transport?.send(event({ eventType: 'track', name: '$identify', properties }));
    }),
    track: guard((name: string, properties?: ScalarRecord) => {
      const label = typeof name === 'string' ? name.slice(0, 128) : '';
      if (!label) return warn('track needs a name');
      const props = toScalarRecord(properties);
      if (!transport) return;
      transport.send(event({ eventType: 'track', name: label, ...(props ? { properties: props } : {}) }));
      // Tours (ours, or an app's own) complete `{ kind: 'event' }` goals on this window event.
      dispatchEvent(
        new CustomEvent('smart-onboarding:track', { detail: { name: label, properties: props } }),
      );
      const goal = currentStep?.goal;
      if (goal?.kind === 'event' && goal.event === label) completeStep(currentStep!.id);
    }),
    setConsent: guard((state: ConsentState) => {
      requested = state;
      if (consent() === 'granted') void start().catch(warn);
      else {
        void stop(false);
        // Withdrawn consent takes what was queued and stored with it.
        if (state === 'denied' && options) {
          globalThis.indexedDB?.deleteDatabase(`smart-onboarding:${options.publishableKey}`);
          try {
            localStorage.removeItem(`so_anon:${options.publishableKey}`);
            sessionStorage.removeItem('so_sid');
          } catch {
            // storage unavailable: nothing was stored there
          }
        }
      }
    }),
    on: (name, cb) => events.on(name, cb),
    off: (name, cb) => events.off(name, cb),
    completeStep: guard(completeStep),
    setStep: guard(setStep),
    status: () => ({
      consent: options ? consent() : requested,
      capturing: !!stopCapture,
      scorer: detector?.state(),
      channel: transport?.channel() ?? 'none',
      queued: transport?.queued() ?? 0,
    }),
    shutdown: async () => {
      try {
        await stop(true);
      } catch (err) {
        warn(err);
      }
      events.clear();
      options = undefined;
    },
  } as SmartOnboardingApi;
  return api;
}
