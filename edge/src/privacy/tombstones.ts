import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../adapters/d1/client';
import { userTombstones } from '../adapters/d1/schema';

/**
 * Records that the user was deleted at `deletedAt` (the journey object's clock, the clock that stamps
 * queue messages). A second deletion moves the time forward, never back.
 */
export async function recordTombstone(db: Database, tenantId: string, userId: string, deletedAt: number) {
  await db
    .insert(userTombstones)
    .values({ tenantId, userId, deletedAt })
    .onConflictDoUpdate({
      target: [userTombstones.tenantId, userTombstones.userId],
      set: { deletedAt: sql`max(${userTombstones.deletedAt}, excluded.deleted_at)` },
    });
}

/** When the user was last deleted, or null if never. */
export async function tombstoneOf(db: Database, tenantId: string, userId: string): Promise<number | null> {
  const [row] = await db
    .select({ deletedAt: userTombstones.deletedAt })
    .from(userTombstones)
    .where(and(eq(userTombstones.tenantId, tenantId), eq(userTombstones.userId, userId)));
  return row?.deletedAt ?? null;
}

/**
 * Whether a message enqueued at `enqueuedAt` was overtaken by a deletion. A message from before
 * enqueue times were stamped counts as enqueued at 0: deletion wins.
 */
export function overtakenBy(deletedAt: number | null, enqueuedAt: number | undefined): boolean {
  return deletedAt !== null && (enqueuedAt ?? 0) <= deletedAt;
}
