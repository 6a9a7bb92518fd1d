import { runDurableObjectAlarm } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { FlowDefinition, type FlowVersion, type StruggleMetrics } from '@smart-onboarding/protocol';
import { describe, expect, it } from 'vitest';
import demoFlow from '../src/dev/demo-flow.json' with { type: 'json' };
import { flowLearnerName } from '../src/learning/flow-learner-rpc';
import { DEMO, uniqueUser } from './helpers';
import { editStoredJourney, journeyStubOf, readStoredJourney } from './journey-storage';

/** Each test gets its own flow id, so its flow learner starts empty whatever ran before. */
function freshFlow(): FlowVersion {
  const flow = FlowDefinition.parse({ ...demoFlow, id: `wired-${crypto.randomUUID().slice(0, 8)}` });
  return { flow, version: 1, createdAt: Date.now() };
}
const owner = (userId: string) => ({ tenantId: DEMO.tenantId, userId });
const journeyOf = (userId: string) => journeyStubOf(userId);
const learnerOf = (flowId: string) =>
  env.FLOW_LEARNER.get(env.FLOW_LEARNER.idFromName(flowLearnerName(DEMO.tenantId, flowId)));

const report = (over: Partial<StruggleMetrics> = {}): StruggleMetrics => ({
  score: 0.95,
  source: 'model',
  reasons: [{ code: 'rage_click', weight: 1 }],
  element: '#signup-form button',
  recentSignals: [],
  t: Date.now(),
  ...over,
});

/** Walks a journey to its end by completing whatever the edge proposes. */
async function walk(userId: string) {
  const stub = journeyOf(userId);
  for (let guard = 0; guard < 10; guard++) {
    const next = await stub.getNextOptimalStep(owner(userId));
    if (!next.ok) throw new Error(next.error.message);
    if (!next.value.step) return;
    const r = await stub.updateUserProgress(owner(userId), {
      stepId: next.value.step.id,
      action: 'completed',
    });
    if (!r.ok) throw new Error(r.error.message);
  }
}

