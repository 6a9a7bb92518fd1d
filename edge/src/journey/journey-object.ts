import { DurableObject } from 'cloudflare:workers';
import type {
  BehaviorEvent,
  ContextualHelpRequest,
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
import { readAzureConfig } from '../ai/azure-config';
import { provideContextualHelp } from '../ai/contextual-help';
import { helpMessages } from '../ai/help-messages';
import type { HelpRequest } from '../ai/help-request';
import { helpDepsFromEnv } from '../ai/help-service';
import { cacheKeys, type HotCache, hotCacheFrom } from '../cache/hot-cache';
import { database } from '../db/client';
import { d1EmbeddingStore, listHelpArticles } from '../db/queries/help';
import {
  journeySummaryOf,
  readJourneySummary,
  saveIntervention,
  saveJourneySummary,
  setInterventionOutcome,
  summaryFingerprint,
} from '../db/queries/journeys';
import type { Env } from '../env';
import { readEscalationConfig } from '../escalation/config';
import { d1EscalationStore } from '../escalation/d1-store';
import { escalateToHuman } from '../escalation/escalate-to-human';
import { escalationDepsFromEnv } from '../escalation/from-env';
import { packForQueue } from '../events/queue-message';
import { expectedStepDurationSec } from '../intelligence/completion-time';
import type { FlowLearningState, JourneyOutcome } from '../intelligence/flow-learning';
import { monitorUserProgress } from '../intelligence/intervention/monitor';
import {
  type JourneyIntelligence,
  journeyOutcome,
  observeEvents,
  rememberDecisions,
  startIntelligence,
  takeSnapshot,
} from '../intelligence/journey-intelligence';
import type { PersonaProfile } from '../intelligence/persona';
import { reconcileUserState } from '../intelligence/recovery/reconcile';
import { flowLearnerName } from '../learning/flow-learner-object';
import { parseClientFrame } from './client-frame';
import { type PendingEscalation, retryDueEscalations } from './escalation-retry';
import { helpRequestFor } from './help-context';
import { applyEventsToJourney } from './journey-events';
import {
  advance,
  applyProgress,
  completeJourney,
  doneSteps,
  HISTORY_CAP,
  type JourneyState,
  recordIntervention,
  startJourney,
  toOnboardingJourney,
  toOnboardingResult,
} from './journey-state';
import { withPredictions } from './journey-view';
import type { NextStepPolicy } from './next-step-policy';
import { ruleBasedNextStep } from './next-step-policy';
import { fail, type Outcome, ok } from './outcome';
import { journeyArm, journeyPolicies, type OptimizerHolder } from './policies';
import { SOCKET_HEADERS, type SocketAttachment, WS_RATE } from './socket';
import { type StruggleFollowUp, struggleFollowUp } from './struggle-follow-up';
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
/** How stale the flow's learning may be in a journey read (decisions always read it afresh). */
const LEARNING_READ_MAX_AGE_MS = 5_000;
/** While a tab is open, the alarm looks this often for a user stalled on a step (`monitorUserProgress`). */
export const MONITOR_INTERVAL_MS = 30_000;
/** The alarm compares the journey with D1 at most this often. */
const RECONCILE_EVERY_MS = 10 * 60_000;

/** A finished journey's outcome, kept until its flow learner has it. */
interface PendingOutcome {
  journeyId: string;
  flowId: string;
  outcome: JourneyOutcome;
}

/** The learning cohort: the profile trait `plan` when the tenant sends one, else everyone together. */
function startIntel(profile: JourneyState['profile']): JourneyIntelligence {
  const plan = profile.traits?.plan;
  return startIntelligence(profile as PersonaProfile, {
    cohort: typeof plan === 'string' ? plan : 'default',
  });
}

/**
 * One user's journey: the authoritative, strongly consistent owner of its state, kept in the object's
 * SQLite storage so it survives eviction and restarts. Called as typed RPC by the HTTP routes; holds the
 * user's browser tabs as hibernatable WebSockets and pushes next steps and interventions down them.
 * D1 gets a summary after each change (retried by an alarm when D1 fails), for queries across users.
 */
export class JourneyObject extends DurableObject<Env> {
  private readonly sql: SqlStorage;
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
    await this.armAt(Date.now() + SUMMARY_RETRY_MS);
    this.summaryChain = this.summaryChain.then(async () => {
      const latest = this.read<JourneyState>('journey');
      if (!latest) return;
      try {
        await saveJourneySummary(database(this.env.DB), tenantId, latest, flow.flow);
        this.write('summary_written', summaryFingerprint(tenantId, latest, flow.flow));
        // Nothing newer was queued meanwhile: the safety net is not needed (other alarm work may be).
        if (this.summaryQueued === fingerprint) await this.rearm();
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

  /**
   * The safety net for work after the answer: the D1 summary, a finished journey's outcome for the flow
   * learner, and escalation tickets whose webhook delivery is due again. Each part is retried on its own.
   */
  override async alarm() {
    const owner = this.read<JourneyOwner>('owner');
    const state = this.read<JourneyState>('journey');
    const flow = this.read<FlowVersion>('flow');
    if (!owner) return;
    let summaryFailed = false;
    const now = Date.now();
    if (state && flow) {
      const fingerprint = summaryFingerprint(owner.tenantId, state, flow.flow);
      // The monitor's alarm comes every 30 s: D1 is written only when the summary says something new.
      if (this.read<string>('summary_written') !== fingerprint) {
        try {
          await saveJourneySummary(database(this.env.DB), owner.tenantId, state, flow.flow);
          this.write('summary_written', fingerprint);
        } catch (err) {
          summaryFailed = true;
          console.warn('journey summary write failed again', err);
        }
      }
    }
    if (
      state &&
      flow &&
      !summaryFailed &&
      now - (this.read<number>('reconciled_at') ?? 0) >= RECONCILE_EVERY_MS
    ) {
      try {
        await this.reconcileUserState(owner);
        this.write('reconciled_at', now);
      } catch (err) {
        console.warn('reconciliation with D1 failed; the next alarm tries again', err);
      }
    }
    await this.sendOutcome(owner);
    try {
      await this.monitorProgress(owner);
    } catch (err) {
      console.warn('progress monitor failed', err);
    }
    const pending = this.read<PendingEscalation[]>('escalations') ?? [];
    if (pending.length > 0) {
      this.write('escalations', await retryDueEscalations(this.env, pending, Date.now()));
    }
    await this.rearm();
    if (summaryFailed) await this.armAt(Date.now() + SUMMARY_RETRY_MS);
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
    policy: NextStepPolicy,
  ) {
    return policy.choose({
      flow: flow.flow,
      done: doneSteps(state),
      currentStepId: state.currentStepId,
      profile: state.profile,
      now: Date.now(),
      random: Math.random,
    });
  }

  private learner(tenantId: string, flowId: string) {
    return this.env.FLOW_LEARNER.get(this.env.FLOW_LEARNER.idFromName(flowLearnerName(tenantId, flowId)));
  }

  /** The flow learner's state, kept a few seconds for reads (decisions always ask afresh). */
  private learningCache: { flowId: string; at: number; value: FlowLearningState } | null = null;

  private async flowLearning(tenantId: string, flowId: string, maxAgeMs: number): Promise<FlowLearningState> {
    const cached = this.learningCache;
    if (cached && cached.flowId === flowId && Date.now() - cached.at <= maxAgeMs) return cached.value;
    const value = await this.learner(tenantId, flowId).snapshot();
    this.learningCache = { flowId, at: Date.now(), value };
    return value;
  }

  /** What the intelligence knows of this journey; started afresh for a journey from before it existed. */
  private intelligence(state: Pick<JourneyState, 'profile'>): JourneyIntelligence {
    return this.read<JourneyIntelligence>('intelligence') ?? startIntel(state.profile);
  }

  /**
   * The next-step policy for the user's arm. The smart arm decides with the path optimizer on a fresh
   * snapshot of the flow learner; when the learner cannot be reached, the rules decide (onboarding never
   * waits on learning) and the reason says so in the log.
   */
  private async nextStepPolicy(
    owner: JourneyOwner,
    flow: FlowVersion,
    state: Pick<JourneyState, 'profile'>,
  ): Promise<{
    policy: NextStepPolicy;
    holder?: OptimizerHolder;
    before?: { decisions: number; explorations: number };
  }> {
    const arm = journeyArm(state.profile);
    if (arm === 'adaptive') return { policy: ruleBasedNextStep };
    try {
      const learning = await this.flowLearning(owner.tenantId, flow.flow.id, 0);
      const holder: OptimizerHolder = {
        state: learning.optimizer,
        records: [],
        learning: this.intelligence(state).learning,
      };
      const before = {
        decisions: learning.optimizer.decisions,
        explorations: learning.optimizer.explorations,
      };
      return { policy: journeyPolicies(this.env, arm, holder).nextStep, holder, before };
    } catch (err) {
      console.warn('flow learner unreachable; the rules decide', err);
      return { policy: journeyPolicies(this.env, arm).nextStep };
    }
  }

  /** After decisions on a snapshot: the journey remembers them (for credit), the learner counts them. */
  private noteDecisions(
    owner: JourneyOwner,
    flowId: string,
    chosen: Awaited<ReturnType<JourneyObject['nextStepPolicy']>>,
    state: Pick<JourneyState, 'profile'>,
  ) {
    const { holder, before } = chosen;
    if (!holder || !before || holder.records.length === 0) return;
    this.write('intelligence', rememberDecisions(this.intelligence(state), holder.records));
    const decisions = holder.state.decisions - before.decisions;
    const explorations = holder.state.explorations - before.explorations;
    this.ctx.waitUntil(
      this.learner(owner.tenantId, flowId)
        .noteDecisions(decisions, explorations)
        .catch((err) => console.warn('decision count not sent to the flow learner', err)),
    );
  }

  /**
   * What a change of the journey means for the intelligence: a snapshot when a step ended (for the success
   * model), and the outcome sent to the flow learner when the journey completed or was abandoned.
   */
  private async afterChange(
    owner: JourneyOwner,
    before: JourneyState,
    after: JourneyState,
    flow: FlowVersion,
  ) {
    const now = Date.now();
    const facts = {
      completions: after.completions,
      interventions: after.interventions,
      startedAt: after.startedAt,
      now,
    };
    let intel = this.intelligence(after);
    if (after.completions.length > before.completions.length) intel = takeSnapshot(intel, flow.flow, facts);
    this.write('intelligence', intel);
    if (before.status === 'active' && (after.status === 'completed' || after.status === 'abandoned')) {
      const outcome = journeyOutcome(intel, flow.flow, {
        ...facts,
        now: after.completedAt ?? now,
        status: after.status,
        currentStepId: after.currentStepId ?? before.currentStepId,
        currentStepSince: after.currentStepSince,
      });
      this.write('pending_outcome', {
        journeyId: after.id,
        flowId: flow.flow.id,
        outcome,
      } satisfies PendingOutcome);
      await this.sendOutcome(owner);
    }
  }

  /** Sends a finished journey's outcome to its flow learner (idempotent there); the alarm retries. */
  private async sendOutcome(owner: JourneyOwner) {
    const pending = this.read<PendingOutcome>('pending_outcome');
    if (!pending) return;
    try {
      await this.learner(owner.tenantId, pending.flowId).learnFromJourney(pending.journeyId, pending.outcome);
      this.write('pending_outcome', null);
      this.learningCache = null;
    } catch (err) {
      console.warn('journey outcome not learned yet; the alarm retries', err);
      await this.armAt(Date.now() + SUMMARY_RETRY_MS);
    }
  }

  /** Sets the alarm for `at` unless one is due sooner. */
  private async armAt(at: number) {
    const current = await this.ctx.storage.getAlarm();
    if (current === null || current > at) await this.ctx.storage.setAlarm(at);
  }

  /** What the alarm still has to do: pending escalations' retry times, an outcome not yet learned. */
  private async rearm() {
    const times = (this.read<PendingEscalation[]>('escalations') ?? []).map((e) => e.retryAt);
    if (this.read<PendingOutcome>('pending_outcome')) times.push(Date.now() + SUMMARY_RETRY_MS);
    if (this.monitoring()) times.push(Date.now() + MONITOR_INTERVAL_MS);
    if (times.length === 0) await this.ctx.storage.deleteAlarm();
    else await this.ctx.storage.setAlarm(Math.min(...times));
  }

  /** A smart-arm journey that is active with a tab open is watched for stalls. */
  private monitoring(): boolean {
    const state = this.read<JourneyState>('journey');
    return (
      state !== null &&
      state.status === 'active' &&
      journeyArm(state.profile) === 'smart' &&
      this.ctx.getWebSockets().length > 0
    );
  }

  /** Something arrived from the user: the monitor tells a present user from an empty tab by this. */
  private noteActivity() {
    this.write('last_activity', Date.now());
  }

  /**
   * The seed's `monitorUserProgress`, from the alarm: a user present on a step far longer than expected
   * (which the device cannot see: sitting still raises no signal) gets the engine's answer to a stall,
   * pushed to their tabs like any other intervention.
   */
  private async monitorProgress(owner: JourneyOwner) {
    if (!this.monitoring()) return;
    const state = this.read<JourneyState>('journey')!;
    const flow = this.read<FlowVersion>('flow');
    const step = flow?.flow.steps.find((s) => s.id === state.currentStepId);
    if (!flow || !step) return;
    let expectedStepSec = step.estimatedDurationSec;
    try {
      const learning = await this.flowLearning(owner.tenantId, flow.flow.id, LEARNING_READ_MAX_AGE_MS);
      expectedStepSec = expectedStepDurationSec(learning.times, step);
    } catch {
      // the author's estimate will do
    }
    const lastOnStep = state.interventions.filter((i) => i.stepId === step.id).at(-1);
    const now = Date.now();
    const assessment = monitorUserProgress(
      {
        currentStepId: step.id,
        stepStartedAt: state.currentStepSince,
        expectedStepSec,
        lastActivityAt: this.read<number>('last_activity') ?? state.updatedAt,
        ...(lastOnStep ? { lastInterventionAt: lastOnStep.createdAt } : {}),
      },
      now,
    );
    if (assessment.status !== 'stalled') return;
    const decided = await this.decideStruggle(owner, assessment.report);
    if (!decided.ok) return;
    const { plan, followUp } = decided.value;
    if (plan.kind !== 'none' && !plan.holdout)
      this.broadcast({ type: 'intervention', plan, reportedAt: assessment.report.t });
    if (followUp) await this.runFollowUp(owner, followUp);
  }

  /** The wire form of the journey, with the flow's predictions when the learner answers. */
  private async describe(
    owner: JourneyOwner,
    state: JourneyState,
    flow: FlowVersion,
  ): Promise<OnboardingJourney> {
    const plain = toOnboardingJourney(state, flow.flow);
    try {
      const learning = await this.flowLearning(owner.tenantId, flow.flow.id, LEARNING_READ_MAX_AGE_MS);
      return withPredictions(
        plain,
        state,
        this.intelligence(state),
        learning,
        flow.flow,
        journeyArm(state.profile),
        Date.now(),
      );
    } catch (err) {
      console.warn('flow learner unreachable; the journey shows prior predictions', err);
      return plain;
    }
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
        return ok({ journey: await this.describe(owner, existing, existingFlow), created: false });
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
    this.write('flow', flow);
    this.write('intelligence', startIntel(profile ?? {}));
    this.write('pending_outcome', null);
    const fresh = { completions: [], currentStepId: null, profile: profile ?? {} };
    const chosen = await this.nextStepPolicy(owner, flow, fresh);
    const first = this.decideNext(fresh, flow, chosen.policy);
    this.noteDecisions(owner, flow.flow.id, chosen, fresh);
    const state = startJourney({
      id: crypto.randomUUID(),
      userId: owner.userId,
      flow: flow.flow,
      flowVersion: flow.version,
      profile: profile ?? {},
      now,
      first,
    });
    await this.commit(owner, state, flow);
    return ok({ journey: await this.describe(owner, state, flow), created: true });
  }

  async getJourney(owner: JourneyOwner): Promise<Outcome<OnboardingJourney>> {
    const loaded = this.load(owner);
    if (!loaded.ok) return loaded;
    return ok(await this.describe(owner, loaded.value.state, loaded.value.flow));
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
      if (update.action !== 'viewed') {
        const chosen = await this.nextStepPolicy(owner, flow, state);
        state = advance(state, flow.flow, this.decideNext(state, flow, chosen.policy), now);
        this.noteDecisions(owner, flow.flow.id, chosen, state);
      }
      await this.commit(owner, state, flow);
      await this.afterChange(owner, loaded.value.state, state, flow);
      if (
        state.currentStepId !== loaded.value.state.currentStepId ||
        state.status !== loaded.value.state.status
      ) {
        const next = this.nextStepOf(state, flow);
        this.broadcast({ type: 'next_step', step: next.step, variantId: next.variantId });
      }
    }
    return ok({ journey: await this.describe(owner, state, flow), next: this.nextStepOf(state, flow) });
  }

  /**
   * Decides what to do about a struggle report with the user's arm's intervention policy (the engine, with
   * the persona's threshold, fatigue limits and holdout, or the rules), records the decision in the journey
   * and in D1, and returns the plan (kind `none` when nothing should be shown). AI help is then generated
   * and streamed to the user's tabs, and a human plan escalates, after the answer.
   */
  async handleUserStruggle(
    owner: JourneyOwner,
    report: StruggleMetrics,
    options: { pushToSockets?: boolean } = {},
  ): Promise<Outcome<InterventionPlan>> {
    const decided = await this.decideStruggle(owner, report);
    if (!decided.ok) return decided;
    const { plan, followUp } = decided.value;
    // A report that came over HTTP (a beacon, a server) is answered on the user's open tabs too.
    if (options.pushToSockets && plan.kind !== 'none' && !plan.holdout) {
      this.broadcast({ type: 'intervention', plan, reportedAt: report.t });
    }
    if (followUp) this.ctx.waitUntil(this.runFollowUp(owner, followUp));
    return ok(plan);
  }

  private async decideStruggle(
    owner: JourneyOwner,
    report: StruggleMetrics,
  ): Promise<Outcome<{ plan: InterventionPlan; followUp?: StruggleFollowUp }>> {
    const claimed = this.claim(owner);
    if (!claimed.ok) return claimed;
    const state = this.read<JourneyState>('journey');
    const flow = this.read<FlowVersion>('flow');
    const intel = state ? this.intelligence(state) : null;
    const now = Date.now();
    const arm = journeyArm(state?.profile);
    const plan = journeyPolicies(this.env, arm).intervention.decide({
      flow: flow?.flow ?? null,
      report,
      currentStepId: state?.currentStepId ?? null,
      history: state?.interventions ?? [],
      now,
      random: Math.random,
      newId: () => crypto.randomUUID(),
      userId: owner.userId,
      ...(intel ? { threshold: intel.persona.recommendedApproach.interventionThreshold } : {}),
      ...(state ? { sessionStartedAt: state.startedAt } : {}),
      capabilities: {
        aiHelp: readAzureConfig(this.env as unknown as Record<string, unknown>).ok,
        human: readEscalationConfig(this.env as unknown as Record<string, unknown>).ok,
      },
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
    const followUp = struggleFollowUp(plan, { tenantId: owner.tenantId, report, state, flow, intel, now });
    return ok(followUp ? { plan, followUp } : { plan });
  }

  /** Streams generated help to the user's tabs, or escalates to a person (retried by the alarm). */
  private async runFollowUp(owner: JourneyOwner, followUp: StruggleFollowUp) {
    try {
      if (followUp.kind === 'ai_help') {
        const db = database(this.env.DB);
        const deps = helpDepsFromEnv(this.env as unknown as Record<string, unknown>, {
          embeddings: d1EmbeddingStore(db),
        });
        const request = { ...followUp.request, articles: await listHelpArticles(db, owner.tenantId) };
        for await (const message of helpMessages(provideContextualHelp(deps, request)))
          this.broadcast(message);
        return;
      }
      const deps = escalationDepsFromEnv(
        this.env as unknown as Record<string, unknown>,
        d1EscalationStore(database(this.env.DB)),
      );
      const result = await escalateToHuman(deps, followUp.input, followUp.context);
      if (result.retryAt !== undefined && result.ticket.status === 'pending') {
        const pending = this.read<PendingEscalation[]>('escalations') ?? [];
        this.write('escalations', [
          ...pending,
          { ticket: result.ticket, context: followUp.context, retryAt: result.retryAt },
        ]);
        await this.armAt(result.retryAt);
      }
    } catch (err) {
      console.error(`${followUp.kind} follow-up failed for ${owner.userId}`, err);
    }
  }

  /**
   * The request for contextual help at this moment of the journey (the route streams the answer): the
   * named step or the current one, the element, the page, the question, and the persona's guidance.
   */
  async contextualHelpRequest(
    owner: JourneyOwner,
    query: ContextualHelpRequest,
  ): Promise<Outcome<HelpRequest>> {
    const loaded = this.load(owner);
    if (!loaded.ok) return loaded;
    const { state, flow } = loaded.value;
    if (query.stepId && !flow.flow.steps.some((s) => s.id === query.stepId))
      return fail(404, 'not_found', `flow ${flow.flow.id} has no step "${query.stepId}"`);
    return ok(
      helpRequestFor({
        tenantId: owner.tenantId,
        flow,
        currentStepId: state.currentStepId,
        intel: this.intelligence(state),
        ...query,
      }),
    );
  }

  /**
   * The seed's `reconcileUserState`: compares this object's journey with D1's summary and completions and
   * repairs whichever side lost something. The object stays authoritative, but a completion only D1 knows
   * is kept, a later terminal status in D1 is adopted, a current step already done is replaced by the next
   * decision, and D1 is rewritten from the merged journey. The alarm runs it after every summary write.
   */
  async reconcileUserState(
    owner: JourneyOwner,
  ): Promise<Outcome<{ conflicts: string[]; repaired: { journey: boolean; summary: boolean } }>> {
    const loaded = this.load(owner);
    if (!loaded.ok) return loaded;
    const { state, flow } = loaded.value;
    const db = database(this.env.DB);
    const summary = await readJourneySummary(db, owner.tenantId, state.id);
    const mirrored = journeySummaryOf(owner.tenantId, state, flow.flow);
    const merged = reconcileUserState(
      {
        status: state.status,
        currentStepId: state.currentStepId,
        completedSteps: state.completions,
        interventions: mirrored.interventions,
        predictedSuccessRate: mirrored.predictedSuccessRate,
        updatedAt: state.updatedAt,
        ...(state.completedAt !== undefined ? { completedAt: state.completedAt } : {}),
      },
      summary,
    );
    if (merged.conflicts.length > 0) console.warn(`reconciled ${state.id}: ${merged.conflicts.join('; ')}`);
    if (merged.repair.journey) {
      const now = Date.now();
      let repaired: JourneyState = {
        ...state,
        status: merged.journey.status,
        completions: merged.journey.completedSteps,
        currentStepId: merged.journey.currentStepId,
        ...(merged.journey.completedAt !== undefined ? { completedAt: merged.journey.completedAt } : {}),
        adaptationHistory: [
          ...state.adaptationHistory,
          { t: now, kind: 'reconciled', detail: merged.conflicts.join('; ').slice(0, 500) },
        ].slice(-HISTORY_CAP),
        updatedAt: now,
        revision: state.revision + 1,
      };
      if (repaired.status === 'active' && repaired.currentStepId === null) {
        const chosen = await this.nextStepPolicy(owner, flow, repaired);
        repaired = advance(repaired, flow.flow, this.decideNext(repaired, flow, chosen.policy), now);
        this.noteDecisions(owner, flow.flow.id, chosen, repaired);
      }
      await this.commit(owner, repaired, flow);
      await this.afterChange(owner, state, repaired, flow);
      if (repaired.currentStepId !== state.currentStepId) {
        const next = this.nextStepOf(repaired, flow);
        this.broadcast({ type: 'next_step', step: next.step, variantId: next.variantId });
      }
    } else if (merged.repair.summary) {
      await saveJourneySummary(db, owner.tenantId, state, flow.flow);
    }
    return ok({ conflicts: merged.conflicts, repaired: merged.repair });
  }

  /** Ends the journey (idempotent) and returns its result. */
  async completeOnboarding(owner: JourneyOwner): Promise<Outcome<OnboardingResult>> {
    const loaded = this.load(owner);
    if (!loaded.ok) return loaded;
    const { flow } = loaded.value;
    const state = completeJourney(loaded.value.state, flow.flow, Date.now());
    if (state !== loaded.value.state) {
      await this.commit(owner, state, flow);
      await this.afterChange(owner, loaded.value.state, state, flow);
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
      this.noteActivity();
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
    const profile = before.profile as PersonaProfile;
    this.write('intelligence', observeEvents(this.intelligence(before), events, flow.flow, profile));
    const decides = events.some((e) => e.eventType === 'step' && e.action !== 'viewed');
    const chosen = decides ? await this.nextStepPolicy(owner, flow, before) : { policy: ruleBasedNextStep };
    const { state, outcomes } = applyEventsToJourney(
      before,
      flow.flow,
      events,
      (s) => this.decideNext(s, flow, chosen.policy),
      Date.now(),
    );
    this.noteDecisions(owner, flow.flow.id, chosen, before);
    if (state === before) return;
    await this.commit(owner, state, flow);
    await this.afterChange(owner, before, state, flow);
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
    this.noteActivity();
    if (this.monitoring()) await this.armAt(Date.now() + MONITOR_INTERVAL_MS);
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
    this.noteActivity();
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
        const result = await this.decideStruggle(owner, message.report);
        if (!result.ok) return this.sendError(ws, result.error.code, result.error.message);
        const { plan, followUp } = result.value;
        this.send(ws, { type: 'intervention', plan, reportedAt: message.report.t });
        if (followUp) this.ctx.waitUntil(this.runFollowUp(owner, followUp));
        return;
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
