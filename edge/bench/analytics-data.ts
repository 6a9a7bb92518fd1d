// What `bench:analytics` fills D1 with: the A/B simulation's users (simulate/simulation.ts over the edge's
// pure core, simulate/in-process-backend.ts), each backend call turned into the events the SDK would send
// for it, folded by the edge's own aggregation (engagement per step and day, hot spots) into the rows the
// edge writes. Pure and seeded: the same seed gives the same data.
import type { BehaviorEvent, FlowDefinition, SignalType } from '@smart-onboarding/protocol';
import { seededRandom } from '@smart-onboarding/stats';
import type { SimBackend } from '../simulate/backend';
import { inProcessBackend } from '../simulate/in-process-backend';
import { simulateUser } from '../simulate/simulation';
import { aggregateEngagement, type EngagementAggregate } from '../src/events/aggregate';
import { aggregateHotspots, type HotspotCount } from '../src/events/hotspots';

export interface BenchData {
  events: number;
  eventIds: [userId: string, eventId: string][];
  journeys: Record<string, string | number | null>[];
  steps: Record<string, string | number>[];
  interventions: Record<string, string | number | null>[];
  engagement: EngagementAggregate[];
  hotspots: HotspotCount[];
  exposures: Record<string, string | number>[];
}

const SIGNALS: readonly SignalType[] = [
  'rage_click',
  'dead_click',
  'hesitation',
  'form_struggle',
  'thrashed_cursor',
];
const DAY = 86_400_000;
/** Event ids are unique across the whole run, as the SDK's UUIDs are. */
let sequence = 0;

/**
 * Simulated users until about `targetEvents` events, started over the 30 days before `now`, half on each
 * arm (the experiment `bench-arms`), on the demo flow.
 */
export async function benchData(
  flow: FlowDefinition,
  tenantId: string,
  targetEvents: number,
  seed: number,
  now: number,
): Promise<BenchData> {
  const rng = seededRandom(seed);
  const data: BenchData = {
    events: 0,
    eventIds: [],
    journeys: [],
    steps: [],
    interventions: [],
    engagement: [],
    hotspots: [],
    exposures: [],
  };
  const hotspots = new Map<string, HotspotCount>();
  let batch = 0;
  while (data.events < targetEvents) {
    for (const arm of ['adaptive', 'smart'] as const) {
      const inner = inProcessBackend(arm, flow, seededRandom(seed + batch));
      const recorder = recording(inner, flow, tenantId, data, hotspots, rng);
      for (let i = 0; i < 500; i++) {
        // Starts spread over the 30 days before now, the same users (seeds) on both arms.
        const start = now - 30 * DAY + rng() * 29 * DAY;
        const userSeed = seededRandom(seed * 7919 + batch * 1000 + i);
        const r = await simulateUser(recorder.backend, `b${batch}-${arm}-${i}`, userSeed, start);
        recorder.finish(r.userId, r.persona);
      }
    }
    batch++;
  }
  data.hotspots = [...hotspots.values()];
  return data;
}

interface Live {
  userId: string;
  events: BehaviorEvent[];
  journey: Record<string, string | number | null>;
  step: string;
  context: { path: string; pointer: 'touch' | 'mouse'; viewport: { w: number; h: number } };
}

