import { z } from 'zod';
import { EpochMs, Slug } from './common';

/**
 * Authoring flows in the console: a draft per flow, versioned by `revision` (its ETag: saves and
 * publishes send it back in `If-Match`, so two editors cannot overwrite each other), published as
 * immutable versions, with history, diffs and rollback. Nothing published changes until a publish.
 */

/** Where a draft fails the flow schema or the graph checks, by field path (`steps.1.prerequisites`). */
export const FieldIssue = z.object({ path: z.string(), message: z.string() }).meta({ id: 'FieldIssue' });

export const FlowDraft = z
  .object({
    flowId: Slug,
    /** What the editor saved; may not validate yet. */
    definition: z.unknown(),
    /** 0 when nothing is saved yet (the draft is then the latest published version, or empty). */
    revision: z.number().int().nonnegative(),
    updatedAt: EpochMs.nullable(),
    updatedBy: z.string().nullable(),
    latestVersion: z.number().int().positive().nullable(),
    issues: z.array(FieldIssue),
  })
  .meta({ id: 'FlowDraft' });

export const AdminFlowSummary = z
  .object({
    id: Slug,
    name: z.string(),
    latestVersion: z.number().int().positive().nullable(),
    draftRevision: z.number().int().nonnegative(),
    updatedAt: EpochMs,
  })
  .meta({ id: 'AdminFlowSummary' });

export const AdminFlowListResponse = z
  .object({ flows: z.array(AdminFlowSummary) })
  .meta({ id: 'AdminFlowListResponse' });

export const FlowHistoryEntry = z
  .object({
    version: z.number().int().positive(),
    createdAt: EpochMs,
    name: z.string(),
    steps: z.number().int(),
    kind: z.enum(['publish', 'rollback', 'api']),
    /** The draft revision published, or the version rolled back to. */
    source: z.number().int().nullable(),
    actor: z.string().nullable(),
  })
  .meta({ id: 'FlowHistoryEntry' });

export const FlowHistoryResponse = z
  .object({ versions: z.array(FlowHistoryEntry) })
  .meta({ id: 'FlowHistoryResponse' });

export const FlowChange = z
  .object({
    path: z.string(),
    kind: z.enum(['added', 'removed', 'changed', 'moved']),
    before: z.unknown().optional(),
    after: z.unknown().optional(),
  })
  .meta({ id: 'FlowChange' });

export const FlowDiffResponse = z
  .object({ from: z.string(), to: z.string(), changes: z.array(FlowChange) })
  .meta({ id: 'FlowDiffResponse' });

export const RollbackRequest = z
  .object({ version: z.number().int().positive() })
  .strict()
  .meta({ id: 'RollbackRequest' });

export type FieldIssue = z.infer<typeof FieldIssue>;
export type FlowChange = z.infer<typeof FlowChange>;
export type FlowDraft = z.infer<typeof FlowDraft>;
export type AdminFlowSummary = z.infer<typeof AdminFlowSummary>;
export type FlowHistoryEntry = z.infer<typeof FlowHistoryEntry>;
export type FlowDiffResponse = z.infer<typeof FlowDiffResponse>;
