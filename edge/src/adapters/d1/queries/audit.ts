import { and, desc, eq } from 'drizzle-orm';
import type { Database } from '../client';
import { auditLog } from '../schema';

interface AuditEntry {
  tenantId: string;
  keyId: string;
  /** What was done, as `<operationId>`: `listJourneys`, `getJourney`, `publishFlow`. */
  action: string;
  /** What it was done to, as a path: `journeys/user-42`. */
  resource: string;
  details?: Record<string, unknown>;
}

export async function recordAudit(db: Database, entry: AuditEntry, now = Date.now()) {
  await db.insert(auditLog).values({ ...entry, details: entry.details ?? null, at: now });
}

export async function listAudit(db: Database, tenantId: string, limit = 100, action?: string) {
  const where = [eq(auditLog.tenantId, tenantId)];
  if (action) where.push(eq(auditLog.action, action));
  return db
    .select()
    .from(auditLog)
    .where(and(...where))
    .orderBy(desc(auditLog.id))
    .limit(limit);
}
