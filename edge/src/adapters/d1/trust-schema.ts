import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * The tenant's and user's say over data (issue 12): consent per user, retention per data class, and
 * where a tenant's escalations go. Kept apart from `schema.ts` (drizzle.config.ts reads it too). Times are
 * epoch milliseconds.
 */

/**
 * A user's consent, as last recorded on the edge, with who recorded it: the browser's banner, the tenant's
 * server (secret key), or the browser's Do-Not-Track / Global Privacy Control signal. While `denied`, the
 * user's events are refused (`consent_denied`).
 */
export const userConsent = sqliteTable(
  'user_consent',
  {
    tenantId: text('tenant_id').notNull(),
    userId: text('user_id').notNull(),
    state: text('state', { enum: ['granted', 'denied'] }).notNull(),
    source: text('source', { enum: ['banner', 'server', 'dnt_gpc'] }).notNull(),
    at: integer('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.userId] })],
);

/** How many days a tenant keeps one data class (`privacy/retention.ts`); a class without a row keeps its default. */
export const tenantRetention = sqliteTable(
  'tenant_retention',
  {
    tenantId: text('tenant_id').notNull(),
    dataClass: text('data_class').notNull(),
    days: integer('days').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.dataClass] })],
);

/** A tenant's own escalation webhook; without a row, the deployment's `ESCALATION_WEBHOOK_*` is used. */
export const tenantEscalationWebhooks = sqliteTable('tenant_escalation_webhooks', {
  tenantId: text('tenant_id').primaryKey(),
  url: text('url').notNull(),
  /** The HMAC key; never returned by the admin API. */
  secret: text('secret').notNull(),
  format: text('format', { enum: ['json', 'slack'] }).notNull(),
  updatedAt: integer('updated_at').notNull(),
});
