import { and, asc, eq, type SQL } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { userTraits } from '../adapters/d1/admin-schema';
import type { Database } from '../adapters/d1/client';
import { experimentExposures } from '../adapters/d1/insight-schema';
import {
  deadLetters,
  engagementDaily,
  escalations,
  interventions,
  journeySummaries,
  processedEvents,
  stepCompletions,
  trainingEvents,
} from '../adapters/d1/schema';
import { userConsent } from '../adapters/d1/trust-schema';
import type { DataClass } from './data-classes';

/**
 * Every D1 table that holds rows about one end user, in one list: the user's export and the user's
 * deletion are both generated from it, so a table cannot be exported but not deleted, or the reverse.
 * A test (`edge/test/privacy/user-data.test.ts`) reads D1's own catalogue and fails when a table with a
 * `user_id` column is missing here, so a new table cannot be forgotten either.
 *
 * Not here, on purpose: `user_tombstones` (the deletion's own record: tenant, user id and time, which
 * the consumer needs to drop what is still queued) and `audit_log` (who read or deleted the user with
 * a secret key; it names the user only in its `resource`, and is the tenant's proof the deletion ran).
 * The journey object's storage and the flow learner's journey ids are forgotten by `forgetUser`.
 */
export interface UserTable {
  /** The export's field for this table. */
  key: string;
  table: SQLiteTable;
  tenant: SQLiteColumn;
  user: SQLiteColumn;
  order: SQLiteColumn[];
  /** What the export shows of a row: by default every column but the tenant and the user. */
  present?: (row: Record<string, unknown>) => unknown;
  /**
   * The retention that applies (`privacy/retention.ts`) and the column it is measured on: epoch ms, or a
   * `YYYY-MM-DD` day. None for what lives until the user is deleted (the profile's traits, consent, which
   * is the tenant's proof) and for counted event ids, which are forgotten after their own TTL.
   */
  retention?: { dataClass: DataClass; at: SQLiteColumn; day?: true };
}

const withoutOwner = ({ tenantId: _t, userId: _u, ...row }: Record<string, unknown>) => row;

export const USER_TABLES = [
  {
    key: 'journeySummaries',
    table: journeySummaries,
    tenant: journeySummaries.tenantId,
    user: journeySummaries.userId,
    order: [journeySummaries.startedAt],
    retention: { dataClass: 'journeys', at: journeySummaries.updatedAt },
  },
  {
    key: 'stepCompletions',
    table: stepCompletions,
    tenant: stepCompletions.tenantId,
    user: stepCompletions.userId,
    order: [stepCompletions.at],
    retention: { dataClass: 'events', at: stepCompletions.at },
  },
  {
    key: 'interventions',
    table: interventions,
    tenant: interventions.tenantId,
    user: interventions.userId,
    order: [interventions.createdAt],
    retention: { dataClass: 'events', at: interventions.createdAt },
  },
  {
    key: 'escalations',
    table: escalations,
    tenant: escalations.tenantId,
    user: escalations.userId,
    order: [escalations.createdAt],
    present: (row) => row.ticket,
    retention: { dataClass: 'journeys', at: escalations.updatedAt },
  },
  {
    key: 'engagement',
    table: engagementDaily,
    tenant: engagementDaily.tenantId,
    user: engagementDaily.userId,
    order: [engagementDaily.day, engagementDaily.stepId],
    retention: { dataClass: 'events', at: engagementDaily.day, day: true },
  },
  {
    key: 'trainingEvents',
    table: trainingEvents,
    tenant: trainingEvents.tenantId,
    user: trainingEvents.userId,
    order: [trainingEvents.at, trainingEvents.eventId],
    present: (row) => row.event,
    retention: { dataClass: 'training', at: trainingEvents.at },
  },
  {
    key: 'processedEvents',
    table: processedEvents,
    tenant: processedEvents.tenantId,
    user: processedEvents.userId,
    order: [processedEvents.processedAt, processedEvents.eventId],
  },
  {
    key: 'deadLetters',
    table: deadLetters,
    tenant: deadLetters.tenantId,
    user: deadLetters.userId,
    order: [deadLetters.at],
    present: ({ queue, reason, body, at }) => ({ queue, reason, body, at }),
    retention: { dataClass: 'deadLetters', at: deadLetters.at },
  },
  {
    key: 'serverTraits',
    table: userTraits,
    tenant: userTraits.tenantId,
    user: userTraits.userId,
    order: [userTraits.updatedAt],
    present: ({ traits, updatedAt }) => ({ traits, updatedAt }),
  },
  {
    key: 'experimentExposures',
    table: experimentExposures,
    tenant: experimentExposures.tenantId,
    user: experimentExposures.userId,
    order: [experimentExposures.exposedAt],
    retention: { dataClass: 'journeys', at: experimentExposures.exposedAt },
  },
  {
    key: 'consent',
    table: userConsent,
    tenant: userConsent.tenantId,
    user: userConsent.userId,
    order: [userConsent.at],
  },
] as const satisfies readonly UserTable[];

export type UserTableKey = (typeof USER_TABLES)[number]['key'];

const whereUser = (t: UserTable, tenantId: string, userId: string): SQL =>
  and(eq(t.tenant, tenantId), eq(t.user, userId)) as SQL;

/** Every row the list names for the user, by export key, as the export shows them. */
export async function exportUserRows(
  db: Database,
  tenantId: string,
  userId: string,
): Promise<Record<UserTableKey, unknown[]>> {
  const out = {} as Record<UserTableKey, unknown[]>;
  for (const t of USER_TABLES as readonly UserTable[]) {
    const rows = (await db
      .select()
      .from(t.table)
      .where(whereUser(t, tenantId, userId))
      .orderBy(...t.order.map((c) => asc(c)))) as Record<string, unknown>[];
    out[t.key as UserTableKey] = rows.map(t.present ?? withoutOwner);
  }
  return out;
}

/** The user's journeys by flow, read before deletion so the flow learners can forget their ids. */
export async function journeysByFlow(db: Database, tenantId: string, userId: string) {
  const rows = await db
    .select({ id: journeySummaries.id, flowId: journeySummaries.flowId })
    .from(journeySummaries)
    .where(and(eq(journeySummaries.tenantId, tenantId), eq(journeySummaries.userId, userId)));
  const byFlow = new Map<string, string[]>();
  for (const r of rows) byFlow.set(r.flowId, [...(byFlow.get(r.flowId) ?? []), r.id]);
  return byFlow;
}

/** Deletes the user's rows from every table of the list, in one D1 transaction. */
export async function deleteUserRows(db: Database, tenantId: string, userId: string) {
  const [first, ...rest] = (USER_TABLES as readonly UserTable[]).map((t) =>
    db.delete(t.table).where(whereUser(t, tenantId, userId)),
  );
  await db.batch([first!, ...rest]);
}
