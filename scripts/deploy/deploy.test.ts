// The whole deploy against a Cloudflare API stand-in over real HTTP (D1 as real SQLite), with the real
// wrangler bundling the Worker. Only wrangler's upload (`wrangler deploy` without --dry-run) is replaced:
// it talks to Cloudflare's script upload endpoints, which no stand-in here can honour.
import { createHash, randomUUID } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloudflareApi } from './cloudflare-api';
import { type FakeCloudflare, startFakeCloudflare } from './fake-cloudflare';
import { runDeploy } from './run';
import { type Wrangler, wranglerIn } from './wrangler';

const edgeDir = path.resolve(import.meta.dirname, '../../edge');
const configName = `wrangler.deploy.test-${randomUUID().slice(0, 8)}.json`;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

let cf: FakeCloudflare;
const uploads: { args: readonly string[]; env: Readonly<Record<string, string>> }[] = [];
const realWrangler = wranglerIn(edgeDir);
// The upload records what it was asked and marks the Worker deployed, as Cloudflare would.
const wrangler: Wrangler = async (args, env = {}) => {
  if (args.includes('--dry-run')) return realWrangler(args, env);
  uploads.push({ args, env });
  cf.scripts.set('smart-onboarding-edge', 'v2');
  return 'Uploaded smart-onboarding-edge';
};

beforeAll(async () => {
  cf = await startFakeCloudflare({ pageSize: 2 });
});
afterAll(async () => {
  await cf.close();
  await rm(path.join(edgeDir, configName), { force: true });
});

function deploy(dryRun: boolean, log: string[] = []) {
  return runDeploy(
    {
      edgeDir,
      dryRun,
      configName,
      secrets: { UPSTASH_REDIS_REST_URL: 'https://cache.example', UPSTASH_REDIS_REST_TOKEN: 't0ken' },
      tenant: { id: 'acme', name: "Acme's", origins: ['https://app.acme.com'], allowAnonymous: false },
    },
    {
      api: cloudflareApi({ accountId: cf.accountId, token: cf.token, baseUrl: cf.baseUrl }),
      wrangler,
      wranglerEnv: { CLOUDFLARE_API_TOKEN: cf.token, CLOUDFLARE_ACCOUNT_ID: cf.accountId },
      log: (line) => log.push(line),
      now: () => 1_700_000_000_000,
    },
  );
}

const writes = () => cf.requests.filter((r) => !r.startsWith('GET') && !r.endsWith('/query'));

describe('pnpm run deploy', () => {
  it('plans on a dry run and writes nothing to the account', async () => {
    cf.queues.set('so-events', 'q-existing'); // one queue made by hand earlier is reused, not duplicated
    const log: string[] = [];
    const result = await deploy(true, log);
    expect(result.created).toEqual([]);
    expect(writes()).toEqual([]);
    expect(uploads).toEqual([]);
    expect(log).toContain('would create D1 database smart-onboarding');
    expect(log).toContain('would create queue so-events-dlq');
    expect(log).toContain('reuse queue so-events (q-existing)');
    expect(log.some((l) => /would apply migrations 0000_init\.sql, 0001_/.test(l))).toBe(true);
    expect(log).toContain('would upload secret UPSTASH_REDIS_REST_URL');
    expect(result.bundle.over).toBe(false);
    expect(result.bundle.gzipBytes).toBeGreaterThan(100_000);
  });

  it('creates what is missing, migrates, deploys the generated config, uploads secrets and the first tenant', async () => {
    const result = await deploy(false);
    expect(result.created).toEqual(['D1 database smart-onboarding', 'queue so-events-dlq']);
    const database = cf.databases.get('smart-onboarding')!;
    const generated = JSON.parse(await readFile(result.configPath, 'utf8'));
    expect(generated.d1_databases[0].database_id).toBe(database.uuid);
    expect(generated.queues).toEqual(expect.objectContaining({ producers: expect.any(Array) }));

    expect(uploads).toHaveLength(1);
    expect(uploads[0]!.args).toEqual(['deploy', '--config', result.configPath]);
    expect(uploads[0]!.env).toMatchObject({ CLOUDFLARE_ACCOUNT_ID: cf.accountId });

    const applied = database.db.prepare('SELECT name FROM d1_migrations ORDER BY id').all();
    expect(applied.map((r) => r.name)).toEqual(result.migrations);
    expect(result.migrations[0]).toBe('0000_init.sql');

    expect(Object.fromEntries(cf.secrets.get('smart-onboarding-edge')!)).toEqual({
      UPSTASH_REDIS_REST_URL: 'https://cache.example',
      UPSTASH_REDIS_REST_TOKEN: 't0ken',
    });

    const keys = result.tenantKeys!;
    expect(keys.publishable).toMatch(/^pk_[\w-]{32}$/);
    expect(keys.secret).toMatch(/^sk_[\w-]{32}$/);
    const rows = database.db
      .prepare('SELECT kind, key_hash FROM api_keys WHERE tenant_id = ? ORDER BY kind')
      .all('acme');
    expect(rows).toEqual([
      { kind: 'publishable', key_hash: sha256(keys.publishable) },
      { kind: 'secret', key_hash: sha256(keys.secret) },
    ]);
    const tenant = database.db.prepare('SELECT name, allowed_origins, identity_secret FROM tenants').get();
    expect(tenant).toEqual({
      name: "Acme's",
      allowed_origins: '["https://app.acme.com"]',
      identity_secret: keys.identitySecret,
    });
  });

  it('changes nothing on a second run: no resource, migration or tenant key is created again', async () => {
    const before = writes().length;
    const log: string[] = [];
    const result = await deploy(false, log);
    expect(result.created).toEqual([]);
    expect(result.migrations).toEqual([]);
    expect(result.tenantKeys).toBeUndefined();
    expect(log).toContain('tenant acme exists: its keys were shown when it was created');
    expect(log).toContain('Durable Objects JourneyObject, FlowLearnerObject: up to date');
    // Only the secrets are put again (the API replaces them in place); nothing is created.
    expect(writes().slice(before)).toEqual([
      'PUT /workers/scripts/smart-onboarding-edge/secrets',
      'PUT /workers/scripts/smart-onboarding-edge/secrets',
    ]);
    const db = cf.databases.get('smart-onboarding')!.db;
    expect(db.prepare('SELECT count(*) AS n FROM api_keys').get()).toEqual({ n: 2 });
    expect(cf.databases.size).toBe(1);
    expect(cf.queues.size).toBe(2);
  });

  it('refuses to deploy without credentials unless it is a dry run', async () => {
    await expect(
      runDeploy(
        { edgeDir, dryRun: false, secrets: {} },
        {
          api: undefined,
          wrangler,
          wranglerEnv: {},
          log: () => {},
          now: Date.now,
        },
      ),
    ).rejects.toThrow(/CLOUDFLARE_API_TOKEN and CLOUDFLARE_ACCOUNT_ID are required/);
  });
});
