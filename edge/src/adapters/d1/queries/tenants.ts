import { and, eq, isNull } from 'drizzle-orm';
import type { TenantAuth } from '../../../auth/caller';
import type { KeyKind } from '../../../auth/keys';
import { sha256Hex } from '../../../crypto/hmac';
import type { Database } from '../client';
import { apiKeys, tenants } from '../schema';

interface NewTenant {
  id: string;
  name: string;
  allowedOrigins?: string[];
  allowAnonymous?: boolean;
  identitySecret: string;
}

/** Creates a tenant, or leaves an existing one with that id as it is. */
export async function ensureTenant(db: Database, tenant: NewTenant, now = Date.now()) {
  await db
    .insert(tenants)
    .values({
      id: tenant.id,
      name: tenant.name,
      allowedOrigins: tenant.allowedOrigins ?? [],
      allowAnonymous: tenant.allowAnonymous ?? false,
      identitySecret: tenant.identitySecret,
      createdAt: now,
    })
    .onConflictDoNothing();
}

/** Stores a key by its hash (the key itself is never stored). Adding the same key twice is a no-op. */
export async function addApiKey(
  db: Database,
  input: { id: string; tenantId: string; kind: KeyKind; key: string },
  now = Date.now(),
) {
  await db
    .insert(apiKeys)
    .values({
      id: input.id,
      tenantId: input.tenantId,
      kind: input.kind,
      keyHash: await sha256Hex(input.key),
      prefix: input.key.slice(0, 10),
      createdAt: now,
    })
    .onConflictDoNothing();
}

export async function revokeApiKey(db: Database, keyId: string, now = Date.now()) {
  await db.update(apiKeys).set({ revokedAt: now }).where(eq(apiKeys.id, keyId));
}

/** The live key with this hash and its tenant, or null for an unknown or revoked key. */
export async function findKeyByHash(
  db: Database,
  keyHash: string,
): Promise<{ key: { id: string; kind: KeyKind }; tenant: TenantAuth } | null> {
  const rows = await db
    .select({
      keyId: apiKeys.id,
      kind: apiKeys.kind,
      tenantId: tenants.id,
      allowedOrigins: tenants.allowedOrigins,
      allowAnonymous: tenants.allowAnonymous,
      identitySecret: tenants.identitySecret,
    })
    .from(apiKeys)
    .innerJoin(tenants, eq(apiKeys.tenantId, tenants.id))
    .where(and(eq(apiKeys.keyHash, keyHash), isNull(apiKeys.revokedAt)))
    .limit(1);
  const row = rows[0];
  if (!row) return null;
  return {
    key: { id: row.keyId, kind: row.kind },
    tenant: {
      id: row.tenantId,
      allowedOrigins: row.allowedOrigins,
      allowAnonymous: row.allowAnonymous,
      identitySecret: row.identitySecret,
    },
  };
}
