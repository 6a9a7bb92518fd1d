import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { InsightFormat, InterventionEffectiveness } from '@smart-onboarding/protocol';
import { z } from 'zod';
import { interventionTallies } from '../adapters/d1/queries/effectiveness';
import { auditAdmin } from '../admin/audit';
import { requireAdmin } from '../admin/require-admin';
import { adminErrors, adminSecurity } from '../admin/routes/admin-openapi';
import type { AppEnv } from '../http/app-env';
import { csvResponse, toCsv } from '../http/csv';
import { validationHook } from '../http/validation';
import { effectivenessOfTallies } from '../intelligence/intervention/effectiveness';

const trackEffectiveness = createRoute({
  method: 'get',
  path: '/v1/analytics/interventions/effectiveness',
  operationId: 'trackInterventionEffectiveness',
  tags: ['analytics'],
  summary:
    'Share of users progressing within N minutes of an intervention, shown vs held out, with the uplift.',
  description:
    'Progress is the first step the journey completed after the intervention. Overall and per kind, step and persona; intervals are 95% (Wilson per arm, Newcombe for the uplift). `?format=csv` gives one row per group.',
  security: adminSecurity,
  // A secret key (the tenant's server) or a console session: the console's Analytics screen reads it.
  middleware: [requireAdmin('read')],
  request: {
    query: z.object({
      since: z.coerce.number().int().nonnegative().default(0),
      windowMinutes: z.coerce
        .number()
        .positive()
        .max(24 * 60)
        .default(5),
      format: InsightFormat,
    }),
  },
  responses: {
    200: {
      content: {
        'application/json': { schema: InterventionEffectiveness },
        'text/csv': {
          schema: z.string().meta({ description: 'One row per group: all, kind, step, persona.' }),
        },
      },
      description: 'The comparison.',
    },
    ...adminErrors,
  },
});

type Report = ReturnType<typeof effectivenessOfTallies>;
type Row = Pick<Report, 'treated' | 'holdout' | 'uplift' | 'upliftCi95'>;

/** One CSV row per group (the whole, each kind, step and persona), its two proportions and the uplift. */
function effectivenessCsv(report: Report): string {
  const row = (group: string, key: string, r: Row) => ({
    group,
    key,
    treated_n: r.treated.n,
    treated_progressed: r.treated.progressed,
    treated_rate: r.treated.rate,
    holdout_n: r.holdout.n,
    holdout_progressed: r.holdout.progressed,
    holdout_rate: r.holdout.rate,
    uplift: r.uplift,
    uplift_lower95: r.upliftCi95[0],
    uplift_upper95: r.upliftCi95[1],
  });
  const groups = (group: string, rows: Record<string, Row | undefined>) =>
    Object.entries(rows).flatMap(([key, r]) => (r ? [row(group, key, r)] : []));
  const rows = [
    row('all', '', report),
    ...groups('kind', report.byKind),
    ...groups('step', report.byStep),
    ...groups('persona', report.byPersona),
  ];
  const [first] = rows;
  return toCsv(Object.keys(first ?? {}) as (keyof typeof first & string)[], rows as never);
}

export const effectivenessRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(
  trackEffectiveness,
  async (c) => {
    const { since, windowMinutes, format } = c.req.valid('query');
    const windowMs = Math.round(windowMinutes * 60_000);
    const tallies = await interventionTallies(c.var.services.db, c.var.admin.tenantId, since, windowMs);
    const report = effectivenessOfTallies(tallies, windowMs);
    await auditAdmin(c, 'trackInterventionEffectiveness', 'analytics/interventions/effectiveness', {
      since,
      windowMinutes,
      format,
    });
    if (format === 'csv') return csvResponse(c, 'intervention-effectiveness.csv', effectivenessCsv(report));
    return c.json({ since, interventions: tallies.reduce((n, t) => n + t.n, 0), ...report }, 200);
  },
);
