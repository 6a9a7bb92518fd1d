import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * What insight needs beyond the journey rows (issue 14): experiments, who was exposed to which variant,
 * and struggle signals by step, element and signal. Kept apart from `schema.ts` (drizzle.config.ts reads
 * it too). Times are epoch milliseconds.
 */

/** One variant of an experiment: its share of users and what it gives them (an arm or a flow version). */
export interface ExperimentVariantRow {
  name: string;
  weight: number;
  arm?: 'smart' | 'adaptive';
  flowVersion?: number;
}

/**
 * A tenant's experiment on one flow. At most one runs per flow (the route checks). `salt` is random at
 * creation: assignment hashes it with the user id, so it is random across users and stable per user.
 */
export const experiments = sqliteTable(
  'experiments',
  {
    tenantId: text('tenant_id').notNull(),
    id: text('id').notNull(),
    flowId: text('flow_id').notNull(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['arm', 'flow_version'] }).notNull(),
    /** `ExperimentVariantRow[]`, the first being the control. */
    variants: text('variants', { mode: 'json' }).$type<ExperimentVariantRow[]>().notNull(),
    salt: text('salt').notNull(),
    status: text('status', { enum: ['running', 'stopped'] }).notNull(),
    createdAt: integer('created_at').notNull(),
    createdBy: text('created_by').notNull(),
    stoppedAt: integer('stopped_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('experiments_tenant_flow_status_idx').on(t.tenantId, t.flowId, t.status),
  ],
);

/** The first decision the edge made for a user under an experiment: once per user and experiment. */
export const experimentExposures = sqliteTable(
  'experiment_exposures',
  {
    tenantId: text('tenant_id').notNull(),
    experimentId: text('experiment_id').notNull(),
    userId: text('user_id').notNull(),
    variant: text('variant').notNull(),
    journeyId: text('journey_id').notNull(),
    exposedAt: integer('exposed_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.experimentId, t.userId] }),
    index('experiment_exposures_variant_idx').on(t.tenantId, t.experimentId, t.variant),
  ],
);

/**
 * Frustration signals per tenant, step, element, signal and UTC day, written by the event consumer: the
 * struggle hot spots. `element` is the signal's selector ('' when it named none), cut to 200 characters.
 */
export const struggleHotspotsDaily = sqliteTable(
  'struggle_hotspots_daily',
  {
    tenantId: text('tenant_id').notNull(),
    stepId: text('step_id').notNull(),
    element: text('element').notNull(),
    signal: text('signal').notNull(),
    /** UTC day, `YYYY-MM-DD`. */
    day: text('day').notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.stepId, t.element, t.signal, t.day] }),
    index('struggle_hotspots_tenant_day_idx').on(t.tenantId, t.day),
  ],
);
