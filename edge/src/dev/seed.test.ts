import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { type Database, database } from '../adapters/d1/client';
import { getFlowVersion } from '../adapters/d1/queries/flows';
import { ensureDemoSeeded, seedDemoTenant } from './seed';

describe('the demo tenant', () => {
  it('is never seeded outside development', async () => {
    // A database that fails on any use proves nothing was touched.
    const db = new Proxy(
      {},
      {
        get: () => {
          throw new Error('touched D1');
        },
      },
    ) as Database;
    await expect(ensureDemoSeeded({ environment: 'production', db })).resolves.toBeUndefined();
  });

  it('is seeded idempotently, with its flow', async () => {
    await seedDemoTenant(database(env.DB));
    await seedDemoTenant(database(env.DB));
    const flow = await getFlowVersion(database(env.DB), 'demo', 'creator-studio');
    expect(flow?.version).toBe(1);
    expect(flow?.flow.steps.find((s) => s.id === 'connect-account')?.target?.selector).toBe(
      '#connect-instagram',
    );
    expect(flow?.flow.steps.some((s) => s.variants.length > 0)).toBe(true);
  });
});
