import { DurableObject } from 'cloudflare:workers';
import type {
  ContextualHelpRequest,
  EventBatch,
  FlowVersion,
  InitializeJourneyRequest,
  InterventionPlan,
  NextStepResponse,
  OnboardingJourney,
  OnboardingResult,
  StruggleMetrics,
  UpdateProgressRequest,
} from '@smart-onboarding/protocol';
import type { Env } from '../env';
import type { HelpMoment } from '../help/help-request';
import type { RecommendationContext } from '../intelligence/content-recommendations';
import { servicesFor } from '../services';
import { runAlarm } from './alarm';
import { parseClientFrame } from './client-frame';
import { answerClientMessage } from './client-messages';
import { helpRequestFor } from './help-context';
import { type JourneyModules, journeyModules } from './journey-modules';
import type { ForgottenJourney, IngestResult, JourneyRpc, Reconciliation } from './journey-rpc';
import {
  advance,
  applyProgress,
  completeJourney,
  type JourneyState,
  startJourney,
  toOnboardingResult,
} from './journey-state';
import { nextStepOf } from './journey-view';
import { LEARNING_READ_MAX_AGE_MS } from './learner-link';
import { fail, type Outcome, ok } from './outcome';
import type { JourneyOwner } from './owner';
import { claim, loadJourney } from './ownership';
import { startJourneyIntelligence } from './policies';
import { isMonitored, MONITOR_INTERVAL_MS } from './progress-monitor';
import { recommendationContextOf } from './recommendation-context';
import { SocketHub } from './socket-hub';

/**
 * One user's journey: the authoritative, strongly consistent owner of its state, kept in the object's
 * SQLite storage (`JourneyStore`) so it survives eviction and restarts. Called as typed RPC by the HTTP
 * routes (`JourneyRpc`, the seed's `SmartOnboardingService`); holds the user's tabs as hibernatable
 * WebSockets (`SocketHub`) and pushes next steps and interventions down them; its alarm (`runAlarm`) is the
 * safety net for work after the answer. A shell: decisions, storage, mirroring, follow-ups and scheduling
 * live in the modules `journeyModules` wires.
 */
