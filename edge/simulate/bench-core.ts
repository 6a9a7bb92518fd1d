import { FlowDefinition, type StruggleMetrics } from '@smart-onboarding/protocol';
import { seededRandom } from '@smart-onboarding/stats';
import demoFlow from '../src/dev/demo-flow.json' with { type: 'json' };
import { helpCacheKey } from '../src/help/help-cache';
import { topK } from '../src/help/retrieval';
import { scrubPersonalData } from '../src/help/scrub';
import { triggerIntervention } from '../src/intelligence/intervention/engine';
import { predictOptimalPath } from '../src/intelligence/learning-path';
import { analyzeUserProfile } from '../src/intelligence/persona';
import { predictSuccess, trainSuccessModel } from '../src/intelligence/success-model';
import { emptyUserModel, updateUserModel } from '../src/intelligence/user-model';
import { chooseNextStep } from '../src/learning/path-optimizer';
import { inProcessBackend } from './in-process-backend';
import { runArm } from './simulation';

/**
 * `pnpm --filter @smart-onboarding/edge bench:intel`: what the pure core costs per call, and how big its
 * persisted state grows, on the demo flow after the optimizer has learned from 4,000 simulated journeys.
 * Plain timing loops (warm-up, then the median of 15 batches): these are microseconds, so a harness would
 * add nothing but a dependency.
 */
function bench(name: string, fn: () => unknown, batch = 2000): void {
  for (let i = 0; i < batch; i++) fn();
  const perCall: number[] = [];
  for (let r = 0; r < 15; r++) {
    const t0 = performance.now();
    for (let i = 0; i < batch; i++) fn();
    perCall.push(((performance.now() - t0) * 1000) / batch);
  }
  perCall.sort((a, b) => a - b);
  console.log(`${name.padEnd(58)} ${perCall[7]!.toFixed(2).padStart(9)} µs`);
}

const flow = FlowDefinition.parse(demoFlow);
const smart = inProcessBackend('smart', flow, seededRandom(1));
await runArm(smart, 4000, (i) => seededRandom(9_000_000 + i));
const learning = smart.learning();
const persona = analyzeUserProfile({ technicalProficiency: 'beginner' });
const ctx = { persona: persona.personaType, cohort: 'default' };
const rng = seededRandom(2);
const done = new Set(['create-profile']);
const report: StruggleMetrics = {
  score: 0.9,
  source: 'model',
  reasons: [{ code: 'rage_click', weight: 1 }],
  stepId: 'connect-account',
  element: '#connect-instagram',
  recentSignals: [],
  t: 0,
};
const events = Array.from({ length: 50 }, (_, i) => ({
  id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  sessionId: 's',
  timestamp: i * 1000,
  stepId: 'connect-account',
  eventType: 'signal' as const,
  signal: { type: 'hesitation' as const, t: i * 1000, evidence: {} },
}));
const articles = Array.from({ length: 500 }, (_, i) => ({
  id: `a${i}`,
  vector: Array.from({ length: 1536 }, () => rng() - 0.5),
}));
const query = Array.from({ length: 1536 }, () => rng() - 0.5);
const prompt = `I am ada@example.com, +33 6 12 34 56 78. ${'The Schedule button does nothing when I press it after writing my caption. '.repeat(25)}`;
const snapshot = {
  persona: 'explorer' as const,
  proficiency: 0.6,
  progress: 0.5,
  struggles: 1,
  paceRatio: 1.2,
  dismissals: 0,
};

console.log(
  `pure core on the demo flow, optimizer trained on 4,000 simulated journeys (${Object.keys(learning.optimizer.contexts).length} contexts)\n`,
);
console.log(`${'operation'.padEnd(58)} ${'median'.padStart(12)}`);
bench('chooseNextStep (Thompson sampling, bounded)', () =>
  chooseNextStep(learning.optimizer, { flow, done, random: rng }, ctx),
);
bench('predictOptimalPath (greedy rollout of the rest)', () =>
  predictOptimalPath({
    flow,
    done,
    persona,
    learning: ctx,
    optimizer: learning.optimizer,
    times: learning.times,
    paceFactor: 1,
  }),
);
bench('triggerIntervention (engine, fatigue, holdout)', () =>
  triggerIntervention({
    flow,
    report,
    currentStepId: 'connect-account',
    history: [],
    now: 1e12,
    random: rng,
    newId: () => 'x',
    userId: 'u1',
  }),
);
bench('analyzeUserProfile', () =>
  analyzeUserProfile({ technicalProficiency: 'beginner', learningStyle: 'guided' }),
);
bench(
  'updateUserModel (50 events)',
  () => updateUserModel(emptyUserModel(), events, { steps: flow.steps }),
  200,
);
bench('predictSuccess', () => predictSuccess(learning.success, snapshot), 20_000);
bench(
  'trainSuccessModel (one snapshot)',
  () => trainSuccessModel(learning.success, [snapshot], true),
  20_000,
);
bench('retrieval: cosine top-3 of 500 articles × 1536 dims', () => topK(query, articles, 3), 20);
bench('scrubPersonalData (2 KB prompt)', () => scrubPersonalData(prompt), 500);
bench('helpCacheKey', () =>
  helpCacheKey({
    tenantId: 't',
    flowId: 'f',
    flowVersion: 1,
    stepId: 's',
    reasons: report.reasons,
    element: '#x',
  }),
);

const kib = (x: unknown) => (new TextEncoder().encode(JSON.stringify(x)).length / 1024).toFixed(1);
console.log('\npersisted state (JSON)');
console.log(
  `flow learning state after 4,000 journeys: ${kib(learning)} KiB (optimizer ${kib(learning.optimizer)}, success ${kib(learning.success)}, times ${kib(learning.times)})`,
);
console.log(
  `user model after 50 events: ${kib(updateUserModel(emptyUserModel(), events, { steps: flow.steps }))} KiB`,
);
