import { env } from 'cloudflare:workers';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { database } from './client';
import { apiKeys, tenants } from './schema';

describe('D1 schema (migrations applied in workerd)', () => {
  it('stores a tenant and its keys, and cascades on delete', async () => {
    const db = database(env.DB);
    await db
      .insert(tenants)
      .values({ id: 't1', name: 'Tenant', allowedOrigins: ['https://app.example'], createdAt: 1 });
    await db
      .insert(apiKeys)
      .values({ id: 'k1', tenantId: 't1', kind: 'publishable', keyHash: 'h1', prefix: 'pk_', createdAt: 1 });
    const tenant = await db.query.tenants.findFirst({ where: eq(tenants.id, 't1') });
    expect(tenant).toMatchObject({ allowedOrigins: ['https://app.example'], allowAnonymous: false });

    await env.DB.exec('PRAGMA foreign_keys = ON');
    await db.delete(tenants).where(eq(tenants.id, 't1'));
    expect(await db.select().from(apiKeys).where(eq(apiKeys.tenantId, 't1'))).toEqual([]);
  });

  it('refuses a second key with the same hash', async () => {
    const db = database(env.DB);
    await db.insert(tenants).values({ id: 't2', name: 'Tenant', createdAt: 1 });
    await db
      .insert(apiKeys)
      .values({ id: 'k2', tenantId: 't2', kind: 'secret', keyHash: 'same', prefix: 'sk_', createdAt: 1 });
    await expect(
      db
        .insert(apiKeys)
        .values({ id: 'k3', tenantId: 't2', kind: 'secret', keyHash: 'same', prefix: 'sk_', createdAt: 1 }),
    ).rejects.toThrow();
  });
});
