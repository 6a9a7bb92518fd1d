import { z } from 'zod';
import { EpochMs, Slug } from './common';

/**
 * Experiments in production (issue 14): a tenant splits a flow's users between variants, the smart and
 * adaptive arms or versions of the flow. The edge assigns each user (random across users, stable per
 * user) and logs the exposure at its first decision; a browser never chooses.
 */

export const ExperimentVariant = z
  .object({
    name: Slug,
    /** Relative share of users: weights 1 and 3 send a quarter and three quarters. */
    weight: z.number().int().min(1).max(1000),
    /** For an `arm` experiment: the experience this variant gets. */
    arm: z.enum(['smart', 'adaptive']).optional(),
    /** For a `flow_version` experiment: the published version of the flow this variant starts on. */
    flowVersion: z.number().int().min(1).optional(),
  })
  .strict()
  .meta({ id: 'ExperimentVariant' });

export const CreateExperimentRequest = z
  .object({
    id: Slug,
    name: z.string().min(1).max(200),
    flowId: Slug,
    kind: z.enum(['arm', 'flow_version']),
    /** The first variant is the control the others are compared with. */
    variants: z.array(ExperimentVariant).min(2).max(4),
  })
  .strict()
  .superRefine((e, ctx) => {
    const names = new Set<string>();
    e.variants.forEach((v, i) => {
      if (names.has(v.name))
        ctx.addIssue({ code: 'custom', path: ['variants', i, 'name'], message: 'variant names must differ' });
      names.add(v.name);
      if (e.kind === 'arm' && v.arm === undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['variants', i, 'arm'],
          message: 'an arm experiment names an arm',
        });
      if (e.kind === 'flow_version' && v.flowVersion === undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['variants', i, 'flowVersion'],
          message: 'a flow_version experiment names a version',
        });
    });
  })
  .meta({ id: 'CreateExperimentRequest' });

export const Experiment = z
  .object({
    id: Slug,
    name: z.string(),
    flowId: Slug,
    kind: z.enum(['arm', 'flow_version']),
    variants: z.array(ExperimentVariant),
    status: z.enum(['running', 'stopped']),
    createdAt: EpochMs,
    createdBy: z.string(),
    stoppedAt: EpochMs.nullable(),
  })
  .meta({ id: 'Experiment' });

export const ExperimentList = z.object({ experiments: z.array(Experiment) }).meta({ id: 'ExperimentList' });

const Interval = z.object({ estimate: z.number(), lower: z.number(), upper: z.number() });

export const ExperimentResults = z
  .object({
    experimentId: Slug,
    status: z.enum(['running', 'stopped']),
    /** Completion: the share of exposed users whose journey completed. */
    metric: z.literal('completion'),
    control: Slug,
    variants: z.array(
      z.object({
        name: Slug,
        exposed: z.number().int(),
        completed: z.number().int(),
        abandoned: z.number().int(),
        rate: z.number(),
      }),
    ),
    /** Each variant against the control: always-valid intervals of the difference in completion rate. */
    comparisons: z.array(
      z.object({
        variant: Slug,
        difference: Interval,
        verdict: z.enum(['treatment_better', 'control_better', 'keep_running']),
      }),
    ),
    /** `winner` names a variant only when the intervals say so; otherwise `keep_running`. */
    decision: z.enum(['winner', 'keep_running']),
    winner: Slug.nullable(),
    /** What the console shows: `winner: adaptive` or `keep running`. */
    summary: z.string(),
    alpha: z.number(),
    method: z.string(),
    generatedAt: EpochMs,
  })
  .meta({ id: 'ExperimentResults' });

export type ExperimentVariant = z.infer<typeof ExperimentVariant>;
export type CreateExperimentRequest = z.infer<typeof CreateExperimentRequest>;
export type Experiment = z.infer<typeof Experiment>;
export type ExperimentResults = z.infer<typeof ExperimentResults>;
