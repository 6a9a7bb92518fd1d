import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

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
