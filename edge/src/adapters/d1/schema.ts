import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * What is queried across users lives in D1; what belongs to one journey lives in its Durable Object.
 * Times are epoch milliseconds, as on the wire.
 */

export const tenants = sqliteTable('tenants', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  /** Browser origins allowed to use this tenant's publishable keys (JSON array of strings). */
  allowedOrigins: text('allowed_origins', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
  allowAnonymous: integer('allow_anonymous', { mode: 'boolean' }).notNull().default(false),
  /**
   * The secret a tenant's server signs user ids with (`HMAC-SHA256(identitySecret, userId)`), kept in clear
   * because verifying an HMAC needs the key itself; unlike API keys, it cannot be stored hashed.
   */
  identitySecret: text('identity_secret').notNull().default(''),
  createdAt: integer('created_at').notNull(),
});

export const apiKeys = sqliteTable(
  'api_keys',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['publishable', 'secret'] }).notNull(),
    /** SHA-256 of the key, hex. Keys are shown once at creation and never stored in clear. */
    keyHash: text('key_hash').notNull().unique(),
    /** The first characters of the key, so a person can tell keys apart in a list. */
    prefix: text('prefix').notNull(),
    createdAt: integer('created_at').notNull(),
    revokedAt: integer('revoked_at'),
  },
  (t) => [index('api_keys_tenant_idx').on(t.tenantId)],
);

/** A tenant's flow: its name and which version is the latest. The definitions live in `flow_versions`. */
export const flows = sqliteTable(
  'flows',
  {
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    id: text('id').notNull(),
    name: text('name').notNull(),
    latestVersion: integer('latest_version').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

/** Immutable versions of a flow; a journey pins the version it started on. */
export const flowVersions = sqliteTable(
  'flow_versions',
  {
    tenantId: text('tenant_id').notNull(),
    flowId: text('flow_id').notNull(),
    version: integer('version').notNull(),
    /** The validated `FlowDefinition`, JSON. */
    definition: text('definition', { mode: 'json' }).notNull(),
    /** SHA-256 of the canonical definition: publishing the same definition twice does not add a version. */
    contentHash: text('content_hash').notNull(),
    createdAt: integer('created_at').notNull(),
    createdByKeyId: text('created_by_key_id'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.flowId, t.version] })],
);

/** One row per journey, written by its Durable Object after each change: what dashboards query. */
export const journeySummaries = sqliteTable(
  'journey_summaries',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull(),
    userId: text('user_id').notNull(),
    flowId: text('flow_id').notNull(),
    flowVersion: integer('flow_version').notNull(),
    status: text('status', { enum: ['active', 'completed', 'abandoned'] }).notNull(),
    currentStepId: text('current_step_id'),
    stepsCompleted: integer('steps_completed').notNull().default(0),
    stepsSkipped: integer('steps_skipped').notNull().default(0),
    interventions: integer('interventions').notNull().default(0),
    predictedSuccessRate: real('predicted_success_rate').notNull(),
    startedAt: integer('started_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    completedAt: integer('completed_at'),
    // For analysis (`analytics/journey-analysis.ts`): who, in which arm, cohort and experiment, on what
    // device, and how it ended.
    persona: text('persona').notNull().default('unknown'),
    proficiency: text('proficiency').notNull().default('unknown'),
    arm: text('arm').notNull().default('smart'),
    cohort: text('cohort').notNull().default('default'),
    experimentId: text('experiment_id'),
    experimentVariant: text('experiment_variant'),
    deviceClass: text('device_class').notNull().default('unknown'),
    /** What closed an abandoned journey: `reported`, `session_end` or `inactivity`. */
    abandonedBy: text('abandoned_by'),
    timeToCompleteMs: integer('time_to_complete_ms'),
  },
  (t) => [
    index('journey_summaries_tenant_flow_idx').on(t.tenantId, t.flowId, t.status),
    index('journey_summaries_tenant_experiment_idx').on(t.tenantId, t.experimentId),
    index('journey_summaries_tenant_user_idx').on(t.tenantId, t.userId),
    // Covers the funnel and time-to-complete views (bench:analytics): every split column and the id the
    // step join needs, so a flow's journeys are read from the index alone. It replaces the index on
    // (tenant, flow, started) of migration 0005, its prefix.
    index('journey_summaries_analysis_idx').on(
      t.tenantId,
      t.flowId,
      t.startedAt,
      t.status,
      t.persona,
      t.arm,
      t.deviceClass,
      t.cohort,
      t.flowVersion,
      t.timeToCompleteMs,
      t.id,
    ),
  ],
);

export const stepCompletions = sqliteTable(
  'step_completions',
  {
    journeyId: text('journey_id').notNull(),
    stepId: text('step_id').notNull(),
    tenantId: text('tenant_id').notNull(),
    userId: text('user_id').notNull(),
    flowId: text('flow_id').notNull(),
    action: text('action', { enum: ['completed', 'skipped'] }).notNull(),
    at: integer('at').notNull(),
    durationMs: integer('duration_ms').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.journeyId, t.stepId] }),
    index('step_completions_tenant_flow_idx').on(t.tenantId, t.flowId, t.stepId),
    // A journey's completions in time order, covering: the funnel's step counts and the effectiveness
    // view's "first completion after the intervention" are seeks, not scans (bench:analytics).
    index('step_completions_tenant_journey_idx').on(t.tenantId, t.journeyId, t.action, t.at, t.stepId),
  ],
);

export const interventions = sqliteTable(
  'interventions',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull(),
    userId: text('user_id').notNull(),
    journeyId: text('journey_id').notNull(),
    stepId: text('step_id'),
    kind: text('kind').notNull(),
    holdout: integer('holdout', { mode: 'boolean' }).notNull(),
    reason: text('reason').notNull().default(''),
    outcome: text('outcome'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('interventions_tenant_idx').on(t.tenantId, t.createdAt)],
);

