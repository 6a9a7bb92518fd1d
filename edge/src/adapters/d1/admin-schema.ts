import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * The console's tables: team members, their sessions, Cloudflare Access settings. Kept apart from `schema.ts` (drizzle.config.ts reads both). Times are epoch milliseconds.
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
