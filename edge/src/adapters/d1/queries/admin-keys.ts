import type { ApiKeyInfo } from '@smart-onboarding/protocol';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { tenantAccess } from '../admin-schema';
import type { Database } from '../client';
import { apiKeys, tenants } from '../schema';

/** The tenant's keys, newest first, as the console lists them (prefixes only: keys are stored hashed). */
export async function listApiKeys(db: Database, tenantId: string): Promise<ApiKeyInfo[]> {
  return db
    .select({
      id: apiKeys.id,
      kind: apiKeys.kind,
      prefix: apiKeys.prefix,
      createdAt: apiKeys.createdAt,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .where(eq(apiKeys.tenantId, tenantId))
    .orderBy(desc(apiKeys.createdAt), apiKeys.id);
}

/** A live key of this tenant, or null: a key id from another tenant is not found, never touched. */
export async function findLiveKey(db: Database, tenantId: string, keyId: string) {
  const [row] = await db
    .select({ id: apiKeys.id, kind: apiKeys.kind })
    .from(apiKeys)
    .where(and(eq(apiKeys.tenantId, tenantId), eq(apiKeys.id, keyId), isNull(apiKeys.revokedAt)))
    .limit(1);
  return row ?? null;
}

export async function getAllowedOrigins(db: Database, tenantId: string): Promise<string[]> {
  const [row] = await db
    .select({ allowedOrigins: tenants.allowedOrigins })
    .from(tenants)
    .where(eq(tenants.id, tenantId));
  return row?.allowedOrigins ?? [];
}

export async function setAllowedOrigins(db: Database, tenantId: string, allowedOrigins: string[]) {
  await db.update(tenants).set({ allowedOrigins }).where(eq(tenants.id, tenantId));
}

export async function getAccessConfig(db: Database, tenantId: string) {
  const [row] = await db
    .select({ teamDomain: tenantAccess.teamDomain, audience: tenantAccess.audience })
    .from(tenantAccess)
    .where(eq(tenantAccess.tenantId, tenantId));
  return row ?? null;
}

export async function setAccessConfig(
  db: Database,
  tenantId: string,
  config: { teamDomain: string; audience: string },
  now = Date.now(),
) {
  await db
    .insert(tenantAccess)
    .values({ tenantId, ...config, updatedAt: now })
    .onConflictDoUpdate({ target: tenantAccess.tenantId, set: { ...config, updatedAt: now } });
}
