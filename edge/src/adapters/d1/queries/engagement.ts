import type { BehaviorEvent } from '@smart-onboarding/protocol';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { aggregateEngagement } from '../../../events/aggregate';
import { aggregateHotspots } from '../../../events/hotspots';
import { isTrainingEvent } from '../../../events/training-events';
import type { Database } from '../client';
import { struggleHotspotsDaily } from '../insight-schema';
import { deadLetters, engagementDaily, processedEvents, trainingEvents } from '../schema';

/**
 * Adds a user's events to the daily engagement aggregates, counting each of the user's event ids once however often the
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
        and(
          eq(processedEvents.tenantId, tenantId),
          eq(processedEvents.userId, userId),
          inArray(processedEvents.eventId, ids.slice(i, i + 90)),
        ),
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
  // D1 binds at most 100 parameters per statement: 4 per row.
  const marks = [];
  for (let i = 0; i < fresh.length; i += 25) {
    const rows = fresh.slice(i, i + 25).map((e) => ({ tenantId, userId, eventId: e.id, processedAt: now }));
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
  // Kept for the training export; 7 parameters per row. The id marks above make this run once per event.
  const training = [];
  const kept = fresh.filter(isTrainingEvent);
  for (let i = 0; i < kept.length; i += 14) {
    const rows = kept.slice(i, i + 14).map((e) => ({
      tenantId,
      eventId: e.id,
      userId,
      sessionId: e.sessionId,
      at: e.timestamp,
      eventType: e.eventType,
      event: e,
    }));
    training.push(db.insert(trainingEvents).values(rows).onConflictDoNothing());
  }
  const hotspots = aggregateHotspots(fresh).map((h) =>
    db
      .insert(struggleHotspotsDaily)
      .values({ tenantId, ...h })
      .onConflictDoUpdate({
        target: [
          struggleHotspotsDaily.tenantId,
          struggleHotspotsDaily.stepId,
          struggleHotspotsDaily.element,
          struggleHotspotsDaily.signal,
          struggleHotspotsDaily.day,
        ],
        set: { count: sql`${struggleHotspotsDaily.count} + excluded.count` },
      }),
  );
  const [first, ...rest] = marks;
  await db.batch([first!, ...rest, ...upserts, ...hotspots, ...training]);
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
  owner: { tenantId: string; userId: string } | null = null,
  now = Date.now(),
) {
  let text: string;
  try {
    text = typeof body === 'string' ? body : JSON.stringify(body);
  } catch {
    text = String(body);
  }
  await db.insert(deadLetters).values({
    queue,
    reason,
    body: text.slice(0, 100_000),
    at: now,
    tenantId: owner?.tenantId ?? null,
    userId: owner?.userId ?? null,
  });
}

export async function listDeadLetters(db: Database, queue?: string) {
  const q = db.select().from(deadLetters);
  return queue ? q.where(eq(deadLetters.queue, queue)) : q;
}

/** Where a page of the training export ends: the last event's time and id (events are ordered by both). */
interface TrainingCursor {
  at: number;
  id: string;
}

/**
 * A page of the tenant's training events in (time, id) order, after `after` and before `until`.
 * Returns the events and the cursor of the next page (null at the end).
 */
export async function trainingEventsPage(
  db: Database,
  tenantId: string,
  options: { since: number; until: number; after?: TrainingCursor; limit: number },
): Promise<{ events: BehaviorEvent[]; next: TrainingCursor | null }> {
  const { after } = options;
  const rows = await db
    .select({ at: trainingEvents.at, id: trainingEvents.eventId, event: trainingEvents.event })
    .from(trainingEvents)
    .where(
      and(
        eq(trainingEvents.tenantId, tenantId),
        sql`${trainingEvents.at} >= ${options.since}`,
        sql`${trainingEvents.at} < ${options.until}`,
        after
          ? sql`(${trainingEvents.at} > ${after.at} OR (${trainingEvents.at} = ${after.at} AND ${trainingEvents.eventId} > ${after.id}))`
          : undefined,
      ),
    )
    .orderBy(trainingEvents.at, trainingEvents.eventId)
    .limit(options.limit + 1);
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  return {
    events: page.map((r) => r.event as BehaviorEvent),
    next: rows.length > options.limit && last ? { at: last.at, id: last.id } : null,
  };
}
