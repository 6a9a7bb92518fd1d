import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { interventionExposures } from '../adapters/d1/queries/effectiveness';
import type { AppEnv } from '../http/app-env';
import { json, keyErrorResponses, security } from '../http/openapi';
import { validationHook } from '../http/validation';
import { trackInterventionEffectiveness } from '../intelligence/intervention/effectiveness';
import { requireKey } from '../middleware/auth/require-key';

const Proportion = z.object({
  n: z.number().int(),
  progressed: z.number().int(),
  rate: z.number(),
  ci95: z.tuple([z.number(), z.number()]),
});

const EffectivenessResponse = z
  .object({
    since: z.number().int(),
    windowMs: z.number().int(),
    interventions: z.number().int(),
    treated: Proportion,
    holdout: Proportion,
    uplift: z.number(),
    upliftCi95: z.tuple([z.number(), z.number()]),
    byKind: z.record(z.string(), z.object({ treated: Proportion, holdout: Proportion, uplift: z.number() })),
  })
  .openapi('InterventionEffectiveness');

const trackEffectiveness = createRoute({
  method: 'get',
  path: '/v1/analytics/interventions/effectiveness',
  operationId: 'trackInterventionEffectiveness',
  tags: ['analytics'],
  summary:
    'Share of users progressing within N minutes of an intervention, shown vs held out, with the uplift.',
  description:
    'Progress is the first step the journey completed after the intervention. Intervals are 95% (Wilson per arm, Newcombe for the uplift).',
  security: security.secretKey,
  middleware: [requireKey({ secret: true })] as const,
  request: {
    query: z.object({
      since: z.coerce.number().int().nonnegative().default(0),
      windowMinutes: z.coerce
        .number()
        .positive()
        .max(24 * 60)
        .default(5),
    }),
  },
  responses: { 200: json(EffectivenessResponse, 'The comparison.'), ...keyErrorResponses },
});

export const effectivenessRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(
  trackEffectiveness,
  async (c) => {
    const { since, windowMinutes } = c.req.valid('query');
    const exposures = await interventionExposures(c.var.services.db, c.var.caller.tenant.id, since);
    const report = trackInterventionEffectiveness(exposures, Math.round(windowMinutes * 60_000));
    return c.json({ since, interventions: exposures.length, ...report }, 200);
  },
);
