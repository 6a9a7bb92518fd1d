import type { EscalationTicket } from '@smart-onboarding/protocol';
import { and, asc, eq, lte } from 'drizzle-orm';
import type { EscalationStore } from '../../../escalation/escalate-to-human';
import type { Database } from '../client';
import { escalations } from '../schema';

/**
 * Escalation tickets in D1's `escalations` table: one row per ticket, rewritten as its delivery
 * progresses (pending → delivered or dead_lettered, with the attempt count). An older write never
 * overwrites a newer one: the row keeps the highest attempt count.
 *
 * @example
 * const store = d1EscalationStore(database(env.DB));
 * await escalateToHuman({ ...deps, store }, input, ctx);
 */
export function d1EscalationStore(db: Database, now: () => number = Date.now): EscalationStore {
  return {
    async save(tenantId, ticket) {
      const row = {
        id: ticket.id,
        tenantId,
        userId: ticket.userId,
        stepId: ticket.stepId ?? null,
        summary: ticket.summary,
        ticket,
        status: ticket.status,
        attempts: ticket.attempts,
        createdAt: ticket.createdAt,
        updatedAt: now(),
      };
      await db
        .insert(escalations)
        .values(row)
        .onConflictDoUpdate({
          target: escalations.id,
          set: {
            ticket,
            status: ticket.status,
            attempts: ticket.attempts,
            summary: ticket.summary,
            updatedAt: row.updatedAt,
          },
          // A stale write (fewer attempts) never replaces a newer one; another tenant's row is never touched.
          setWhere: and(eq(escalations.tenantId, tenantId), lte(escalations.attempts, ticket.attempts)),
        });
    },
  };
}

/** A tenant's tickets still waiting for delivery, oldest first (for a dashboard, or a sweeper). */
export async function pendingEscalations(
  db: Database,
  tenantId: string,
  limit = 100,
): Promise<EscalationTicket[]> {
  const rows = await db
    .select({ ticket: escalations.ticket })
    .from(escalations)
    .where(and(eq(escalations.tenantId, tenantId), eq(escalations.status, 'pending')))
    .orderBy(asc(escalations.createdAt))
    .limit(limit);
  return rows.map((r) => r.ticket as EscalationTicket);
}
