import type { EngagementDay } from '@smart-onboarding/protocol';
import { and, eq, gte, sql } from 'drizzle-orm';
import type { Database } from '../client';
import { engagementDaily } from '../schema';

/**
 * A tenant's daily engagement added up over its users, by step and day, from `fromDay` (`YYYY-MM-DD`)
 * on: the same rows `analyzeEngagementPatterns` reads for one user, so the tenant gets the same analysis.
 * Also how many users were active in the window.
 */
export async function tenantEngagementDays(
  db: Database,
  tenantId: string,
  fromDay: string,
): Promise<{ days: EngagementDay[]; users: number }> {
  const e = engagementDaily;
  const inWindow = and(eq(e.tenantId, tenantId), gte(e.day, fromDay));
  const days = await db
    .select({
      stepId: e.stepId,
      day: e.day,
      events: sql<number>`sum(${e.events})`,
      signals: sql<number>`sum(${e.signals})`,
      struggleReports: sql<number>`sum(${e.struggleReports})`,
      maxStruggleScore: sql<number>`max(${e.maxStruggleScore})`,
      timeSpentMs: sql<number>`sum(${e.timeSpentMs})`,
      clicks: sql<number>`sum(${e.clicks})`,
      stepActions: sql<number>`sum(${e.stepActions})`,
      interventionResponses: sql<number>`sum(${e.interventionResponses})`,
    })
    .from(e)
    .where(inWindow)
    .groupBy(e.stepId, e.day)
    .orderBy(e.day, e.stepId);
  const [count] = await db
    .select({ users: sql<number>`count(distinct ${e.userId})` })
    .from(e)
    .where(and(inWindow, sql`${e.events} > 0`));
  return { days, users: count?.users ?? 0 };
}

/** Where a page of the user list ends: the last row's sort key. */
export interface UserPageCursor {
  struggleReports: number;
  events: number;
  userId: string;
}

/** One user's engagement in the window, added up over steps and days. */
interface UserEngagementTotals {
  userId: string;
  events: number;
  timeSpentMs: number;
  clicks: number;
  signals: number;
  struggleReports: number;
  maxStruggleScore: number;
  activeDays: number;
  lastActiveDay: string;
}

/**
 * A page of the tenant's users active since `fromDay`, most struggle reports first (then most events, then
 * by id), so a person sees first who needs help most. Keyset-paged: `after` is the last row of the page
 * before. Returns `limit` rows at most and the cursor of the next page (null at the end).
 */
export async function userEngagementPage(
  db: Database,
  tenantId: string,
  options: { fromDay: string; limit: number; after?: UserPageCursor },
): Promise<{ users: UserEngagementTotals[]; next: UserPageCursor | null }> {
  const e = engagementDaily;
  const struggle = sql<number>`sum(${e.struggleReports})`;
  const events = sql<number>`sum(${e.events})`;
  const { after } = options;
  const rows = await db
    .select({
      userId: e.userId,
      events,
      timeSpentMs: sql<number>`sum(${e.timeSpentMs})`,
      clicks: sql<number>`sum(${e.clicks})`,
      signals: sql<number>`sum(${e.signals})`,
      struggleReports: struggle,
      maxStruggleScore: sql<number>`max(${e.maxStruggleScore})`,
      activeDays: sql<number>`count(distinct case when ${e.events} > 0 then ${e.day} end)`,
      lastActiveDay: sql<string>`max(${e.day})`,
    })
    .from(e)
    .where(and(eq(e.tenantId, tenantId), gte(e.day, options.fromDay)))
    .groupBy(e.userId)
    .having(
      after
        ? sql`(${struggle} < ${after.struggleReports})
            OR (${struggle} = ${after.struggleReports} AND ${events} < ${after.events})
            OR (${struggle} = ${after.struggleReports} AND ${events} = ${after.events} AND ${e.userId} > ${after.userId})`
        : undefined,
    )
    .orderBy(sql`${struggle} DESC`, sql`${events} DESC`, e.userId)
    .limit(options.limit + 1);
  const users = rows.slice(0, options.limit);
  const last = users.at(-1);
  return {
    users,
    next:
      rows.length > options.limit && last
        ? { struggleReports: last.struggleReports, events: last.events, userId: last.userId }
        : null,
  };
}