describe('the smart arm wired into the journey object', () => {
  it('decides with the flow learner, and teaches it once when the journey completes', async () => {
    const flow = freshFlow();
    const user = uniqueUser('smart');
    const init = await journeyOf(user).initializeUserJourney(owner(user), flow, {
      technicalProficiency: 'advanced',
    });
    expect(init.ok && init.value.created).toBe(true);
    await walk(user);
    const journey = await journeyOf(user).getJourney(owner(user));
    expect(journey.ok && journey.value.status).toBe('completed');
    const learned = await learnerOf(flow.flow.id).snapshot();
    expect(learned.journeys).toEqual({ completed: 1, abandoned: 0 });
    // Every decision on the way was counted in the flow's exploration budget and credited at the end.
    expect(learned.optimizer.decisions).toBeGreaterThanOrEqual(4);
    expect(Object.keys(learned.optimizer.pooled)).toContain('step:create-profile');
    expect(Object.keys(learned.times.steps)).toContain('create-profile');
  });

  it('learns from an abandoned journey (a step event "abandoned") as a censored, unrewarded one', async () => {
    const flow = freshFlow();
    const user = uniqueUser('gone');
    await journeyOf(user).initializeUserJourney(owner(user), flow, {});
    const ingest = await journeyOf(user).ingestEvents(owner(user), {
      sentAt: Date.now(),
      events: [
        {
          id: crypto.randomUUID(),
          sessionId: 's',
          timestamp: Date.now(),
          eventType: 'step',
          stepId: 'create-profile',
          action: 'abandoned',
        },
      ],
    });
    expect(ingest.ok).toBe(true);
    const journey = await journeyOf(user).getJourney(owner(user));
    expect(journey.ok && journey.value.status).toBe('abandoned');
    const learned = await learnerOf(flow.flow.id).snapshot();
    expect(learned.journeys).toEqual({ completed: 0, abandoned: 1 });
    const arm = learned.optimizer.pooled['step:create-profile'];
    expect(arm).toMatchObject({ a: 0, b: 1, n: 1 });
  });

  it('predicts from what the flow learned: a journey shows the learned success rate and time', async () => {
    const flow = freshFlow();
    for (let i = 0; i < 3; i++) {
      const u = uniqueUser('teach');
      await journeyOf(u).initializeUserJourney(owner(u), flow, {});
      await walk(u);
    }
    const user = uniqueUser('predicted');
    const init = await journeyOf(user).initializeUserJourney(owner(user), flow, {});
    if (!init.ok) throw new Error(init.error.message);
    const { predictedSuccessRate, estimatedCompletionTime, personalizedPath } = init.value.journey;
    expect(predictedSuccessRate).toBeGreaterThan(0);
    expect(predictedSuccessRate).toBeLessThan(1);
    // The rules' prior is exactly 0.5 at the start; the success model's answer is its own.
    expect(predictedSuccessRate).not.toBe(0.5);
    expect(estimatedCompletionTime).toBeGreaterThan(0);
    expect(personalizedPath.steps[0]?.stepId).toBe('create-profile');
  });

  it('keeps arm A on the rules: flow order, no decisions counted, a hint on the current step', async () => {
    const flow = freshFlow();
    const user = uniqueUser('armA');
    await journeyOf(user).initializeUserJourney(owner(user), flow, { traits: { so_arm: 'adaptive' } });
    const plan = await journeyOf(user).handleUserStruggle(owner(user), report({ score: 0.6 }));
    expect(plan.ok && plan.value).toMatchObject({ kind: 'hint', stepId: 'create-profile' });
    expect(plan.ok && plan.value.reason).not.toContain('first help on this step');
    await walk(user);
    const learned = await learnerOf(flow.flow.id).snapshot();
    expect(learned.optimizer.decisions).toBe(0);
    expect(learned.journeys.completed).toBe(1);
  });

  it('answers struggle in arm B with the intervention engine: persona threshold, then the ladder', async () => {
    const flow = freshFlow();
    const user = uniqueUser('armB');
    // A power user's threshold is 0.85: a 0.6 report gets nothing, a 0.95 one gets help.
    await journeyOf(user).initializeUserJourney(owner(user), flow, {
      technicalProficiency: 'expert',
      experience: 'expert',
    } as never);
    const quiet = await journeyOf(user).handleUserStruggle(owner(user), report({ score: 0.6 }));
    expect(quiet.ok && quiet.value.kind).toBe('none');
    const first = await journeyOf(user).handleUserStruggle(owner(user), report());
    expect(first.ok && first.value.reason).toMatch(/first help on this step/);
    expect(first.ok && first.value.stepId).toBe('create-profile');
  });

  it("helps a power user with rage clicks the rules confirmed on an element, in that element's words", async () => {
    const flow = freshFlow();
    const user = uniqueUser('armB-rage');
    await journeyOf(user).initializeUserJourney(owner(user), flow, {
      technicalProficiency: 'expert',
      experience: 'expert',
    } as never);
    // The rules score three unanswered clicks 0.75: under a power user's 0.85, yet a control that does
    // nothing is struggle whoever does it.
    const rage = report({ score: 0.75, source: 'rules', element: '#schedule-button' });
    const plan = await journeyOf(user).handleUserStruggle(owner(user), rage);
    const schedule = flow.flow.steps.find((s) => s.target?.selector === '#schedule-button')!;
    expect(plan.ok && plan.value).toMatchObject({
      kind: 'hint',
      target: { selector: '#schedule-button' },
      title: schedule.title,
      body: schedule.body,
    });
    const model = await journeyOf(user).handleUserStruggle(owner(user), { ...rage, source: 'model' });
    expect(model.ok && model.value.reason).toMatch(/below 0.85/);
  });

  it('retries an outcome the flow learner did not get, from the alarm, and learns it once', async () => {
    const flow = freshFlow();
    const user = uniqueUser('retry');
    await journeyOf(user).initializeUserJourney(owner(user), flow, {});
    await walk(user);
    // The learner already has this journey; the alarm re-sends it as if the first send had failed.
    await editStoredJourney(journeyOf(user), (store) => {
      const outcome = {
        completed: true,
        decisions: [],
        snapshots: [],
        stepDurations: [],
        timeToValueSec: 1,
        expectedSec: 10,
      };
      store.set('pendingOutcome', { journeyId: store.get('journey')!.id, flowId: flow.flow.id, outcome });
    });
    expect(await runDurableObjectAlarm(journeyOf(user))).toBe(true);
    expect(await readStoredJourney(journeyOf(user), (store) => store.get('pendingOutcome'))).toBeNull();
    const learned = await learnerOf(flow.flow.id).snapshot();
    expect(learned.journeys.completed).toBe(1);
  });
});
