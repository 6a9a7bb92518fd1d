// The first tenant: fresh keys and identity secret (Web Crypto), stored with the keys hashed as the edge's
// key check reads them (SHA-256 hex; see edge/src/auth/keys.ts). A tenant that already has a secret key is
// left alone: its keys were shown once, when they were made, and are never shown or replaced again.
import type { CloudflareApi } from './cloudflare-api';

export interface TenantInput {
  id: string;
  name: string;
  origins: string[];
  allowAnonymous: boolean;
}

export interface TenantKeys {
  publishable: string;
  secret: string;
  identitySecret: string;
}

interface Statement {
  sql: string;
  params: (string | number)[];
}

const tenantId = /^[a-z0-9][a-z0-9_-]{0,63}$/;

function validTenantId(id: string): boolean {
  return tenantId.test(id);
}

function originOf(text: string): string | undefined {
  try {
    return new URL(text).origin;
  } catch {
    return undefined;
  }
}

function base64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');
}

function randomToken(bytes: number): string {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

function newTenantKeys(): TenantKeys {
  return {
    publishable: `pk_${randomToken(24)}`,
    secret: `sk_${randomToken(24)}`,
    identitySecret: randomToken(32),
  };
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

async function tenantStatements(tenant: TenantInput, keys: TenantKeys, now: number): Promise<Statement[]> {
  const key = async (kind: 'publishable' | 'secret', value: string): Promise<Statement> => ({
    sql: 'INSERT INTO api_keys (id, tenant_id, kind, key_hash, prefix, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    params: [
      `${tenant.id}-${kind === 'secret' ? 'sk' : 'pk'}-${now}`,
      tenant.id,
      kind,
      await sha256Hex(value),
      value.slice(0, 10),
      now,
    ],
  });
  return [
    {
      sql: 'INSERT OR IGNORE INTO tenants (id, name, allowed_origins, allow_anonymous, identity_secret, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      params: [
        tenant.id,
        tenant.name,
        JSON.stringify(tenant.origins),
        tenant.allowAnonymous ? 1 : 0,
        keys.identitySecret,
        now,
      ],
    },
    await key('publishable', keys.publishable),
    await key('secret', keys.secret),
  ];
}

/** The new tenant's keys, or undefined when the tenant already had keys (a second deploy). */
export async function ensureTenant(
  api: CloudflareApi,
  databaseId: string,
  tenant: TenantInput,
  now: number,
): Promise<TenantKeys | undefined> {
  if (!validTenantId(tenant.id))
    throw new Error(`tenant id ${JSON.stringify(tenant.id)}: a-z, 0-9, "-", "_"`);
  const existing = await api.query(
    databaseId,
    "SELECT id FROM api_keys WHERE tenant_id = ? AND kind = 'secret' AND revoked_at IS NULL",
    [tenant.id],
  );
  const badOrigin = tenant.origins.find((o) => originOf(o) !== o);
  if (badOrigin !== undefined)
    throw new Error(`origin ${JSON.stringify(badOrigin)}: scheme, host and port only`);
  if (existing.length > 0) return undefined;
  const keys = newTenantKeys();
  // The tenant row first (the keys reference it); a run that dies between statements is finished by the next.
  for (const statement of await tenantStatements(tenant, keys, now)) {
    await api.query(databaseId, statement.sql, statement.params);
  }
  return keys;
}
