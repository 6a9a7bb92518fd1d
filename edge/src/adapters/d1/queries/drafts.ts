import { and, desc, eq } from 'drizzle-orm';
import { flowDrafts, flowPublishes } from '../admin-schema';
import type { Database } from '../client';

type DraftRow = typeof flowDrafts.$inferSelect;

export async function getDraft(db: Database, tenantId: string, flowId: string): Promise<DraftRow | null> {
  const [row] = await db
    .select()
    .from(flowDrafts)
    .where(and(eq(flowDrafts.tenantId, tenantId), eq(flowDrafts.flowId, flowId)))
    .limit(1);
  return row ?? null;
}

export async function listDrafts(db: Database, tenantId: string): Promise<DraftRow[]> {
  return db.select().from(flowDrafts).where(eq(flowDrafts.tenantId, tenantId));
}

/**
 * Saves a draft if it is still at `expectedRevision` (0: none saved yet), as one conditional statement,
 * so of two editors saving the same revision exactly one wins. Null when the draft has moved on.
 */
export async function saveDraft(
  db: Database,
  input: { tenantId: string; flowId: string; definition: unknown; expectedRevision: number; actor: string },
  now = Date.now(),
): Promise<DraftRow | null> {
  const values = { definition: input.definition, updatedAt: now, updatedBy: input.actor };
  if (input.expectedRevision === 0) {
    const [row] = await db
      .insert(flowDrafts)
      .values({ tenantId: input.tenantId, flowId: input.flowId, revision: 1, ...values })
      .onConflictDoNothing()
      .returning();
    return row ?? null;
  }
  const [row] = await db
    .update(flowDrafts)
    .set({ ...values, revision: input.expectedRevision + 1 })
    .where(
      and(
        eq(flowDrafts.tenantId, input.tenantId),
        eq(flowDrafts.flowId, input.flowId),
        eq(flowDrafts.revision, input.expectedRevision),
      ),
    )
    .returning();
  return row ?? null;
}

export async function recordPublish(db: Database, entry: typeof flowPublishes.$inferInsert) {
  await db.insert(flowPublishes).values(entry);
}

export async function listPublishes(db: Database, tenantId: string, flowId: string) {
  return db
    .select()
    .from(flowPublishes)
    .where(and(eq(flowPublishes.tenantId, tenantId), eq(flowPublishes.flowId, flowId)))
    .orderBy(desc(flowPublishes.id));
}
