import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { recordAudit } from '../adapters/d1/queries/audit';
import { type TrainingCursor, trainingEventsPage } from '../adapters/d1/queries/engagement';
import { toJsonl } from '../events/training-events';
import type { AppEnv } from '../http/app-env';
import { ApiError } from '../http/errors';
import { keyErrorResponses, security } from '../http/openapi';
import { validationHook } from '../http/validation';
import { requireKey } from '../middleware/auth/require-key';

/** `at:id` in base64url, opaque to callers. */
const encodeCursor = (c: TrainingCursor) => btoa(`${c.at}:${c.id}`).replace(/\+/g, '-').replace(/\//g, '_');
function decodeCursor(raw: string): TrainingCursor {
  let text = '';
  try {
    text = atob(raw.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    // reported below
  }
  const at = Number(text.slice(0, text.indexOf(':')));
  const id = text.slice(text.indexOf(':') + 1);
  if (!text.includes(':') || !Number.isSafeInteger(at) || !id)
    throw new ApiError(400, 'validation_failed', 'cursor is not one this endpoint returned');
  return { at, id };
}

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
      ...(q.cursor ? { after: decodeCursor(q.cursor) } : {}),
      limit: q.limit,
    });
    await recordAudit(db, {
      tenantId: caller.tenant.id,
      keyId: caller.key.id,
      action: 'exportTrainingEvents',
      resource: 'training/export',
      details: { since: q.since, events: page.events.length },
    });
    const headers: Record<string, string> = { 'content-type': 'application/x-ndjson; charset=utf-8' };
    if (page.next) headers['x-next-cursor'] = encodeCursor(page.next);
    return c.body(toJsonl(page.events), 200, headers) as never;
  },
);
