import type { ScalarRecord } from '@smart-onboarding/protocol';
import { openIndexedDbStore } from '../transport/indexeddb-store';
import { createEventQueue, type EventQueue } from '../transport/queue';
import type { ClientDependencies, SmartOnboardingApi } from './api';
import { browserPrivacySignals, type ConsentState, effectiveConsent } from './consent';
import { createEmitter } from './emitter';
import { createGuard } from './guard';
import type { User } from './identity';
import { createJourney } from './journey';
import type { InitOptions, SdkEvents } from './options';
import { type Run, startRun } from './run';
import { toScalarRecord } from './scalars';
import { restoreSession } from './session';
import { forgetDevice, outboxDatabase } from './storage-keys';

/**
 * Creates an SDK instance: the public API over the modules that do the work (consent, identity and
 * session, the journey and its UI, the run that captures and sends while consent stands). Nothing happens
 * until `init`; nothing is captured until consent is granted. Every public method swallows its own errors
 * (reported as warnings in debug mode): the host page never sees an exception from us.
 *
 * @example
 * const so = createSmartOnboarding({ loadDetector: () => import('./struggle').then((m) => m.createStruggleDetector) });
 * so.init({ publishableKey: 'pk_demo_local', endpoint: 'http://127.0.0.1:8787' });
 * so.on('struggle', ({ score, reasons }) => console.log(score, reasons));
 */
export function createSmartOnboarding(deps: ClientDependencies = {}): SmartOnboardingApi {
  let options: InitOptions | undefined;
  let requested: ConsentState = 'pending';
  let user: User = {};
  let sessionId = '';
  /** What runs while consent is granted (undefined otherwise). */
  let run: Run | undefined;
  /** The outbox of the latest run: its drop counters are `status().dropped`. */
  let outbox: EventQueue | undefined;
  const warn = (...args: unknown[]) => {
    if (options?.debug) console.warn('[smart-onboarding]', ...args);
  };
  const guard = createGuard(warn);
  const events = createEmitter<SdkEvents>((err) => warn('a listener threw', err));
  const journey = createJourney({ emit: events.emit, warn });

  const consent = () =>
    effectiveConsent(requested, browserPrivacySignals(), options?.honorDoNotTrack !== false);

  const start = async () => {
    const o = options;
    if (!o || run || consent() !== 'granted') return;
    sessionId = restoreSession(sessionId);
    const queue = createEventQueue(await openIndexedDbStore(outboxDatabase(o.publishableKey)));
    outbox = queue;
    // Consent may have been withdrawn (or another start won) while the database opened.
    if (run || consent() !== 'granted' || options !== o) return queue.close();
    run = startRun({
      options: o,
      queue,
      deps,
      journey,
      emit: events.emit,
      user: () => user,
      adopt: (issued) => {
        user = issued;
      },
      sessionId,
      warn,
    });
    journey.attach(run);
  };

  const stop = async (flush: boolean) => {
    const r = run;
    run = undefined;
    journey.detach();
    await r?.stop(flush);
  };

  /**
   * Granted: run. Pending: stop, keeping what is stored for when the user decides. Denied (by the page, or
   * by Do Not Track / Global Privacy Control): stop and forget the device, with the anonymous identity.
   */
  const applyConsent = () => {
    const state = consent();
    if (state === 'granted') return void start().catch(warn);
    void stop(false);
    if (state !== 'denied' || !options) return;
    forgetDevice(options.publishableKey);
    if (user.anonymous) user = {};
  };

  const api: SmartOnboardingApi = {
    init: guard((o: InitOptions) => {
      if (typeof window === 'undefined' || !o?.publishableKey || !o.endpoint)
        return warn('init needs publishableKey and endpoint');
      if (options) void stop(true);
      options = o;
      requested = o.consent ?? 'granted';
      user = { id: o.user?.id, hash: o.user?.hash };
      applyConsent();
      if (o.user?.traits) api.identify(o.user.id, o.user.traits, o.user.hash);
    }),
    identify: guard((userId: string, traits?: ScalarRecord, userHash?: string) => {
      if (typeof userId !== 'string' || !userId) return warn('identify needs an id');
      const changed = userId !== user.id || userHash !== user.hash;
      user = { id: userId, hash: userHash };
      if (changed) run?.transport.reconnect();
      const properties = toScalarRecord(traits);
      if (properties) run?.send({ eventType: 'track', name: '$identify', properties });
    }),
    track: guard((name: string, properties?: ScalarRecord) => {
      const label = typeof name === 'string' ? name.slice(0, 128) : '';
      if (!label) return warn('track needs a name');
      const props = toScalarRecord(properties);
      if (!run) return;
      run.send({ eventType: 'track', name: label, ...(props ? { properties: props } : {}) });
      // Tours (ours, or an app's own) complete `{ kind: 'event' }` goals on this window event.
      dispatchEvent(
        new CustomEvent('smart-onboarding:track', { detail: { name: label, properties: props } }),
      );
      journey.tracked(label);
    }),
    setConsent: guard((state: ConsentState) => {
      requested = state;
      applyConsent();
    }),
    on: (name, cb) => events.on(name, cb),
    off: (name, cb) => events.off(name, cb),
    completeStep: guard(journey.completeStep),
    setStep: guard(journey.setStep),
    status: () => ({
      consent: options ? consent() : requested,
      capturing: !!run,
      scorer: run?.scorer(),
      channel: run?.transport.channel() ?? 'none',
      queued: run?.transport.queued() ?? 0,
      dropped: run && outbox?.dropped,
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
