import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * The console's tables: team members, their sessions, Cloudflare Access settings, flow drafts and
 * publishes. Kept apart from `schema.ts` (drizzle.config.ts reads both). Times are epoch milliseconds.
 */

/** A person on a tenant's team. `passwordHash` is null until an invitation is accepted (or for Access-only). */
export const members = sqliteTable(
  'members',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull(),
    /** Lower-case. */
    email: text('email').notNull(),
    role: text('role', { enum: ['owner', 'editor', 'viewer'] }).notNull(),
    status: text('status', { enum: ['invited', 'active'] }).notNull(),
    /** `pbkdf2-sha256$<iterations>$<salt>$<hash>` (see admin/password.ts). */
    passwordHash: text('password_hash'),
    /** SHA-256 of the invitation token, hex; cleared once accepted. */
    invitationHash: text('invitation_hash'),
    invitationExpiresAt: integer('invitation_expires_at'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('members_tenant_email_idx').on(t.tenantId, t.email),
    index('members_invitation_idx').on(t.invitationHash),
  ],
);

/** Console sessions, by the SHA-256 of their cookie token: a copy of this table signs no one in. */
export const adminSessions = sqliteTable(
  'admin_sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    tenantId: text('tenant_id').notNull(),
    memberId: text('member_id').notNull(),
    /** Sent back in `x-so-csrf` by every changing request of this session. */
    csrfToken: text('csrf_token').notNull(),
    via: text('via', { enum: ['password', 'access'] }).notNull(),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [index('admin_sessions_member_idx').on(t.memberId)],
);

/** A tenant's Cloudflare Access application, for sign-in with a verified Access JWT. */
export const tenantAccess = sqliteTable('tenant_access', {
  tenantId: text('tenant_id').primaryKey(),
  teamDomain: text('team_domain').notNull(),
  audience: text('audience').notNull(),
  updatedAt: integer('updated_at').notNull(),
});
/**
 * The draft of a flow being authored. `revision` grows with each save and is the draft's ETag, so two
 * editors saving the same revision get a conflict instead of one losing the other's edit.
 */
export const flowDrafts = sqliteTable(
  'flow_drafts',
  {
    tenantId: text('tenant_id').notNull(),
    flowId: text('flow_id').notNull(),
    /** What the editor saved, JSON; it may not validate yet (publishing requires it to). */
    definition: text('definition', { mode: 'json' }).notNull(),
    revision: integer('revision').notNull(),
    updatedAt: integer('updated_at').notNull(),
    updatedBy: text('updated_by').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.flowId] })],
);

/** Each publish or rollback: who made which version live, from which draft revision or older version. */
export const flowPublishes = sqliteTable(
  'flow_publishes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tenantId: text('tenant_id').notNull(),
    flowId: text('flow_id').notNull(),
    version: integer('version').notNull(),
    kind: text('kind', { enum: ['publish', 'rollback'] }).notNull(),
    /** The draft revision published, or the version rolled back to. */
    source: integer('source').notNull(),
    actor: text('actor').notNull(),
    at: integer('at').notNull(),
  },
  (t) => [index('flow_publishes_flow_idx').on(t.tenantId, t.flowId, t.at)],
);

/** A tenant's targeting rules, in priority order (the first that matches wins). */
export const tenantTargeting = sqliteTable('tenant_targeting', {
  tenantId: text('tenant_id').primaryKey(),
  /** `TargetingRule[]`, JSON. */
  rules: text('rules', { mode: 'json' }).notNull(),
  revision: integer('revision').notNull(),
  updatedAt: integer('updated_at').notNull(),
  updatedBy: text('updated_by').notNull(),
});

/** Traits of a user as the tenant's server set them (secret key): what targeting trusts, not the browser. */
export const userTraits = sqliteTable(
  'user_traits',
  {
    tenantId: text('tenant_id').notNull(),
    userId: text('user_id').notNull(),
    traits: text('traits', { mode: 'json' }).notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.userId] })],
);
