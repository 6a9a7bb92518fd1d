import { CREDENTIALS, PATHS } from '@smart-onboarding/protocol';
import { startCapture } from '../capture/index';
import { requestAnonymousIdentity } from '../transport/anonymous';
import { type Credentials, credentialHeaders } from '../transport/credentials';
import type { EventQueue } from '../transport/queue';
import { createTransport, type Transport } from '../transport/transport';
import type { OnboardingUi } from '../ui/types';
import type { ClientDependencies } from './api';
import { type EventBody, envelope, pagePath } from './envelope';
import { createGuard } from './guard';
import { adoptAnonymousIdentity, type User } from './identity';
import type { Journey, JourneyHost } from './journey';
import { journeyUrl, startJourney } from './journey-api';
import { startObserving } from './observe';
import type { InitOptions } from './options';
import { createUiSlot } from './ui-slot';

/** What a run is made from: the options of `init`, the outbox opened for them, and the client's state. */
interface RunContext {
  options: InitOptions;
  queue: EventQueue;
  deps: ClientDependencies;
  journey: Journey;
  emit: JourneyHost['emit'];
  /** The user at this moment (`identify` may change it while the run lasts). */
  user(): User;
  /** The edge issued an anonymous identity: it becomes the user. */
  adopt(user: User): void;
  sessionId: string;
  warn(...args: unknown[]): void;
}

/** The user's stay under consent, as the client steers it. */
export interface Run {
  transport: Transport;
  /** Puts the envelope on an event and queues it (`urgent`: sent at once). */
  send(body: EventBody, urgent?: boolean): void;
  ui(fn: (u: OnboardingUi) => void): void;
  stepChanged(stepId: string | undefined, estimateMs?: number): void;
  scorer: ReturnType<typeof startObserving>['scorer'];
  /** Takes everything down; `flush` first sends what is queued (waiting 2 s at most). */
  stop(flush: boolean): Promise<void>;
}

/**
 * Wires what exists only while consent is granted: the transport over the tenant's outbox, an anonymous identity
 * when the page named no user, the journey's start (`init({ flow })`), the onboarding UI, and observation
 * (capture, signals, struggle detection). One run per grant of consent; `stop` takes all of it down, and
 * nothing it started acts after that.
 *
 * @example
 * const run = startRun({ options, queue, deps, journey, emit, user: () => user, adopt, sessionId, warn });
 * run.send({ eventType: 'track', name: 'signed_up' });
 * await run.stop(true);
 */
export function startRun(c: RunContext): Run {
  const { options: o, journey, emit, warn } = c;
  const endpoint = o.endpoint.replace(/\/+$/, '');
  let live = true;
  /** Read at each request: `identify` and an issued anonymous identity apply at once. */
  const credentials = (): Credentials => {
    const u = c.user();
    return { publishableKey: o.publishableKey, userId: u.id, userHash: u.hash, sessionId: c.sessionId };
  };
  const transport = createTransport({
    endpoint,
    queue: c.queue,
    credentials,
    onMessage: createGuard(warn)(journey.receive),
    warn,
    socket: o.socket !== false,
    canSend: () => !!c.user().id,
  });
  const send = (body: EventBody, urgent?: boolean) =>
    transport.send(envelope(body, c.sessionId, journey.stepId(), pagePath()), urgent);

  const { loadUi, loadWidgets } = c.deps;
  const ui = createUiSlot(() =>
    o.widgets === false || !loadUi
      ? Promise.resolve(undefined)
      : loadUi()
          .then((create) =>
            create({
              loadWidgets: () =>
                loadWidgets?.(o.widgetsUrl) ?? Promise.reject(new Error('no widgets loader')),
              reportStep: journey.completeStep,
              reportIntervention: (interventionId, action) =>
                send({ eventType: 'intervention', interventionId, action }, true),
              helpReceived: (m) => ('delta' in m ? emit('helpChunk', m) : emit('help', m)),
              helpEndpoint: () => {
                const k = credentials();
                return k.userId
                  ? { url: `${journeyUrl(endpoint, k.userId)}/help`, headers: credentialHeaders(k) }
                  : undefined;
              },
              warn,
            }),
          )
          .catch((err) => void warn('the onboarding UI could not be loaded', err)),
  );

  /**
   * Starts the journey once the user is known (idempotent on the edge): on `init({ flow })`, or without one
   * on the flow the edge's targeting picks for this page. No flow targeted is no journey, quietly.
   */
  const beginJourney = async () => {
    const k = credentials();
    if (!k.userId) return;
    const begun = await startJourney(endpoint, k.userId, credentialHeaders(k), o.flow, pagePath());
    if (!live) return;
    if (begun) journey.started(begun);
    else if (o.flow) warn('the journey could not be started');
  };
  const stopAnonymous = c.user().id
    ? undefined
    : adoptAnonymousIdentity({
        publishableKey: o.publishableKey,
        issue: () => requestAnonymousIdentity(endpoint, o.publishableKey),
        wanted: () => live && !c.user().id,
        adopt: (identity) => {
          c.adopt({ id: identity.userId, hash: identity.userHash, anonymous: true });
          transport.reconnect();
          void beginJourney();
        },
      });
  if (!stopAnonymous) void beginJourney();

  const observer = startObserving({
    capture: (sink, onMove) =>
      startCapture(window, sink, {
        mask: o.mask ?? [],
        isOwnRequest: (url) => url.startsWith(endpoint),
        onMove,
      }),
    send,
    transport,
    emit,
    stepId: journey.stepId,
    loadDetector: c.deps.loadDetector,
    detector: {
      model: o.model !== false,
      // The key lets the edge serve the model files to this (cross-origin) page.
      assetsBaseUrl: `${endpoint}${PATHS.modelAssets}/?${CREDENTIALS.publishableKey.query}=${encodeURIComponent(o.publishableKey)}`,
      debug: !!o.debug,
    },
    warn,
  });

  return {
    transport,
    send,
    ui: ui.run,
    stepChanged: observer.stepChanged,
    scorer: observer.scorer,
    async stop(flush) {
      live = false;
      observer.stop(flush);
      stopAnonymous?.();
      ui.teardown();
      if (flush) await Promise.race([transport.flush(), new Promise((r) => setTimeout(r, 2000))]);
      transport.teardown();
    },
  };
}
