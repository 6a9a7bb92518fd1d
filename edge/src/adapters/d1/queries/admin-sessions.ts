import { and, eq, gt } from 'drizzle-orm';
import { adminSessions, members } from '../admin-schema';
import type { Database } from '../client';

type SessionRow = typeof adminSessions.$inferSelect;
type MemberRow = typeof members.$inferSelect;

export async function insertSession(db: Database, row: SessionRow) {
  await db.insert(adminSessions).values(row);
}

/** The live session with this token hash and its member, or null (unknown, expired, member removed). */
export async function findSession(
  db: Database,
  tokenHash: string,
  now = Date.now(),
): Promise<{ session: SessionRow; member: MemberRow } | null> {
  const [row] = await db
    .select({ session: adminSessions, member: members })
    .from(adminSessions)
    .innerJoin(
      members,
      and(eq(members.id, adminSessions.memberId), eq(members.tenantId, adminSessions.tenantId)),
    )
    .where(and(eq(adminSessions.tokenHash, tokenHash), gt(adminSessions.expiresAt, now)))
    .limit(1);
  return row ?? null;
}

export async function deleteSession(db: Database, tokenHash: string) {
  await db.delete(adminSessions).where(eq(adminSessions.tokenHash, tokenHash));
}
