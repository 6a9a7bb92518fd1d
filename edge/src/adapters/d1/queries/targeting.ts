import { TargetingRule as RuleSchema, type TargetingRule } from '@smart-onboarding/protocol';
import { and, eq } from 'drizzle-orm';
import { tenantTargeting, userTraits } from '../admin-schema';
import type { Database } from '../client';

type Scalar = string | number | boolean | null;

export async function getTargeting(db: Database, tenantId: string) {
  const [row] = await db.select().from(tenantTargeting).where(eq(tenantTargeting.tenantId, tenantId));
  // Stored rules were validated on the way in; parsing again fills defaults added since.
  const rules: TargetingRule[] = row ? (row.rules as unknown[]).map((r) => RuleSchema.parse(r)) : [];
  return { rules, revision: row?.revision ?? 0 };
}

/** Replaces the rules if still at `expectedRevision` (0: never saved); null when someone saved first. */
export async function saveTargeting(
  db: Database,
  input: { tenantId: string; rules: TargetingRule[]; expectedRevision: number; actor: string },
  now = Date.now(),
) {
  const values = { rules: input.rules, updatedAt: now, updatedBy: input.actor };
  const [row] =
    input.expectedRevision === 0
      ? await db
          .insert(tenantTargeting)
          .values({ tenantId: input.tenantId, revision: 1, ...values })
          .onConflictDoNothing()
          .returning()
      : await db
          .update(tenantTargeting)
          .set({ ...values, revision: input.expectedRevision + 1 })
          .where(
            and(
              eq(tenantTargeting.tenantId, input.tenantId),
              eq(tenantTargeting.revision, input.expectedRevision),
            ),
          )
          .returning();
  return row ?? null;
}

export async function getUserTraits(
  db: Database,
  tenantId: string,
  userId: string,
): Promise<Record<string, Scalar>> {
  const [row] = await db
    .select({ traits: userTraits.traits })
    .from(userTraits)
    .where(and(eq(userTraits.tenantId, tenantId), eq(userTraits.userId, userId)));
  return (row?.traits as Record<string, Scalar> | undefined) ?? {};
}

export async function setUserTraits(
  db: Database,
  tenantId: string,
  userId: string,
  traits: Record<string, Scalar>,
  now = Date.now(),
) {
  await db
    .insert(userTraits)
    .values({ tenantId, userId, traits, updatedAt: now })
    .onConflictDoUpdate({
      target: [userTraits.tenantId, userTraits.userId],
      set: { traits, updatedAt: now },
    });
}
