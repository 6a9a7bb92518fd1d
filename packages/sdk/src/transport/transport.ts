import type {
  BehaviorEvent,
  ClientMessage,
  ServerMessage,
  StruggleMetrics,
} from '@smart-onboarding/protocol';
import { PATHS } from '@smart-onboarding/protocol';
import { backoffDelay } from './backoff';
import { type Credentials, endpointUrl } from './credentials';
import { BEACON_MAX_BYTES, beacon, postBatch } from './http';
import type { EventQueue } from './queue';
import { reportStruggleOverHttp } from './struggle-http';

export interface TransportOptions {
  endpoint: string;
  credentials(): Credentials;
  queue: EventQueue;
  /** Messages from the edge other than acknowledgements (interventions, next steps, help). */
  onMessage(message: ServerMessage): void;
  warn(...args: unknown[]): void;
  /** False while the credentials are incomplete (an anonymous identity not yet issued): events wait. */
  canSend?(): boolean;
  /** Whether to open the WebSocket at all (HTTP alone works everywhere). */
  socket?: boolean;
}

type Channel = 'socket' | 'http' | 'offline';

export interface Transport {
  /** Queues an event; `urgent` sends it at once instead of with the next batch. */
  send(event: BehaviorEvent, urgent?: boolean): void;
  /**
   * A struggle report, over the socket when it is open, else over HTTP, answered either way with the
   * intervention (the queued `struggle` event goes too, for the record).
   */
  struggle(report: StruggleMetrics): void;
  flush(): Promise<void>;
  /** The page is hiding: hand everything queued to `sendBeacon`. */
  flushOnHide(): void;
  /** Credentials changed (identify, an anonymous id issued): reconnect under the new user and flush. */
  reconnect(): void;
  channel(): Channel;
  /** Events waiting for the edge's acknowledgement. */
  queued(): number;
  teardown(): void;
}

const BATCH_MAX = 100;
/**
 * Routine events (feature windows, page and engagement events) wait this long to travel together: one
 * request every few seconds instead of one per window. Signals and struggle reports go at once.
 */
const BATCH_DELAY_MS = 5000;
const ACK_TIMEOUT_MS = 5000;

/**
 * Gets every queued event to the edge exactly once as far as the edge can tell: over the WebSocket when it
 * is open, as batched `POST /v1/events` otherwise, with `sendBeacon` when the page hides. An event leaves
 * the queue only when the edge has acknowledged it; retries back off exponentially with jitter, and the
 * client-generated ids let the edge drop the duplicates a retry or a beacon may cause.
 *
 * @example
 * const transport = createTransport({ endpoint, credentials: () => creds, queue, onMessage, warn });
 * transport.send(event);
 */