export const escalations = sqliteTable(
  'escalations',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull(),
    userId: text('user_id').notNull(),
    stepId: text('step_id'),
    summary: text('summary').notNull(),
    /** The full `EscalationTicket`, JSON. */
    ticket: text('ticket', { mode: 'json' }).notNull(),
    status: text('status', { enum: ['pending', 'delivered', 'dead_lettered'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('escalations_tenant_status_idx').on(t.tenantId, t.status)],
);

/** Who read or changed what through an admin (secret-key) API. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tenantId: text('tenant_id').notNull(),
    keyId: text('key_id').notNull(),
    action: text('action').notNull(),
    resource: text('resource').notNull(),
    at: integer('at').notNull(),
    details: text('details', { mode: 'json' }),
  },
  (t) => [index('audit_log_tenant_at_idx').on(t.tenantId, t.at)],
);

/**
 * Engagement per user, step and UTC day, written by the event queue's consumer. `stepId` is '' for
 * events outside any step.
 */
export const engagementDaily = sqliteTable(
  'engagement_daily',
  {
    tenantId: text('tenant_id').notNull(),
    userId: text('user_id').notNull(),
    stepId: text('step_id').notNull(),
    /** UTC day, `YYYY-MM-DD`. */
    day: text('day').notNull(),
    events: integer('events').notNull().default(0),
    signals: integer('signals').notNull().default(0),
    struggleReports: integer('struggle_reports').notNull().default(0),
    maxStruggleScore: real('max_struggle_score').notNull().default(0),
    timeSpentMs: integer('time_spent_ms').notNull().default(0),
    clicks: integer('clicks').notNull().default(0),
    stepActions: integer('step_actions').notNull().default(0),
    interventionResponses: integer('intervention_responses').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.userId, t.stepId, t.day] }),
    // Covers the tenant-wide engagement views over a window (bench:analytics: about 4 times faster than
    // the (tenant, day) index it replaces, its prefix), read from the index alone.
    index('engagement_daily_tenant_day_cover_idx').on(
      t.tenantId,
      t.day,
      t.stepId,
      t.userId,
      t.events,
      t.signals,
      t.struggleReports,
      t.maxStruggleScore,
      t.timeSpentMs,
      t.clicks,
      t.stepActions,
      t.interventionResponses,
    ),
  ],
);

/**
 * Event ids the consumer has counted: queues deliver at least once, aggregates must count once. Per user:
 * ids are chosen by browsers, so one user's id must never silence another's event (issue 12, hole 6).
 */
export const processedEvents = sqliteTable(
  'processed_events',
  {
    tenantId: text('tenant_id').notNull(),
    userId: text('user_id').notNull().default(''),
    eventId: text('event_id').notNull(),
    processedAt: integer('processed_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.userId, t.eventId] }),
    index('processed_events_at_idx').on(t.processedAt),
  ],
);

/**
 * Messages no consumer could process, kept for a person to look at. The tenant and user are those the
 * message names, when it names them (an event message does), so a user's dead letters are exported and
 * deleted with the user.
 */
export const deadLetters = sqliteTable(
  'dead_letters',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    queue: text('queue').notNull(),
    reason: text('reason').notNull(),
    body: text('body').notNull(),
    at: integer('at').notNull(),
    tenantId: text('tenant_id'),
    userId: text('user_id'),
  },
  (t) => [index('dead_letters_tenant_user_idx').on(t.tenantId, t.userId)],
);

/**
 * Users deleted (`DELETE /v1/journeys/{userId}`), with when their journey object forgot them: the event
 * consumer drops every message enqueued until then, so events still on the queue never re-create what
 * the deletion removed (issue 12, hole 4).
 */
export const userTombstones = sqliteTable(
  'user_tombstones',
  {
    tenantId: text('tenant_id').notNull(),
    userId: text('user_id').notNull(),
    deletedAt: integer('deleted_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.userId] })],
);

/**
 * Events kept for training the struggle model (`models`' `trainFromExport`): feature windows and the
 * outcomes that label them weakly (steps completed or abandoned, intervention answers, help opened), as
 * the protocol's `BehaviorEvent` JSON. Written by the event consumer, once per user and event id.
 */
export const trainingEvents = sqliteTable(
  'training_events',
  {
    tenantId: text('tenant_id').notNull(),
    eventId: text('event_id').notNull(),
    userId: text('user_id').notNull(),
    sessionId: text('session_id').notNull(),
    at: integer('at').notNull(),
    eventType: text('event_type').notNull(),
    event: text('event', { mode: 'json' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.userId, t.eventId] }),
    index('training_events_tenant_at_idx').on(t.tenantId, t.at),
    index('training_events_tenant_user_idx').on(t.tenantId, t.userId),
  ],
);

/** A tenant's help library: what contextual help is grounded in (uploaded with the secret key). */
export const helpArticles = sqliteTable(
  'help_articles',
  {
    tenantId: text('tenant_id').notNull(),
    id: text('id').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    url: text('url'),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

/**
 * Azure OpenAI embeddings of help articles, with the model and the hash of the text they were computed
 * from (stale when either changes). Retrieval is brute-force cosine similarity over a tenant's rows.
 */
export const helpEmbeddings = sqliteTable(
  'help_embeddings',
  {
    tenantId: text('tenant_id').notNull(),
    articleId: text('article_id').notNull(),
    model: text('model').notNull(),
    contentHash: text('content_hash').notNull(),
    /** JSON array of numbers. */
    vector: text('vector', { mode: 'json' }).notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.articleId] })],
);
