import {
  type FlowDefinition,
  type InterventionPlan,
  InterventionResponse,
  JourneyResponse,
  NextStepResponse,
  type OnboardingJourney,
  ProgressResponse,
} from '@smart-onboarding/protocol';
import demo from '../src/dev/demo-tenant.json' with { type: 'json' };
import type { SimBackend, SimDecision } from './backend';

/**
 * The simulation's backend over the real edge's HTTP API (the demo tenant's secret key, as a tenant's
 * server would call it). The edge decides with the policies it runs; the `arm` is sent as a profile trait
 * (`so_arm`) for an edge that assigns arms per user. Responses are validated against the protocol, so
 * the run doubles as a contract check.
 */
export function httpBackend(base: string, flow: FlowDefinition, arm: 'adaptive' | 'smart' = 'adaptive') {
  const headers = (userId?: string) => ({
    authorization: `Bearer ${demo.secretKey}`,
    'content-type': 'application/json',
    ...(userId ? { 'x-so-user': userId } : {}),
  });
  async function call<T>(
    method: string,
    path: string,
    body: unknown,
    parse: (x: unknown) => T,
    userId?: string,
  ): Promise<T> {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: headers(userId),
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return parse(JSON.parse(text));
  }
  const decision = (next: NextStepResponse): SimDecision => ({
    step: next.step ? (flow.steps.find((s) => s.id === next.step!.id) ?? next.step) : null,
    ...(next.variantId ? { variantId: next.variantId } : {}),
    done: next.done,
  });
  const user = (id: string) => `/v1/journeys/${encodeURIComponent(id)}`;
  const backend: SimBackend & { journey(userId: string): Promise<OnboardingJourney> } = {
    arm,
    async start(userId, profile) {
      await call(
        'POST',
        user(userId),
        { flowId: flow.id, profile: { ...profile, traits: { so_arm: arm } } },
        (x) => JourneyResponse.parse(x),
      );
      return decision(await call('GET', `${user(userId)}/next`, undefined, (x) => NextStepResponse.parse(x)));
    },
    async progress(userId, stepId, action, durationMs) {
      const r = await call(
        'POST',
        `${user(userId)}/progress`,
        { stepId, action, interaction: { timeSpentMs: Math.round(durationMs), clicks: 3 } },
        (x) => ProgressResponse.parse(x),
      );
      return decision(r.next);
    },
    async struggle(userId, report): Promise<InterventionPlan> {
      return (
        await call('POST', `${user(userId)}/struggle`, { ...report, t: Date.now() }, (x) =>
          InterventionResponse.parse(x),
        )
      ).plan;
    },
    async interventionOutcome(userId, interventionId, outcome) {
      const action = outcome === 'accepted' ? 'accepted' : 'dismissed';
      const event = {
        id: crypto.randomUUID(),
        sessionId: `sim-${userId}`,
        timestamp: Date.now(),
        eventType: 'intervention',
        interventionId,
        action,
      };
      await call('POST', '/v1/events', { sentAt: Date.now(), events: [event] }, (x) => x, userId);
    },
    async end(userId, status) {
      // A finished flow completes the journey by itself; an abandoned one is reported as the SDK would,
      // with a step event, so the edge's flow learner learns from it too.
      if (status === 'completed') return;
      const journey = await backend.journey(userId);
      const event = {
        id: crypto.randomUUID(),
        sessionId: `sim-${userId}`,
        timestamp: Date.now(),
        eventType: 'step',
        stepId: journey.currentStep?.id ?? flow.steps[0]!.id,
        action: 'abandoned',
      };
      await call('POST', '/v1/events', { sentAt: Date.now(), events: [event] }, (x) => x, userId);
    },
    journey: (userId) => call('GET', user(userId), undefined, (x) => JourneyResponse.parse(x).journey),
  };
  return backend;
}
