import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import {
  CreateExperimentRequest,
  ErrorBody,
  Experiment,
  ExperimentList,
  ExperimentResults,
  Slug,
} from '@smart-onboarding/protocol';
import { z } from 'zod';
import {
  createExperiment,
  experimentTallies,
  getExperiment,
  listExperiments,
  runningExperiment,
  stopExperiment,
} from '../../adapters/d1/queries/experiments';
import { getFlowVersion } from '../../adapters/d1/queries/flows';
import { experimentVerdict } from '../../experiments/results';
import type { AppEnv } from '../../http/app-env';
import { ApiError } from '../../http/errors';
import { json } from '../../http/openapi';
import { validationHook } from '../../http/validation';
import { auditAdmin } from '../audit';
import { requireAdmin } from '../require-admin';
import { adminErrors, adminSecurity } from './admin-openapi';

const tags = ['admin: experiments'];
const Params = z.object({ experimentId: Slug });
const notFound = { 404: json(ErrorBody, 'No such experiment (`not_found`).') };

const create = createRoute({
  method: 'post',
  path: '/v1/admin/experiments',
  operationId: 'createExperiment',
  tags,
  summary: 'Starts an experiment on a flow: the arms (smart against adaptive) or versions of the flow.',
  description:
    'From now on each user starting the flow is assigned a variant by the edge (random across users, stable per user, by the weights) and exposed at the first decision. One experiment runs per flow.',
  security: adminSecurity,
  middleware: [requireAdmin('author')],
  request: { body: { ...json(CreateExperimentRequest, 'The experiment.'), required: true } },
  responses: {
    201: json(Experiment, 'Running.'),
    ...adminErrors,
    404: json(ErrorBody, 'The flow or a flow version does not exist (`not_found`).'),
    409: json(ErrorBody, 'The id is taken, or another experiment runs on the flow (`conflict`).'),
  },
});

const list = createRoute({
  method: 'get',
  path: '/v1/admin/experiments',
  operationId: 'listExperiments',
  tags,
  summary: "The tenant's experiments, newest first.",
  security: adminSecurity,
  middleware: [requireAdmin('read')],
  responses: { 200: json(ExperimentList, 'The experiments.'), ...adminErrors },
});

const stop = createRoute({
  method: 'post',
  path: '/v1/admin/experiments/{experimentId}/stop',
  operationId: 'stopExperiment',
  tags,
  summary: 'Stops assigning users; journeys already in a variant keep it, and results stay readable.',
  security: adminSecurity,
  middleware: [requireAdmin('author')],
  request: { params: Params },
  responses: { 200: json(Experiment, 'Stopped.'), ...adminErrors, ...notFound },
});

const results = createRoute({
  method: 'get',
  path: '/v1/admin/experiments/{experimentId}/results',
  operationId: 'getExperimentResults',
  tags,
  summary: 'Completion per variant with always-valid intervals: "winner: X" or "keep running".',
  description:
    'Confidence sequences (normal-mixture mSPRT) stay valid however often they are read, so looking early is safe. Exposed users are counted by the variant the edge assigned; completion is their journey as D1 last saw it.',
  security: adminSecurity,
  middleware: [requireAdmin('read')],
  request: { params: Params },
  responses: { 200: json(ExperimentResults, 'The results.'), ...adminErrors, ...notFound },
});

async function checkFlow(c: { var: AppEnv['Variables'] }, body: CreateExperimentRequest, tenantId: string) {
  const { db } = c.var.services;
  const latest = await getFlowVersion(db, tenantId, body.flowId);
  if (!latest) throw new ApiError(404, 'not_found', `no flow "${body.flowId}"`);
  for (const v of body.variants) {
    if (v.flowVersion === undefined || v.flowVersion === latest.version) continue;
    if (!(await getFlowVersion(db, tenantId, body.flowId, v.flowVersion)))
      throw new ApiError(404, 'not_found', `flow "${body.flowId}" has no version ${v.flowVersion}`);
  }
  if (await runningExperiment(db, tenantId, body.flowId))
    throw new ApiError(409, 'conflict', `an experiment already runs on flow "${body.flowId}"; stop it first`);
}

export const experimentAdminRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(create, async (c) => {
    const body = c.req.valid('json');
    const { admin, services } = c.var;
    await checkFlow(c, body, admin.tenantId);
    const experiment = await createExperiment(services.db, admin.tenantId, body, admin.actorId);
    if (!experiment) throw new ApiError(409, 'conflict', `experiment "${body.id}" exists`);
    await auditAdmin(c, 'createExperiment', `experiments/${body.id}`, { flowId: body.flowId });
    return c.json(experiment, 201);
  })
  .openapi(list, async (c) =>
    c.json({ experiments: await listExperiments(c.var.services.db, c.var.admin.tenantId) }, 200),
  )
  .openapi(stop, async (c) => {
    const { experimentId } = c.req.valid('param');
    const { admin, services } = c.var;
    const stopped = await stopExperiment(services.db, admin.tenantId, experimentId);
    const experiment = stopped ?? (await getExperiment(services.db, admin.tenantId, experimentId));
    if (!experiment) throw new ApiError(404, 'not_found', `no experiment "${experimentId}"`);
    if (stopped) await auditAdmin(c, 'stopExperiment', `experiments/${experimentId}`);
    return c.json(experiment, 200);
  })
  .openapi(results, async (c) => {
    const { experimentId } = c.req.valid('param');
    const { db } = c.var.services;
    const tenantId = c.var.admin.tenantId;
    const experiment = await getExperiment(db, tenantId, experimentId);
    if (!experiment) throw new ApiError(404, 'not_found', `no experiment "${experimentId}"`);
    const counted = new Map((await experimentTallies(db, tenantId, experimentId)).map((t) => [t.name, t]));
    // Every variant appears, in the experiment's order (the control first), exposed or not.
    const tallies = experiment.variants.map(
      (v) => counted.get(v.name) ?? { name: v.name, exposed: 0, completed: 0, abandoned: 0 },
    );
    return c.json(
      {
        experimentId,
        status: experiment.status,
        metric: 'completion' as const,
        control: experiment.variants[0]?.name ?? '',
        variants: tallies.map((t) => ({ ...t, rate: t.exposed === 0 ? 0 : t.completed / t.exposed })),
        ...experimentVerdict(tallies),
        generatedAt: Date.now(),
      },
      200,
    );
  });
