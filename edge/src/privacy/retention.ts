import { eq, getTableName, type SQL, sql } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Database } from '../adapters/d1/client';
import { auditLog } from '../adapters/d1/schema';
import { tenantRetention } from '../adapters/d1/trust-schema';
import { DATA_CLASSES, type DataClass, RETENTION_DEFAULT_DAYS } from './data-classes';
import { USER_TABLES, type UserTable } from './user-data';

const DAY_MS = 86_400_000;

export type RetentionPolicy = Record<DataClass, number>;

interface RetainedTable {
  table: SQLiteTable;
  tenant: SQLiteColumn;
  dataClass: DataClass;
  at: SQLiteColumn;
  day?: true;
}

/**
 * Every table a retention applies to: generated from `USER_TABLES` (each names its class and time
 * column there), so a user table cannot be given a retention here and forgotten there, plus the audit log,
 * which is the tenant's rather than a user's.
 */
export const RETAINED_TABLES: readonly RetainedTable[] = [
  ...(USER_TABLES as readonly UserTable[]).flatMap((t) =>
    t.retention ? [{ table: t.table, tenant: t.tenant, ...t.retention }] : [],
  ),
  { table: auditLog, tenant: auditLog.tenantId, dataClass: 'audit', at: auditLog.at },
];

/** The tenant's policy: what it set, each other class at its default. */
export async function retentionOf(db: Database, tenantId: string): Promise<RetentionPolicy> {
  const rows = await db
    .select({ dataClass: tenantRetention.dataClass, days: tenantRetention.days })
    .from(tenantRetention)
    .where(eq(tenantRetention.tenantId, tenantId));
  const policy: RetentionPolicy = { ...RETENTION_DEFAULT_DAYS };
  for (const r of rows)
    if ((DATA_CLASSES as string[]).includes(r.dataClass)) policy[r.dataClass as DataClass] = r.days;
  return policy;
}

/** Sets the classes named, leaving the others as they were. */
export async function setRetention(
  db: Database,
  tenantId: string,
  days: Partial<RetentionPolicy>,
  now: number,
): Promise<void> {
  const entries = Object.entries(days) as [DataClass, number][];
  if (entries.length === 0) return;
  const [first, ...rest] = entries.map(([dataClass, d]) =>
    db
      .insert(tenantRetention)
      .values({ tenantId, dataClass, days: d, updatedAt: now })
      .onConflictDoUpdate({
        target: [tenantRetention.tenantId, tenantRetention.dataClass],
        set: { days: d, updatedAt: now },
      }),
  );
  await db.batch([first!, ...rest]);
}

/**
 * The oldest time a row of the table keeps, for the row's own tenant: its policy for the class, else the
 * default. In SQL, so one statement per table serves every tenant, however many there are.
 */
function cutoff(t: RetainedTable, now: number): SQL {
  // Qualified by hand: inside a DELETE, drizzle writes the row's column unqualified, which the subquery
  // would read as its own `tenant_id`.
  const rowTenant = sql`${sql.identifier(getTableName(t.table))}.${sql.identifier(t.tenant.name)}`;
  const days = sql`coalesce((select r.days from tenant_retention r where r.tenant_id = ${rowTenant} and r.data_class = ${t.dataClass}), ${RETENTION_DEFAULT_DAYS[t.dataClass]})`;
  return t.day
    ? sql`strftime('%Y-%m-%d', (${now} - ${days} * ${DAY_MS}) / 1000, 'unixepoch')`
    : sql`(${now} - ${days} * ${DAY_MS})`;
}

/**
 * Deletes every row older than its tenant's retention, table by table (the daily cron). A day-keyed row
 * goes once its whole day is past the cutoff.
 */
export async function enforceRetention(db: Database, now: number): Promise<void> {
  const [first, ...rest] = RETAINED_TABLES.map((t) =>
    db.delete(t.table).where(sql`${t.at} < ${cutoff(t, now)}`),
  );
  await db.batch([first!, ...rest]);
}