export function createTransport(o: TransportOptions): Transport {
  const { queue } = o;
  const inflight = new Set<string>();
  const awaitingAck: { ids: Set<string>; timer: ReturnType<typeof setTimeout> }[] = [];
  let failures = 0;
  let dueAt = Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let socket: WebSocket | undefined;
  let socketOpen = false;
  let socketFailures = 0;
  let reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  let flushing = false;
  let stopped = false;
  // `navigator.onLine` is not asked: VPNs, captive portals and loopback-only sandboxes report false while
  // the endpoint answers. A request that fails is what says the edge is out of reach (then the backoff);
  // the `online` event only cuts the wait short.
  const online = () => o.canSend?.() !== false;

  const schedule = (ms: number) => {
    const at = Date.now() + ms;
    if (timer && at >= dueAt) return;
    if (timer) clearTimeout(timer);
    dueAt = at;
    timer = setTimeout(() => {
      timer = undefined;
      dueAt = Infinity;
      void flush();
    }, ms);
  };

  const release = (ids: Iterable<string>) => {
    for (const id of ids) inflight.delete(id);
  };

  const acknowledge = (ids: readonly string[]) => {
    queue.remove(ids);
    release(ids);
    for (let i = awaitingAck.length - 1; i >= 0; i--) {
      const batch = awaitingAck[i]!;
      for (const id of ids) batch.ids.delete(id);
      if (!batch.ids.size) {
        clearTimeout(batch.timer);
        awaitingAck.splice(i, 1);
      }
    }
    failures = 0;
  };

  const dropSocketBatches = () => {
    for (const batch of awaitingAck.splice(0)) {
      clearTimeout(batch.timer);
      release(batch.ids);
    }
  };

  async function flush(): Promise<void> {
    if (flushing) return;
    flushing = true;
    try {
      await queue.ready;
      while (online()) {
        const events = queue.peek(BATCH_MAX, inflight, o.credentials().userId);
        if (!events.length) break;
        const ids = events.map((e) => e.id);
        for (const id of ids) inflight.add(id);
        const batch = { sentAt: Date.now(), events };
        if (socketOpen && socket) {
          const message: ClientMessage = { type: 'events', batch };
          socket.send(JSON.stringify(message));
          const pending = new Set(ids);
          const t = setTimeout(() => {
            // No acknowledgement in time: the events go again, over HTTP if the socket is gone.
            const i = awaitingAck.findIndex((b) => b.ids === pending);
            if (i >= 0) awaitingAck.splice(i, 1);
            release(pending);
            failed();
          }, ACK_TIMEOUT_MS);
          awaitingAck.push({ ids: pending, timer: t });
          continue;
        }
        const outcome = await postBatch(
          endpointUrl(o.endpoint, PATHS.events, o.credentials()),
          JSON.stringify(batch),
        );
        if (outcome === 'retry') {
          release(ids);
          failed();
          break;
        }
        // Counted in `status().dropped`: retrying an invalid batch would block the queue forever.
        if (outcome === 'rejected') queue.dropped.invalid += events.length;
        acknowledge(ids);
      }
    } finally {
      flushing = false;
    }
  }

  const failed = () => {
    if (stopped) return;
    schedule(backoffDelay(failures++));
  };

  const connect = () => {
    if (stopped || o.socket === false || socket || typeof WebSocket === 'undefined' || !online()) return;
    let ws: WebSocket;
    try {
      ws = new WebSocket(endpointUrl(o.endpoint, PATHS.socket, o.credentials(), true));
    } catch (err) {
      o.warn('could not open the socket', err);
      return;
    }
    socket = ws;
    ws.onopen = () => {
      socketOpen = true;
      socketFailures = 0;
      const hello: ClientMessage = { type: 'hello', sessionId: o.credentials().sessionId };
      ws.send(JSON.stringify(hello));
      void flush();
    };
    ws.onmessage = (e) => {
      let message: ServerMessage;
      try {
        message = JSON.parse(String(e.data));
      } catch {
        return;
      }
      if (message.type === 'ack') acknowledge(message.ids);
      else o.onMessage(message);
    };
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = undefined;
      socketOpen = false;
      dropSocketBatches();
      if (stopped) return;
      reconnectTimer = setTimeout(connect, backoffDelay(socketFailures++, { baseMs: 1000, maxMs: 30_000 }));
      void flush();
    };
  };

  const closeSocket = () => {
    const ws = socket;
    socket = undefined;
    socketOpen = false;
    dropSocketBatches();
    try {
      ws?.close();
    } catch {
      // already closed
    }
  };

  const onOnline = () => {
    failures = 0;
    connect();
    void flush();
  };
  globalThis.addEventListener?.('online', onOnline);
  connect();

  return {
    send(event, urgent) {
      // Each event is captured for, and will only be sent as, the user of this moment.
      queue.add(event, o.credentials().userId);
      schedule(urgent ? 0 : BATCH_DELAY_MS);
    },
    struggle(report) {
      if (socketOpen && socket) {
        const message: ClientMessage = { type: 'struggle', report };
        socket.send(JSON.stringify(message));
        return;
      }
      if (stopped || !online()) return;
      void reportStruggleOverHttp(o.endpoint, o.credentials(), report).then((m) => {
        if (m && !stopped) o.onMessage(m);
      });
    },
    flush,
    flushOnHide() {
      queue.persist();
      if (o.canSend?.() === false) return;
      const k = o.credentials();
      const url = endpointUrl(o.endpoint, PATHS.events, k);
      // Everything not yet acknowledged, in beacon-sized batches. The events stay queued: if the page
      // survives they are sent again, and the edge counts them once by id.
      let events = queue.peek(BATCH_MAX * 10, undefined, k.userId);
      while (events.length) {
        let n = Math.min(events.length, BATCH_MAX);
        let body = JSON.stringify({ sentAt: Date.now(), events: events.slice(0, n) });
        while (body.length > BEACON_MAX_BYTES && n > 1) {
          n = Math.ceil(n / 2);
          body = JSON.stringify({ sentAt: Date.now(), events: events.slice(0, n) });
        }
        if (!beacon(url, body)) break;
        events = events.slice(n);
      }
    },
    reconnect() {
      closeSocket();
      if (reconnectTimer) clearTimeout(reconnectTimer);
      connect();
      void flush();
    },
    channel: () => (socketOpen ? 'socket' : online() && failures === 0 ? 'http' : 'offline'),
    queued: () => queue.size(),
    teardown() {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (reconnectTimer) clearTimeout(reconnectTimer);
      globalThis.removeEventListener?.('online', onOnline);
      closeSocket();
      queue.close();
    },
  };
}