export class JourneyObject extends DurableObject<Env> implements JourneyRpc {
  private readonly m: JourneyModules;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.m = journeyModules(ctx, servicesFor(env));
  }

  /**
   * Starts the user's journey on a pinned flow version. Idempotent: a journey already on this flow is
   * returned as it is (`created: false`), so an SDK may call this on every page load.
   */
  async initializeUserJourney(
    owner: JourneyOwner,
    flow: FlowVersion,
    profile: InitializeJourneyRequest['profile'],
    experiment: { id: string; variant: string } | null = null,
  ): Promise<Outcome<{ journey: OnboardingJourney; created: boolean }>> {
    const { store, decider, changes } = this.m;
    const claimed = claim(store, owner);
    if (!claimed.ok) return claimed;
    const existing = store.get('journey');
    const existingFlow = store.get('flow');
    if (existing && existingFlow) {
      if (existing.flowId === flow.flow.id) {
        return ok({ journey: await this.m.describe(owner, existing, existingFlow), created: false });
      }
      if (existing.status === 'active') {
        return fail(
          409,
          'conflict',
          `user ${owner.userId} is on an active journey of flow "${existing.flowId}"`,
        );
      }
    }
    store.set('flow', flow);
    store.set('intelligence', startJourneyIntelligence(profile ?? {}));
    store.set('pendingOutcome', null);
    const fresh = { completions: [], currentStepId: null, profile: profile ?? {} };
    const chosen = await decider.policyFor(owner, flow, fresh);
    const first = decider.decide(fresh, flow, chosen.policy);
    decider.note(owner, flow.flow.id, chosen, fresh);
    const state = startJourney({
      id: crypto.randomUUID(),
      userId: owner.userId,
      flow: flow.flow,
      flowVersion: flow.version,
      profile: profile ?? {},
      now: Date.now(),
      first,
      experiment,
    });
    await changes.commit(owner, state);
    return ok({ journey: await this.m.describe(owner, state, flow), created: true });
  }

  async getJourney(owner: JourneyOwner): Promise<Outcome<OnboardingJourney>> {
    const loaded = loadJourney(this.m.store, owner);
    if (!loaded.ok) return loaded;
    return ok(await this.m.describe(owner, loaded.value.state, loaded.value.flow));
  }

  /** The step the user should do next, as decided at the last change of the journey. */
  async getNextOptimalStep(owner: JourneyOwner): Promise<Outcome<NextStepResponse>> {
    const loaded = loadJourney(this.m.store, owner);
    if (!loaded.ok) return loaded;
    this.m.nextStepCache.refresh(owner);
    return ok(nextStepOf(loaded.value.state, loaded.value.flow));
  }

  /** Records a step viewed, completed or skipped, then chooses the next step and pushes it to open tabs. */
  async updateUserProgress(
    owner: JourneyOwner,
    update: UpdateProgressRequest,
  ): Promise<Outcome<{ journey: OnboardingJourney; next: NextStepResponse }>> {
    const { store, decider, changes } = this.m;
    const loaded = loadJourney(store, owner);
    if (!loaded.ok) return loaded;
    const { flow, state: before } = loaded.value;
    const now = Date.now();
    const applied = applyProgress(before, flow.flow, update, now);
    if (!applied.ok) return applied;
    let { state } = applied.value;
    if (applied.value.changed) {
      if (update.action !== 'viewed') {
        const chosen = await decider.policyFor(owner, flow, state);
        state = advance(state, flow.flow, decider.decide(state, flow, chosen.policy), now);
        decider.note(owner, flow.flow.id, chosen, state);
      }
      await changes.apply(owner, before, state, flow);
      if (state.currentStepId !== before.currentStepId || state.status !== before.status)
        changes.announceNextStep(state, flow);
    }
    return ok({ journey: await this.m.describe(owner, state, flow), next: nextStepOf(state, flow) });
  }

  /**
   * Decides what to do about a struggle report (`decideStruggle`) and returns the plan (kind `none` when
   * nothing should be shown). AI help is then generated and streamed to the user's tabs, and a human plan
   * escalates, after the answer.
   */
  async handleUserStruggle(
    owner: JourneyOwner,
    report: StruggleMetrics,
    options: { pushToSockets?: boolean } = {},
  ): Promise<Outcome<InterventionPlan>> {
    const decided = await this.m.decideStruggle(owner, report);
    if (!decided.ok) return decided;
    const { plan, followUp } = decided.value;
    // A report that came over HTTP (a beacon, a server) is answered on the user's open tabs too.
    if (options.pushToSockets && plan.kind !== 'none' && !plan.holdout) {
      this.m.sockets.broadcast({ type: 'intervention', plan, reportedAt: report.t });
    }
    if (followUp) this.ctx.waitUntil(this.m.followUp(owner, followUp));
    return ok(plan);
  }

  /**
   * The moment contextual help is asked for (the route streams the answer): the named step or the current
   * one, the element, the page, the question, and the persona's guidance.
   */
  async contextualHelpRequest(
    owner: JourneyOwner,
    query: ContextualHelpRequest,
  ): Promise<Outcome<HelpMoment>> {
    const loaded = loadJourney(this.m.store, owner);
    if (!loaded.ok) return loaded;
    const { state, flow } = loaded.value;
    if (query.stepId && !flow.flow.steps.some((s) => s.id === query.stepId))
      return fail(404, 'not_found', `flow ${flow.flow.id} has no step "${query.stepId}"`);
    const intel = this.m.decider.intelligence(state);
    return ok(
      helpRequestFor({ tenantId: owner.tenantId, flow, currentStepId: state.currentStepId, intel, ...query }),
    );
  }

  /** What content recommendations for this user rank by (the route adds the tenant's articles). */
  async recommendationContext(owner: JourneyOwner, stepId?: string): Promise<Outcome<RecommendationContext>> {
    const loaded = loadJourney(this.m.store, owner);
    if (!loaded.ok) return loaded;
    const { state, flow } = loaded.value;
    const learning = await this.m.learner
      .snapshot(owner.tenantId, flow.flow.id, LEARNING_READ_MAX_AGE_MS)
      .catch(() => undefined);
    const intel = this.m.decider.intelligence(state);
    return recommendationContextOf({
      state,
      flow,
      intel,
      ...(learning ? { learning } : {}),
      ...(stepId ? { stepId } : {}),
    });
  }

  /** The seed's `reconcileUserState` (`reconcileWithD1`); the alarm also runs it every ten minutes. */
  async reconcileUserState(owner: JourneyOwner): Promise<Outcome<Reconciliation>> {
    return this.m.reconcile(owner);
  }

  /** Ends the journey (idempotent) and returns its result. */
  async completeOnboarding(owner: JourneyOwner): Promise<Outcome<OnboardingResult>> {
    const loaded = loadJourney(this.m.store, owner);
    if (!loaded.ok) return loaded;
    const { flow, state: before } = loaded.value;
    const state = completeJourney(before, flow.flow, Date.now());
    if (state !== before) {
      await this.m.changes.apply(owner, before, state, flow);
      this.m.sockets.broadcast({ type: 'next_step', step: null });
    }
    return ok(toOnboardingResult(state));
  }

  /**
   * Forgets everything about the user here: state, event ids, open sockets. Keeps only when, so events
   * from before that are dropped if a client sends them again (`EventIngestion`).
   */
  async deleteJourney(owner: JourneyOwner): Promise<Outcome<ForgottenJourney>> {
    const { store } = this.m;
    const claimed = claim(store, owner);
    if (!claimed.ok) return claimed;
    const journeys = [store.get('journey'), store.get('pendingOutcome')].flatMap((j) =>
      j ? [{ journeyId: 'journeyId' in j ? j.journeyId : j.id, flowId: j.flowId }] : [],
    );
    this.m.sockets.closeAll('user deleted');
    await this.m.alarms.clear();
    await store.erase();
    const forgottenAt = Date.now();
    store.set('forgottenAt', forgottenAt);
    this.m.summaries.forget();
    await this.m.nextStepCache.forget(owner);
    return ok({ forgottenAt, journeys });
  }

  async storedProfile(owner: JourneyOwner): Promise<Outcome<JourneyState['profile'] | null>> {
    const claimed = claim(this.m.store, owner);
    if (!claimed.ok) return claimed;
    return ok(this.m.store.get('journey')?.profile ?? null);
  }

  /** Accepts a batch of the user's events (`EventIngestion`): deduplicated, queued, applied to the journey. */
  ingestEvents(owner: JourneyOwner, batch: EventBatch): Promise<Outcome<IngestResult>> {
    return this.m.ingestion.ingest(owner, batch);
  }

  async summarySettled(): Promise<void> {
    await this.m.summaries.settled();
  }

  async cacheSettled(): Promise<void> {
    await this.m.nextStepCache.settled();
  }

  override async alarm(): Promise<void> {
    await runAlarm(this.m);
  }

  /** Accepts a tab's WebSocket (the route has authenticated it and names the owner in headers). */
  override async fetch(request: Request): Promise<Response> {
    if (request.headers.get('upgrade')?.toLowerCase() !== 'websocket') {
      return new Response('expected a WebSocket upgrade', { status: 426 });
    }
    const { store, sockets, alarms } = this.m;
    const { owner, sessionId } = SocketHub.ownerOf(request);
    const claimed = claim(store, owner);
    if (!claimed.ok) return new Response(claimed.error.message, { status: 409 });
    const response = sockets.accept(owner, sessionId);
    store.set('lastActivityAt', Date.now());
    if (isMonitored(store, sockets)) await alarms.armAt(Date.now() + MONITOR_INTERVAL_MS);
    return response;
  }

  override async webSocketMessage(ws: WebSocket, data: string | ArrayBuffer): Promise<void> {
    const owner = this.m.sockets.admit(ws, Date.now());
    if (!owner) return;
    this.m.store.set('lastActivityAt', Date.now());
    const read = parseClientFrame(data);
    if (!read.ok) return this.m.sockets.send(ws, read.reply);
    await answerClientMessage(
      this.m,
      ws,
      owner,
      read.message,
      (work) => this.ctx.waitUntil(work),
      read.rejected,
      read.indexes,
    );
  }

  override async webSocketClose(ws: WebSocket, code: number, reason: string): Promise<void> {
    this.m.sockets.closed(ws, code, reason);
  }
}
