import type { Member, Role } from '@smart-onboarding/protocol';
import { and, eq, gt, sql } from 'drizzle-orm';
import { adminSessions, members } from '../admin-schema';
import type { Database } from '../client';

type MemberRow = typeof members.$inferSelect;

/** A member as the API shows it: never the password hash or the invitation. */
export function publicMember(row: MemberRow): Member {
  const { id, email, role, status, createdAt, updatedAt } = row;
  return { id, email, role, status, createdAt, updatedAt };
}

export async function listMembers(db: Database, tenantId: string): Promise<MemberRow[]> {
  return db.select().from(members).where(eq(members.tenantId, tenantId)).orderBy(members.email);
}

export async function findMember(db: Database, tenantId: string, id: string): Promise<MemberRow | null> {
  const [row] = await db
    .select()
    .from(members)
    .where(and(eq(members.tenantId, tenantId), eq(members.id, id)))
    .limit(1);
  return row ?? null;
}

export async function findMemberByEmail(
  db: Database,
  tenantId: string,
  email: string,
): Promise<MemberRow | null> {
  const [row] = await db
    .select()
    .from(members)
    .where(and(eq(members.tenantId, tenantId), eq(members.email, email)))
    .limit(1);
  return row ?? null;
}

/** Creates an invited member, or null when the e-mail is already on the team. */
export async function insertInvitedMember(
  db: Database,
  input: {
    id: string;
    tenantId: string;
    email: string;
    role: Role;
    invitationHash: string;
    expiresAt: number;
  },
  now = Date.now(),
): Promise<MemberRow | null> {
  const [row] = await db
    .insert(members)
    .values({
      id: input.id,
      tenantId: input.tenantId,
      email: input.email,
      role: input.role,
      status: 'invited',
      invitationHash: input.invitationHash,
      invitationExpiresAt: input.expiresAt,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing()
    .returning();
  return row ?? null;
}

/**
 * Accepts an invitation: sets the password and activates the member, once. The token's hash is cleared in
 * the same statement, so a token signs up one person one time.
 */
export async function acceptInvitation(
  db: Database,
  input: { tenantId: string; invitationHash: string; passwordHash: string },
  now = Date.now(),
): Promise<MemberRow | null> {
  const [row] = await db
    .update(members)
    .set({
      passwordHash: input.passwordHash,
      status: 'active',
      invitationHash: null,
      invitationExpiresAt: null,
      updatedAt: now,
    })
    .where(
      and(
        eq(members.tenantId, input.tenantId),
        eq(members.invitationHash, input.invitationHash),
        gt(members.invitationExpiresAt, now),
      ),
    )
    .returning();
  return row ?? null;
}

/** Marks an invited member active without a password (signed in through Cloudflare Access). */
export async function activateMember(db: Database, member: MemberRow, now = Date.now()): Promise<MemberRow> {
  const [row] = await db
    .update(members)
    .set({ status: 'active', invitationHash: null, invitationExpiresAt: null, updatedAt: now })
    .where(and(eq(members.tenantId, member.tenantId), eq(members.id, member.id)))
    .returning();
  return row ?? member;
}

/**
 * Unless the change keeps an owner, it applies only while another owner remains: checked inside the same
 * statement, so two owners demoting each other at once cannot leave the team with none.
 */
function keepsAnOwner(tenantId: string) {
  return sql`(${members.role} <> 'owner' OR (SELECT count(*) FROM ${members} WHERE ${members.tenantId} = ${tenantId} AND ${members.role} = 'owner') > 1)`;
}

/**
 * Changes a role and signs the member out everywhere, so no session keeps the old role's rights. Null
 * when the member is the last owner and the new role is not owner.
 */
export async function updateMemberRole(
  db: Database,
  tenantId: string,
  id: string,
  role: Role,
  now = Date.now(),
) {
  const where = [eq(members.tenantId, tenantId), eq(members.id, id)];
  if (role !== 'owner') where.push(keepsAnOwner(tenantId));
  const [updated] = await db.batch([
    db
      .update(members)
      .set({ role, updatedAt: now })
      .where(and(...where))
      .returning(),
    db
      .delete(adminSessions)
      .where(
        and(
          eq(adminSessions.tenantId, tenantId),
          eq(adminSessions.memberId, id),
          sql`EXISTS (SELECT 1 FROM ${members} WHERE ${members.id} = ${id} AND ${members.role} = ${role})`,
        ),
      ),
  ]);
  return updated[0] ?? null;
}

/** Removes a member and their sessions; false when they are the last owner. */
export async function deleteMember(db: Database, tenantId: string, id: string): Promise<boolean> {
  const [deleted] = await db.batch([
    db
      .delete(members)
      .where(and(eq(members.tenantId, tenantId), eq(members.id, id), keepsAnOwner(tenantId)))
      .returning({ id: members.id }),
    db
      .delete(adminSessions)
      .where(
        and(
          eq(adminSessions.tenantId, tenantId),
          eq(adminSessions.memberId, id),
          sql`NOT EXISTS (SELECT 1 FROM ${members} WHERE ${members.id} = ${id})`,
        ),
      ),
  ]);
  return deleted.length > 0;
}
