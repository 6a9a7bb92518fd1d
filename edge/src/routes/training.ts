import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { trainingEventsPage } from '../adapters/d1/queries/engagement';
import { toJsonl } from '../events/training-events';
import type { AppEnv } from '../http/app-env';
import { auditSecretCall } from '../http/audit';
import { decodeCursor, encodeCursor } from '../http/cursor';
import { keyErrorResponses, security } from '../http/openapi';
import { validationHook } from '../http/validation';
import { requireKey } from '../middleware/auth/require-key';

const TrainingCursor = z.object({ at: z.number().int(), id: z.string().min(1) });

const exportTrainingEvents = createRoute({
  method: 'get',
  path: '/v1/training/export',
  operationId: 'exportTrainingEvents',
  tags: ['training'],
  summary: "The tenant's feature windows and their weak labels, as JSONL for `pnpm train --from-export`.",
  description:
    'One protocol `BehaviorEvent` per line, in time order: `features` events (fw1 windows) and the outcomes that label them weakly (steps completed or abandoned, interventions accepted, helpful, dismissed or not helpful, `track` events named `help_opened`), as models/README.md documents. Pages of `limit` events; the `x-next-cursor` header, when present, is the `cursor` of the next page. Written to the audit log.',
  security: security.secretKey,
  middleware: [requireKey({ secret: true })] as const,
  request: {
    query: z.object({
      since: z.coerce.number().int().nonnegative().default(0),
      until: z.coerce.number().int().positive().optional(),
      cursor: z.string().max(400).optional(),
      limit: z.coerce.number().int().min(1).max(5000).default(1000),
    }),
  },
  responses: {
    200: {
      description: 'JSONL, one event per line; `x-next-cursor` names the next page.',
      content: { 'application/x-ndjson': { schema: z.string() } },
    },
    ...keyErrorResponses,
  },
});

export const trainingRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(
  exportTrainingEvents,
  async (c) => {
    const q = c.req.valid('query');
    const { caller } = c.var;
    const db = c.var.services.db;
    const page = await trainingEventsPage(db, caller.tenant.id, {
      since: q.since,
      until: q.until ?? Date.now() + 1,
      ...(q.cursor ? { after: decodeCursor(q.cursor, TrainingCursor) } : {}),
      limit: q.limit,
    });
    await auditSecretCall(c, 'exportTrainingEvents', 'training/export', {
      since: q.since,
      events: page.events.length,
    });
    const headers: Record<string, string> = { 'content-type': 'application/x-ndjson; charset=utf-8' };
    if (page.next) headers['x-next-cursor'] = encodeCursor(page.next);
    return c.body(toJsonl(page.events), 200, headers) as never;
  },
);
