import { DurableObject } from 'cloudflare:workers';
import type {
  BehaviorEvent,
  EventBatch,
  FlowVersion,
  InitializeJourneyRequest,
  InterventionPlan,
  NextStepResponse,
  OnboardingJourney,
  OnboardingResult,
  ServerMessage,
  StruggleMetrics,
  UpdateProgressRequest,
} from '@smart-onboarding/protocol';
import { cacheKeys, type HotCache, hotCacheFrom } from '../cache/hot-cache';
import { database } from '../db/client';
import {
  saveIntervention,
  saveJourneySummary,
  setInterventionOutcome,
  summaryFingerprint,
} from '../db/queries/journeys';
import type { Env } from '../env';
import { packForQueue } from '../events/queue-message';
import { parseClientFrame } from './client-frame';
import { applyEventsToJourney } from './journey-events';
import {
  advance,
  applyProgress,
  completeJourney,
  doneSteps,
  type JourneyState,
  recordIntervention,
  startJourney,
  toOnboardingJourney,
  toOnboardingResult,
} from './journey-state';
import { fail, type Outcome, ok } from './outcome';
import { type JourneyPolicies, journeyPolicies } from './policies';
import { SOCKET_HEADERS, type SocketAttachment, WS_RATE } from './socket';
import { TokenBucket } from './token-bucket';

/** Whose journey an object holds. Every call names it, and the object refuses a call for someone else. */
export interface JourneyOwner {
  tenantId: string;
  userId: string;
}

/** The object's name for a (tenant, user): ids have no whitespace, so a newline cannot be forged into one. */
export function journeyObjectName(owner: JourneyOwner): string {
  return `${owner.tenantId}\n${owner.userId}`;
}

export interface IngestResult {
  accepted: number;
  duplicates: number;
  ids: string[];
}

/** Event ids are remembered this long, which bounds how late a retry may come and still be recognised. */
export const SEEN_EVENTS_TTL_MS = 7 * 24 * 3600 * 1000;
const NEXT_STEP_CACHE_TTL_S = 300;
/** When the alarm writes a summary that the write after the answer did not. */
const SUMMARY_RETRY_MS = 10_000;

/**
 * One user's journey: the authoritative, strongly consistent owner of its state, kept in the object's
 * SQLite storage so it survives eviction and restarts. Called as typed RPC by the HTTP routes; holds the
 * user's browser tabs as hibernatable WebSockets and pushes next steps and interventions down them.
 * D1 gets a summary after each change (retried by an alarm when D1 fails), for queries across users.
 */
