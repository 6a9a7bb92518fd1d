import { z } from 'zod';
import { EpochMs, Slug } from './common';

export const Difficulty = z.enum(['easy', 'medium', 'hard']).meta({ id: 'Difficulty' });
export const ContentStyle = z
  .enum(['text', 'visual', 'interactive', 'simplified'])
  .meta({ id: 'ContentStyle' });

/**
 * Where a step points on the page. `selector` is resolved inside `shadowHosts` (outer to inner) and inside
 * the same-origin iframe `frame`, so targets in web components and embedded editors are reachable.
 */
export const StepTarget = z
  .object({
    selector: z.string().min(1).max(512),
    frame: z.string().min(1).max(512).optional(),
    shadowHosts: z.array(z.string().min(1).max(512)).max(8).optional(),
    /** A path pattern (`/posts/:id`) the target lives on; the tour waits for that route. */
    route: z.string().min(1).max(512).optional(),
  })
  .meta({ id: 'StepTarget' });

/** What counts as doing the step. */
export const StepGoal = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('click'), selector: z.string().min(1).max(512).optional() }),
    z.object({ kind: z.literal('navigate'), route: z.string().min(1).max(512) }),
    z.object({ kind: z.literal('event'), event: z.string().min(1).max(128) }),
    z.object({ kind: z.literal('manual') }),
  ])
  .meta({ id: 'StepGoal' });

/** One way of presenting a step: the optimizer chooses among variants per cohort. */
export const StepVariant = z
  .object({
    id: Slug,
    style: ContentStyle,
    title: z.string().min(1).max(200),
    body: z.string().max(4000),
  })
  .meta({ id: 'StepVariant' });

/** One step of a flow (the seed's `OnboardingStep`). */
export const OnboardingStep = z
  .object({
    id: Slug,
    title: z.string().min(1).max(200),
    body: z.string().max(4000).default(''),
    target: StepTarget.optional(),
    prerequisites: z.array(Slug).max(32).default([]),
    goal: StepGoal.default({ kind: 'manual' }),
    estimatedDurationSec: z.number().positive().max(86_400).default(60),
    optional: z.boolean().default(false),
    difficulty: Difficulty.default('easy'),
    variants: z.array(StepVariant).max(8).default([]),
    helpArticleIds: z.array(z.string().min(1).max(128)).max(32).default([]),
  })
  .meta({ id: 'OnboardingStep' });

export const FLOW_MAX_STEPS = 100;

/** Problems that make a flow's step graph unusable; each is reported with the step it concerns. */
export function findFlowGraphProblems(
  steps: ReadonlyArray<{
    id: string;
    prerequisites: readonly string[];
    variants?: ReadonlyArray<{ id: string }>;
  }>,
): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const step of steps) {
    if (ids.has(step.id)) problems.push(`step "${step.id}" is defined twice`);
    ids.add(step.id);
    const variantIds = new Set<string>();
    for (const v of step.variants ?? []) {
      if (variantIds.has(v.id)) problems.push(`step "${step.id}" has variant "${v.id}" twice`);
      variantIds.add(v.id);
    }
  }
  for (const step of steps) {
    for (const p of step.prerequisites) {
      if (p === step.id) problems.push(`step "${step.id}" requires itself`);
      else if (!ids.has(p)) problems.push(`step "${step.id}" requires unknown step "${p}"`);
    }
  }
  if (problems.length > 0) return problems;
  // Kahn's algorithm: whatever cannot be ordered sits on a cycle and could never become feasible.
  const indegree = new Map(steps.map((s) => [s.id, s.prerequisites.length]));
  const ready = steps.filter((s) => s.prerequisites.length === 0).map((s) => s.id);
  let ordered = 0;
  while (ready.length > 0) {
    const id = ready.pop()!;
    ordered++;
    for (const s of steps) {
      if (s.prerequisites.includes(id)) {
        const left = indegree.get(s.id)! - 1;
        indegree.set(s.id, left);
        if (left === 0) ready.push(s.id);
      }
    }
  }
  if (ordered < steps.length) {
    const stuck = steps.filter((s) => indegree.get(s.id)! > 0).map((s) => s.id);
    problems.push(`prerequisites form a cycle through ${stuck.map((s) => `"${s}"`).join(', ')}`);
  }
  return problems;
}

/** Bounds of a flow's inactivity window: a minute to ninety days. */
const ABANDON_AFTER_MIN_SEC = 60;
const ABANDON_AFTER_MAX_SEC = 90 * 86_400;

/** A tenant's onboarding flow: a graph of steps linked by prerequisites. */
export const FlowDefinition = z
  .object({
    id: Slug,
    name: z.string().min(1).max(200),
    description: z.string().max(2000).optional(),
    steps: z.array(OnboardingStep).min(1).max(FLOW_MAX_STEPS),
    /**
     * The inactivity window: a journey with no progress (a step viewed, completed or skipped) for this long
     * is closed as abandoned by its journey object's alarm. Absent, the edge's default (three days).
     */
    abandonAfterSec: z.number().int().min(ABANDON_AFTER_MIN_SEC).max(ABANDON_AFTER_MAX_SEC).optional(),
  })
  .superRefine((flow, ctx) => {
    for (const message of findFlowGraphProblems(flow.steps))
      ctx.addIssue({ code: 'custom', message, path: ['steps'] });
  })
  .meta({ id: 'FlowDefinition' });

/** A stored, immutable version of a flow. Journeys pin the version they started on. */
export const FlowVersion = z
  .object({
    flow: FlowDefinition,
    version: z.number().int().positive(),
    createdAt: EpochMs,
  })
  .meta({ id: 'FlowVersion' });

export type Difficulty = z.infer<typeof Difficulty>;
export type ContentStyle = z.infer<typeof ContentStyle>;
export type StepTarget = z.infer<typeof StepTarget>;
export type StepGoal = z.infer<typeof StepGoal>;
export type StepVariant = z.infer<typeof StepVariant>;
export type OnboardingStep = z.infer<typeof OnboardingStep>;
export type FlowDefinition = z.infer<typeof FlowDefinition>;
export type FlowDefinitionInput = z.input<typeof FlowDefinition>;
export type FlowVersion = z.infer<typeof FlowVersion>;