/** Wraps a simulation backend: every call it answers also becomes the SDK's events and the edge's rows. */
function recording(
  inner: SimBackend,
  flow: FlowDefinition,
  tenantId: string,
  data: BenchData,
  hotspots: Map<string, HotspotCount>,
  rng: () => number,
) {
  const live = new Map<string, Live>();
  const id = () => `00000000-0000-4000-8000-${(++sequence).toString(16).padStart(12, '0')}`;
  const emit = (l: Live, t: number, body: Record<string, unknown>) => {
    const e = { id: id(), sessionId: `${l.userId}-s`, timestamp: Math.round(t), context: l.context, ...body };
    l.events.push(e as BehaviorEvent);
  };
  const selectorOf = (stepId: string) =>
    flow.steps.find((s) => s.id === stepId)?.target?.selector ?? `#${stepId}`;

  const backend: SimBackend = {
    arm: inner.arm,
    async start(userId, profile, t) {
      const d = await inner.start(userId, profile, t);
      const mobile = rng() < 0.3;
      const u = rng();
      const l: Live = {
        userId,
        events: [],
        step: d.step?.id ?? '',
        context: mobile
          ? { path: '/', pointer: 'touch', viewport: { w: 390, h: 844 } }
          : { path: '/', pointer: 'mouse', viewport: { w: 1440, h: 900 } },
        journey: {
          id: `${userId}-j`,
          tenant_id: tenantId,
          user_id: userId,
          flow_id: flow.id,
          flow_version: u < 0.2 ? 1 : 2,
          status: 'active',
          predicted_success_rate: 0.5,
          started_at: Math.round(t),
          updated_at: Math.round(t),
          completed_at: null,
          arm: inner.arm,
          cohort: u < 0.5 ? 'free' : u < 0.85 ? 'pro' : 'team',
          device_class: mobile ? 'mobile' : 'desktop',
          experiment_id: 'bench-arms',
          experiment_variant: inner.arm,
          time_to_complete_ms: null,
        },
      };
      live.set(userId, l);
      emit(l, t, { eventType: 'page', action: 'view' });
      if (d.step) emit(l, t, { eventType: 'step', stepId: d.step.id, action: 'viewed' });
      return d;
    },
    async progress(userId, stepId, action, durationMs, t) {
      const l = live.get(userId)!;
      // An engagement summary every 5 s of the step, as the SDK batches them.
      for (let s = 0; s < Math.min(40, durationMs / 5000); s++)
        emit(l, t - durationMs + s * 5000, {
          eventType: 'engagement',
          stepId,
          interaction: { timeSpentMs: 5000, clicks: Math.floor(rng() * 4) },
        });
      emit(l, t, { eventType: 'step', stepId, action });
      data.steps.push({
        journey_id: `${userId}-j`,
        step_id: stepId,
        tenant_id: tenantId,
        user_id: userId,
        flow_id: flow.id,
        action,
        at: Math.round(t),
        duration_ms: Math.round(durationMs),
      });
      const d = await inner.progress(userId, stepId, action, durationMs, t);
      l.step = d.step?.id ?? '';
      if (d.step) emit(l, t, { eventType: 'step', stepId: d.step.id, action: 'viewed' });
      return d;
    },
    async struggle(userId, report, t) {
      const l = live.get(userId)!;
      const stepId = report.stepId ?? l.step;
      for (let k = 0; k < 3; k++) {
        const type = SIGNALS[Math.floor(rng() * SIGNALS.length)] as SignalType;
        const selector = rng() < 0.7 ? selectorOf(stepId) : `#${stepId} .field-${Math.floor(rng() * 6)}`;
        emit(l, t - 2000 + k * 500, {
          eventType: 'signal',
          stepId,
          signal: { type, t: Math.round(t), element: { selector }, evidence: {} },
        });
      }
      emit(l, t, {
        eventType: 'struggle',
        stepId,
        score: report.score,
        source: 'model',
        reasons: report.reasons,
      });
      const plan = await inner.struggle(userId, report, t);
      if (plan.kind !== 'none')
        data.interventions.push({
          id: plan.id,
          tenant_id: tenantId,
          user_id: userId,
          journey_id: `${userId}-j`,
          step_id: stepId,
          kind: plan.kind,
          holdout: plan.holdout ? 1 : 0,
          reason: '',
          outcome: null,
          created_at: Math.round(t),
        });
      return plan;
    },
    async interventionOutcome(userId, interventionId, outcome, t) {
      const l = live.get(userId)!;
      emit(l, t, {
        eventType: 'intervention',
        stepId: l.step,
        interventionId,
        action: outcome === 'accepted' ? 'accepted' : 'dismissed',
      });
      return inner.interventionOutcome(userId, interventionId, outcome, t);
    },
    async end(userId, status, t) {
      const l = live.get(userId)!;
      if (status === 'abandoned' && l.step)
        emit(l, t, { eventType: 'step', stepId: l.step, action: 'abandoned' });
      emit(l, t, { eventType: 'session_end', reason: status === 'abandoned' ? 'closed' : 'signed_out' });
      Object.assign(l.journey, {
        status,
        updated_at: Math.round(t),
        completed_at: status === 'completed' ? Math.round(t) : null,
        time_to_complete_ms: status === 'completed' ? Math.round(t - (l.journey.started_at as number)) : null,
        abandoned_by: status === 'abandoned' ? 'session_end' : null,
      });
      return inner.end(userId, status, t);
    },
  };

  return {
    backend,
    /** Folds a finished user's events into the edge's rows. */
    finish(userId: string, persona: string) {
      const l = live.get(userId);
      if (!l) return;
      live.delete(userId);
      l.journey.persona = persona;
      data.journeys.push(l.journey);
      data.exposures.push({
        tenant_id: tenantId,
        experiment_id: 'bench-arms',
        user_id: userId,
        variant: String(l.journey.arm),
        journey_id: String(l.journey.id),
        exposed_at: l.journey.started_at as number,
      });
      data.events += l.events.length;
      for (const e of l.events) data.eventIds.push([userId, e.id]);
      data.engagement.push(...aggregateEngagement(userId, l.events));
      for (const h of aggregateHotspots(l.events)) {
        const key = `${h.stepId}\u0000${h.element}\u0000${h.signal}\u0000${h.day}`;
        const found = hotspots.get(key);
        if (found) found.count += h.count;
        else hotspots.set(key, { ...h });
      }
    },
  };
}