export class JourneyObject extends DurableObject<Env> {
  private readonly sql: SqlStorage;
  private readonly policies: JourneyPolicies;
  private readonly cache: HotCache;
  /** Batches are ingested one at a time, so a retried batch racing its original is counted once. */
  private ingestChain: Promise<unknown> = Promise.resolve();
  /** Cache writes run in order, each writing the state current when it runs: the last write wins with the newest. */
  private cacheChain: Promise<unknown> = Promise.resolve();
  /** Per-socket message budgets (in memory: a hibernated socket starts with a full bucket). */
  private readonly buckets = new Map<string, TokenBucket>();
  /** D1 summary writes, in the same way. */
  private summaryChain: Promise<unknown> = Promise.resolve();
  /** The fingerprint of the last summary queued for D1 (in memory: a new instance writes once more). */
  private summaryQueued: string | null = null;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    this.createSchema();
    this.policies = journeyPolicies(env);
    this.cache = hotCacheFrom(env);
  }

  // ---- storage -------------------------------------------------------------------------------------

  private createSchema() {
    this.sql.exec(`
      CREATE TABLE IF NOT EXISTS kv (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS seen_events (id TEXT PRIMARY KEY, at INTEGER NOT NULL);
      CREATE INDEX IF NOT EXISTS seen_events_at ON seen_events (at);
    `);
  }

  /**
   * Parsed values, kept while the object lives. Every write goes through `write`, and the object runs one
   * event at a time, so the memo never disagrees with storage; a new instance starts from storage.
   * Values are treated as immutable (the journey core returns new states).
   */
  private readonly memo = new Map<string, unknown>();

  private read<T>(key: string): T | null {
    if (this.memo.has(key)) return this.memo.get(key) as T | null;
    const row = this.sql.exec<{ value: string }>('SELECT value FROM kv WHERE key = ?', key).toArray()[0];
    const value = row ? (JSON.parse(row.value) as T) : null;
    this.memo.set(key, value);
    return value;
  }

  private write(key: string, value: unknown) {
    this.sql.exec(
      'INSERT INTO kv (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      key,
      JSON.stringify(value),
    );
    this.memo.set(key, value);
  }

  private claim(owner: JourneyOwner): Outcome<void> {
    const stored = this.read<JourneyOwner>('owner');
    if (!stored) {
      this.write('owner', { tenantId: owner.tenantId, userId: owner.userId });
      return ok(undefined);
    }
    if (stored.tenantId !== owner.tenantId || stored.userId !== owner.userId) {
      return fail(409, 'conflict', 'this journey object belongs to another user');
    }
    return ok(undefined);
  }

  private load(owner: JourneyOwner): Outcome<{ state: JourneyState; flow: FlowVersion }> {
    const claimed = this.claim(owner);
    if (!claimed.ok) return claimed;
    const state = this.read<JourneyState>('journey');
    const flow = this.read<FlowVersion>('flow');
    if (!state || !flow)
      return fail(404, 'not_found', `user ${owner.userId} has no journey; initialize one first`);
    return ok({ state, flow });
  }

  /** Stores a new state, then mirrors it to the cache (before answering) and to D1 (after). */
  private async commit(owner: JourneyOwner, state: JourneyState, _flow: FlowVersion) {
    this.write('journey', state);
    await this.scheduleSummary(owner.tenantId);
    // Awaited: once a write is answered, a read through the cache sees it.
    await this.refreshCache(owner);
  }

  /**
   * D1's journey summaries are for queries across users, so they are written after the answer rather
   * than on its critical path: in order, each writing the state current when it runs. An alarm set with
   * the state is the safety net: if the write fails or the object goes away first, the alarm writes it.
   */
  private async scheduleSummary(tenantId: string) {
    const state = this.read<JourneyState>('journey');
    const flow = this.read<FlowVersion>('flow');
    if (!state || !flow) return;
    const fingerprint = summaryFingerprint(tenantId, state, flow.flow);
    // The last summary queued already says this (engagement alone does not change a summary).
    if (fingerprint === this.summaryQueued) return;
    this.summaryQueued = fingerprint;
    await this.ctx.storage.setAlarm(Date.now() + SUMMARY_RETRY_MS);
    this.summaryChain = this.summaryChain.then(async () => {
      const latest = this.read<JourneyState>('journey');
      if (!latest) return;
      try {
        await saveJourneySummary(database(this.env.DB), tenantId, latest, flow.flow);
        // Nothing newer was queued meanwhile: the safety net is not needed.
        if (this.summaryQueued === fingerprint) await this.ctx.storage.deleteAlarm();
      } catch (err) {
        this.summaryQueued = null;
        console.warn('journey summary write failed; the alarm retries it', err);
      }
    });
    this.ctx.waitUntil(this.summaryChain);
  }

  /** Waits until the D1 summary writes scheduled so far have run (tests use it). */
  async summarySettled(): Promise<void> {
    await this.summaryChain;
  }

  override async alarm() {
    const owner = this.read<JourneyOwner>('owner');
    const state = this.read<JourneyState>('journey');
    const flow = this.read<FlowVersion>('flow');
    if (owner && state && flow)
      await saveJourneySummary(database(this.env.DB), owner.tenantId, state, flow.flow);
  }

  private refreshCache(owner: JourneyOwner): Promise<unknown> {
    if (!this.cache.enabled) return Promise.resolve();
    this.cacheChain = this.cacheChain.then(async () => {
      const state = this.read<JourneyState>('journey');
      const flow = this.read<FlowVersion>('flow');
      const key = cacheKeys.nextStep(owner.tenantId, owner.userId);
      if (!state || !flow) await this.cache.delete(key);
      else await this.cache.set(key, this.nextStepOf(state, flow), NEXT_STEP_CACHE_TTL_S);
    });
    this.ctx.waitUntil(this.cacheChain);
    return this.cacheChain;
  }

  /** Waits until every cache write so far has landed (tests and the cache read path use it). */
  async cacheSettled(): Promise<void> {
    await this.cacheChain;
  }

  // ---- decisions -----------------------------------------------------------------------------------

  private decideNext(
    state: Pick<JourneyState, 'completions' | 'currentStepId' | 'profile'>,
    flow: FlowVersion,
  ) {
    return this.policies.nextStep.choose({
      flow: flow.flow,
      done: doneSteps(state),
      currentStepId: state.currentStepId,
      profile: state.profile,
      now: Date.now(),
      random: Math.random,
    });
  }

  private nextStepOf(state: JourneyState, flow: FlowVersion): NextStepResponse {
    const step = state.currentStepId
      ? (flow.flow.steps.find((s) => s.id === state.currentStepId) ?? null)
      : null;
    const done = state.status === 'completed';
    return { step, variantId: state.variantId, done, reason: state.currentReason };
  }

  private broadcast(message: ServerMessage) {
    const text = JSON.stringify(message);
    for (const ws of this.ctx.getWebSockets()) {
      try {
        ws.send(text);
      } catch {
        // A socket closing as we send is not an error of the sender.
      }
    }
  }

  // ---- RPC: the seed's SmartOnboardingService ------------------------------------------------------

  /**
   * Starts the user's journey on a pinned flow version. Idempotent: a journey already on this flow is
   * returned as it is (`created: false`), so an SDK may call this on every page load.
   */
  async initializeUserJourney(
    owner: JourneyOwner,
    flow: FlowVersion,
    profile: InitializeJourneyRequest['profile'],
  ): Promise<Outcome<{ journey: OnboardingJourney; created: boolean }>> {
    const claimed = this.claim(owner);
    if (!claimed.ok) return claimed;
    const existing = this.read<JourneyState>('journey');
    const existingFlow = this.read<FlowVersion>('flow');
    if (existing && existingFlow) {
      if (existing.flowId === flow.flow.id) {
        return ok({ journey: toOnboardingJourney(existing, existingFlow.flow), created: false });
      }
      if (existing.status === 'active') {
        return fail(
          409,
          'conflict',
          `user ${owner.userId} is on an active journey of flow "${existing.flowId}"`,
        );
      }
    }
    const now = Date.now();
    const first = this.decideNext({ completions: [], currentStepId: null, profile: profile ?? {} }, flow);
    const state = startJourney({
      id: crypto.randomUUID(),
      userId: owner.userId,
      flow: flow.flow,
      flowVersion: flow.version,
      profile: profile ?? {},
      now,
      first,
    });
    this.write('flow', flow);
    await this.commit(owner, state, flow);
    return ok({ journey: toOnboardingJourney(state, flow.flow), created: true });
  }

  async getJourney(owner: JourneyOwner): Promise<Outcome<OnboardingJourney>> {
    const loaded = this.load(owner);
    if (!loaded.ok) return loaded;
    return ok(toOnboardingJourney(loaded.value.state, loaded.value.flow.flow));
  }

  /** The step the user should do next, as decided at the last change of the journey. */
  async getNextOptimalStep(owner: JourneyOwner): Promise<Outcome<NextStepResponse>> {
    const loaded = this.load(owner);
    if (!loaded.ok) return loaded;
    const { state, flow } = loaded.value;
    this.refreshCache(owner);
    return ok(this.nextStepOf(state, flow));
  }

  /** Records a step viewed, completed or skipped, then chooses the next step and pushes it to open tabs. */
  async updateUserProgress(
    owner: JourneyOwner,
    update: UpdateProgressRequest,
  ): Promise<Outcome<{ journey: OnboardingJourney; next: NextStepResponse }>> {
    const loaded = this.load(owner);
    if (!loaded.ok) return loaded;
    const { flow } = loaded.value;
    const now = Date.now();
    const applied = applyProgress(loaded.value.state, flow.flow, update, now);
    if (!applied.ok) return applied;
    let { state } = applied.value;
    if (applied.value.changed) {
      if (update.action !== 'viewed') state = advance(state, flow.flow, this.decideNext(state, flow), now);
      await this.commit(owner, state, flow);
      if (
        state.currentStepId !== loaded.value.state.currentStepId ||
        state.status !== loaded.value.state.status
      ) {
        const next = this.nextStepOf(state, flow);
        this.broadcast({ type: 'next_step', step: next.step, variantId: next.variantId });
      }
    }
    return ok({ journey: toOnboardingJourney(state, flow.flow), next: this.nextStepOf(state, flow) });
  }

  /**
   * Decides what to do about a struggle report with the intervention policy, records the decision in
   * the journey and in D1, and returns the plan (kind `none` when nothing should be shown).
   */
  async handleUserStruggle(
    owner: JourneyOwner,
    report: StruggleMetrics,
    options: { pushToSockets?: boolean } = {},
  ): Promise<Outcome<InterventionPlan>> {
    const claimed = this.claim(owner);
    if (!claimed.ok) return claimed;
    const state = this.read<JourneyState>('journey');
    const flow = this.read<FlowVersion>('flow');
    const now = Date.now();
    const plan = this.policies.intervention.decide({
      flow: flow?.flow ?? null,
      report,
      currentStepId: state?.currentStepId ?? null,
      history: state?.interventions ?? [],
      now,
      random: Math.random,
      newId: () => crypto.randomUUID(),
    });
    if (state && flow) {
      const next = recordIntervention(state, plan, now);
      this.write('journey', next);
      await this.scheduleSummary(owner.tenantId);
    }
    try {
      await saveIntervention(database(this.env.DB), {
        tenantId: owner.tenantId,
        userId: owner.userId,
        journeyId: state?.id ?? '',
        plan,
      });
    } catch (err) {
      console.warn('intervention record failed', err);
    }
    // A report that came over HTTP (a beacon, a server) is answered on the user's open tabs too.
    if (options.pushToSockets && plan.kind !== 'none' && !plan.holdout) {
      this.broadcast({ type: 'intervention', plan, reportedAt: report.t });
    }
    return ok(plan);
  }

  /** Ends the journey (idempotent) and returns its result. */
  async completeOnboarding(owner: JourneyOwner): Promise<Outcome<OnboardingResult>> {
    const loaded = this.load(owner);
    if (!loaded.ok) return loaded;
    const { flow } = loaded.value;
    const state = completeJourney(loaded.value.state, flow.flow, Date.now());
    if (state !== loaded.value.state) {
      await this.commit(owner, state, flow);
      this.broadcast({ type: 'next_step', step: null });
    }
    return ok(toOnboardingResult(state));
  }

  /** Forgets everything about the user here: state, event ids, open sockets. */
  async deleteJourney(owner: JourneyOwner): Promise<Outcome<void>> {
    const claimed = this.claim(owner);
    if (!claimed.ok) return claimed;
    for (const ws of this.ctx.getWebSockets()) ws.close(1000, 'user deleted');
    await this.ctx.storage.deleteAlarm();
    await this.ctx.storage.deleteAll();
    this.memo.clear();
    this.summaryQueued = null;
    this.createSchema();
    if (this.cache.enabled) await this.cache.delete(cacheKeys.nextStep(owner.tenantId, owner.userId));
    return ok(undefined);
  }

  // ---- events --------------------------------------------------------------------------------------

  /**
   * Accepts a batch of the user's events: drops ids seen before, enqueues the rest on the event queue
   * (and only then remembers their ids, so a failed enqueue is retried by the client, not lost), and
   * applies what concerns the journey (step actions, engagement, intervention outcomes).
   */
  ingestEvents(owner: JourneyOwner, batch: EventBatch): Promise<Outcome<IngestResult>> {
    const run = this.ingestChain.then(() => this.ingestNow(owner, batch));
    this.ingestChain = run.catch(() => undefined);
    return run;
  }

  private async ingestNow(owner: JourneyOwner, batch: EventBatch): Promise<Outcome<IngestResult>> {
    const claimed = this.claim(owner);
    if (!claimed.ok) return claimed;
    const ids = batch.events.map((e) => e.id);
    const seen = new Set(
      this.sql
        .exec<{ id: string }>(
          'SELECT id FROM seen_events WHERE id IN (SELECT value FROM json_each(?))',
          JSON.stringify(ids),
        )
        .toArray()
        .map((r) => r.id),
    );
    const fresh: BehaviorEvent[] = [];
    for (const event of batch.events) {
      if (seen.has(event.id)) continue;
      seen.add(event.id);
      fresh.push(event);
    }
    if (fresh.length > 0) {
      for (const messages of packForQueue(owner.tenantId, owner.userId, fresh)) {
        await this.env.EVENTS.sendBatch(messages.map((body) => ({ body, contentType: 'json' as const })));
      }
      const now = Date.now();
      this.sql.exec(
        'INSERT OR IGNORE INTO seen_events (id, at) SELECT value, ? FROM json_each(?)',
        now,
        JSON.stringify(fresh.map((e) => e.id)),
      );
      this.sql.exec('DELETE FROM seen_events WHERE at < ?', now - SEEN_EVENTS_TTL_MS);
      await this.applyEvents(owner, fresh);
    }
    return ok({ accepted: fresh.length, duplicates: batch.events.length - fresh.length, ids });
  }

  /** What events change in the journey itself. Events that do not fit the journey are only counted. */
  private async applyEvents(owner: JourneyOwner, events: BehaviorEvent[]) {
    const flow = this.read<FlowVersion>('flow');
    const before = this.read<JourneyState>('journey');
    if (!before || !flow) return;
    const { state, outcomes } = applyEventsToJourney(
      before,
      flow.flow,
      events,
      (s) => this.decideNext(s, flow),
      Date.now(),
    );
    if (state === before) return;
    await this.commit(owner, state, flow);
    if (state.currentStepId !== before.currentStepId) {
      const next = this.nextStepOf(state, flow);
      this.broadcast({ type: 'next_step', step: next.step, variantId: next.variantId });
    }
    if (outcomes.length > 0) {
      const db = database(this.env.DB);
      await Promise.all(
        outcomes.map((o) => setInterventionOutcome(db, owner.tenantId, o.interventionId, o.outcome)),
      ).catch((err) => console.warn('intervention outcome write failed', err));
    }
  }

  // ---- WebSocket -----------------------------------------------------------------------------------

  /** Accepts a tab's WebSocket (the route has authenticated it and names the owner in headers). */
  override async fetch(request: Request): Promise<Response> {
    if (request.headers.get('upgrade')?.toLowerCase() !== 'websocket') {
      return new Response('expected a WebSocket upgrade', { status: 426 });
    }
    const owner = {
      tenantId: request.headers.get(SOCKET_HEADERS.tenant) ?? '',
      userId: request.headers.get(SOCKET_HEADERS.user) ?? '',
    };
    const sessionId = request.headers.get(SOCKET_HEADERS.session) ?? '';
    const claimed = this.claim(owner);
    if (!claimed.ok) return new Response(claimed.error.message, { status: 409 });
    const { 0: client, 1: server } = new WebSocketPair();
    this.ctx.acceptWebSocket(server, sessionId ? [sessionId] : []);
    server.serializeAttachment({
      ...owner,
      sessionId,
      socketId: crypto.randomUUID(),
    } satisfies SocketAttachment);
    return new Response(null, { status: 101, webSocket: client });
  }

  private send(ws: WebSocket, message: ServerMessage) {
    try {
      ws.send(JSON.stringify(message));
    } catch {
      // closed meanwhile
    }
  }

  private sendError(
    ws: WebSocket,
    code: Extract<ServerMessage, { type: 'error' }>['error']['code'],
    message: string,
    details?: unknown,
  ) {
    this.send(ws, {
      type: 'error',
      error: details === undefined ? { code, message } : { code, message, details },
    });
  }

  override async webSocketMessage(ws: WebSocket, data: string | ArrayBuffer) {
    const attachment = ws.deserializeAttachment() as SocketAttachment | null;
    if (!attachment) return this.sendError(ws, 'unauthorized', 'this socket has no owner');
    const owner = { tenantId: attachment.tenantId, userId: attachment.userId };
    // Keyed by the id in the attachment: the WebSocket object may be a new wrapper for each event.
    let bucket = this.buckets.get(attachment.socketId);
    if (!bucket) {
      bucket = new TokenBucket(WS_RATE.burst, WS_RATE.perSecond);
      this.buckets.set(attachment.socketId, bucket);
    }
    if (!bucket.take(Date.now())) {
      return this.sendError(
        ws,
        'rate_limited',
        `at most ${WS_RATE.perSecond} messages a second; send again later`,
      );
    }
    const read = parseClientFrame(data);
    if (!read.ok) return this.send(ws, read.reply);
    const { message } = read;
    switch (message.type) {
      case 'hello': {
        const state = this.read<JourneyState>('journey');
        const flow = this.read<FlowVersion>('flow');
        const step = state && flow ? this.nextStepOf(state, flow).step : null;
        return this.send(ws, { type: 'welcome', journeyId: state?.id ?? '', currentStep: step });
      }
      case 'ping':
        return this.send(ws, { type: 'pong', t: message.t });
      case 'events': {
        try {
          const result = await this.ingestEvents(owner, message.batch);
          if (!result.ok) return this.sendError(ws, result.error.code, result.error.message);
          return this.send(ws, { type: 'ack', ids: result.value.ids, duplicates: result.value.duplicates });
        } catch (err) {
          console.error('event ingestion over the socket failed', err);
          return this.sendError(ws, 'unavailable', 'events could not be queued; send them again');
        }
      }
      case 'struggle': {
        const result = await this.handleUserStruggle(owner, message.report);
        if (!result.ok) return this.sendError(ws, result.error.code, result.error.message);
        return this.send(ws, { type: 'intervention', plan: result.value, reportedAt: message.report.t });
      }
    }
  }

  override async webSocketClose(ws: WebSocket, code: number, reason: string) {
    const attachment = ws.deserializeAttachment() as SocketAttachment | null;
    if (attachment) this.buckets.delete(attachment.socketId);
    try {
      ws.close(code === 1005 || code === 1006 ? 1000 : code, reason);
    } catch {
      // already closed
    }
  }
}
