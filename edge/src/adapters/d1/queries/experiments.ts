import type { CreateExperimentRequest, Experiment } from '@smart-onboarding/protocol';
import { and, eq, sql } from 'drizzle-orm';
import type { VariantTally } from '../../../experiments/results';
import type { Database } from '../client';
import { experimentExposures, experiments } from '../insight-schema';
import { journeySummaries } from '../schema';

type ExperimentRow = typeof experiments.$inferSelect;

const toExperiment = ({ tenantId: _t, salt: _s, ...row }: ExperimentRow): Experiment => row;

/** A new running experiment; null when the id is taken. */
export async function createExperiment(
  db: Database,
  tenantId: string,
  input: CreateExperimentRequest,
  actor: string,
  now = Date.now(),
): Promise<Experiment | null> {
  const [row] = await db
    .insert(experiments)
    .values({
      tenantId,
      ...input,
      salt: crypto.randomUUID(),
      status: 'running',
      createdAt: now,
      createdBy: actor,
    })
    .onConflictDoNothing()
    .returning();
  return row ? toExperiment(row) : null;
}

export async function listExperiments(db: Database, tenantId: string): Promise<Experiment[]> {
  const rows = await db.select().from(experiments).where(eq(experiments.tenantId, tenantId));
  return rows.map(toExperiment).sort((a, b) => b.createdAt - a.createdAt);
}

export async function getExperiment(db: Database, tenantId: string, id: string): Promise<Experiment | null> {
  const [row] = await db
    .select()
    .from(experiments)
    .where(and(eq(experiments.tenantId, tenantId), eq(experiments.id, id)));
  return row ? toExperiment(row) : null;
}

/** The experiment running on a flow, with its salt (for assignment), if any. */
export async function runningExperiment(
  db: Database,
  tenantId: string,
  flowId: string,
): Promise<ExperimentRow | null> {
  const [row] = await db
    .select()
    .from(experiments)
    .where(
      and(
        eq(experiments.tenantId, tenantId),
        eq(experiments.flowId, flowId),
        eq(experiments.status, 'running'),
      ),
    )
    .limit(1);
  return row ?? null;
}

export async function stopExperiment(db: Database, tenantId: string, id: string, now = Date.now()) {
  const [row] = await db
    .update(experiments)
    .set({ status: 'stopped', stoppedAt: now })
    .where(and(eq(experiments.tenantId, tenantId), eq(experiments.id, id), eq(experiments.status, 'running')))
    .returning();
  return row ? toExperiment(row) : null;
}

/** Logs a user's exposure; the first one stands (a retried start does not move the time or the variant). */
export async function logExposure(
  db: Database,
  exposure: typeof experimentExposures.$inferInsert,
): Promise<void> {
  await db.insert(experimentExposures).values(exposure).onConflictDoNothing();
}

/** Per variant: users exposed, and how many of their journeys (as D1 last saw them) completed or were abandoned. */
export async function experimentTallies(
  db: Database,
  tenantId: string,
  experimentId: string,
): Promise<VariantTally[]> {
  const rows = await db
    .select({
      name: experimentExposures.variant,
      exposed: sql<number>`count(*)`,
      completed: sql<number>`coalesce(sum(${journeySummaries.status} = 'completed'), 0)`,
      abandoned: sql<number>`coalesce(sum(${journeySummaries.status} = 'abandoned'), 0)`,
    })
    .from(experimentExposures)
    .leftJoin(journeySummaries, eq(journeySummaries.id, experimentExposures.journeyId))
    .where(
      and(eq(experimentExposures.tenantId, tenantId), eq(experimentExposures.experimentId, experimentId)),
    )
    .groupBy(experimentExposures.variant);
  return rows.map((r) => ({
    ...r,
    exposed: Number(r.exposed),
    completed: Number(r.completed),
    abandoned: Number(r.abandoned),
  }));
}
