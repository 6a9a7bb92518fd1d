import type { BehaviorEvent } from '@smart-onboarding/protocol';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { aggregateEngagement } from '../../events/aggregate';
import type { Database } from '../client';
import { deadLetters, engagementDaily, processedEvents } from '../schema';

/**
 * Adds a user's events to the daily engagement aggregates, counting each event id once however often the
 * queue delivers it. Events already counted are dropped first; the rest are marked and added in one D1
 * transaction, whose plain INSERT of the ids fails (and rolls everything back) if a concurrent delivery
 * counted one of them in between, so the message is retried and finds them counted.
 *
 * @returns how many events were new
 */
export async function addEngagement(
  db: Database,
  tenantId: string,
  userId: string,
  events: readonly BehaviorEvent[],
  now = Date.now(),
): Promise<number> {
  const ids = [...new Set(events.map((e) => e.id))];
  const seen = new Set<string>();
  // D1 binds at most 100 parameters per statement.
  for (let i = 0; i < ids.length; i += 90) {
    const rows = await db
      .select({ id: processedEvents.eventId })
      .from(processedEvents)
      .where(
        and(eq(processedEvents.tenantId, tenantId), inArray(processedEvents.eventId, ids.slice(i, i + 90))),
      );
    for (const r of rows) seen.add(r.id);
  }
  const fresh: BehaviorEvent[] = [];
  const taken = new Set<string>();
  for (const e of events) {
    if (seen.has(e.id) || taken.has(e.id)) continue;
    taken.add(e.id);
    fresh.push(e);
  }
  if (fresh.length === 0) return 0;

  // A plain INSERT (no ON CONFLICT): an id counted meanwhile fails the whole transaction, see above.
  // D1 binds at most 100 parameters per statement: 3 per row.
  const marks = [];
  for (let i = 0; i < fresh.length; i += 33) {
    const rows = fresh.slice(i, i + 33).map((e) => ({ tenantId, eventId: e.id, processedAt: now }));
    marks.push(db.insert(processedEvents).values(rows));
  }
  const upserts = aggregateEngagement(userId, fresh).map((a) =>
    db
      .insert(engagementDaily)
      .values({ tenantId, ...a })
      .onConflictDoUpdate({
        target: [
          engagementDaily.tenantId,
          engagementDaily.userId,
          engagementDaily.stepId,
          engagementDaily.day,
        ],
        set: {
          events: sql`${engagementDaily.events} + excluded.events`,
          signals: sql`${engagementDaily.signals} + excluded.signals`,
          struggleReports: sql`${engagementDaily.struggleReports} + excluded.struggle_reports`,
          maxStruggleScore: sql`max(${engagementDaily.maxStruggleScore}, excluded.max_struggle_score)`,
          timeSpentMs: sql`${engagementDaily.timeSpentMs} + excluded.time_spent_ms`,
          clicks: sql`${engagementDaily.clicks} + excluded.clicks`,
          stepActions: sql`${engagementDaily.stepActions} + excluded.step_actions`,
          interventionResponses: sql`${engagementDaily.interventionResponses} + excluded.intervention_responses`,
        },
      }),
  );
  const [first, ...rest] = marks;
  await db.batch([first!, ...rest, ...upserts]);
  return fresh.length;
}

export async function engagementOf(db: Database, tenantId: string, userId: string) {
  return db
    .select()
    .from(engagementDaily)
    .where(and(eq(engagementDaily.tenantId, tenantId), eq(engagementDaily.userId, userId)))
    .orderBy(engagementDaily.day, engagementDaily.stepId);
}

/** Forgets counted event ids older than `before`: a redelivery that late would be counted again. */
export async function pruneProcessedEvents(db: Database, before: number) {
  await db.delete(processedEvents).where(sql`${processedEvents.processedAt} < ${before}`);
}

export async function recordDeadLetter(
  db: Database,
  queue: string,
  reason: string,
  body: unknown,
  now = Date.now(),
) {
  let text: string;
  try {
    text = typeof body === 'string' ? body : JSON.stringify(body);
  } catch {
    text = String(body);
  }
  await db.insert(deadLetters).values({ queue, reason, body: text.slice(0, 100_000), at: now });
}

export async function listDeadLetters(db: Database, queue?: string) {
  const q = db.select().from(deadLetters);
  return queue ? q.where(eq(deadLetters.queue, queue)) : q;
}
