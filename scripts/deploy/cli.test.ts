// The command itself, as `pnpm run deploy` starts it, against the Cloudflare API stand-in.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeCloudflare, startFakeCloudflare } from './fake-cloudflare';

const root = path.resolve(import.meta.dirname, '../..');
const configName = `wrangler.deploy.test-${randomUUID().slice(0, 8)}.json`;
let cf: FakeCloudflare;

beforeAll(async () => {
  cf = await startFakeCloudflare();
});
afterAll(async () => {
  await cf.close();
  await rm(path.join(root, 'edge', configName), { force: true });
});

async function cli(args: string[], env: Record<string, string> = {}) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('CLOUDFLARE_')));
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [
        path.join(root, 'node_modules/tsx/dist/cli.mjs'),
        path.join(root, 'scripts/deploy/cli.ts'),
        '--out',
        configName,
        ...args,
      ],
      { env: { ...clean, ...env }, cwd: root },
    );
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

describe('scripts/deploy/cli.ts', () => {
  it('--dry-run reads the account, plans, bundles within budget and writes nothing', async () => {
    const { code, out } = await cli(
      ['--dry-run', '--tenant', 'acme', '--secret', 'ESCALATION_WEBHOOK_SECRET'],
      {
        CLOUDFLARE_API_TOKEN: cf.token,
        CLOUDFLARE_ACCOUNT_ID: cf.accountId,
        CLOUDFLARE_API_BASE_URL: cf.baseUrl,
        ESCALATION_WEBHOOK_SECRET: 'a-secret-of-16-chars',
      },
    );
    expect(out).toContain('would create D1 database smart-onboarding');
    expect(out).toContain('would upload secret ESCALATION_WEBHOOK_SECRET');
    expect(out).not.toContain('a-secret-of-16-chars');
    expect(out).toMatch(/Worker bundle: [\d.]+ KiB, gzip [\d.]+ KiB \(budget 640\.0 KiB gzip\)\n/);
    expect(code).toBe(0);
    expect(cf.requests.filter((r) => !r.startsWith('GET'))).toEqual([]);
    expect(cf.requests).toContain('GET /d1/database');
  });

  it('fails with a message and exit code 1 on what it cannot deploy', async () => {
    const noAccount = await cli([]);
    expect(noAccount).toEqual({
      code: 1,
      out: expect.stringContaining('CLOUDFLARE_API_TOKEN and CLOUDFLARE_ACCOUNT_ID are required'),
    });
    const unknownSecret = await cli(['--dry-run', '--secret', 'PATH']);
    expect(unknownSecret).toEqual({
      code: 1,
      out: expect.stringContaining('--secret PATH: not a secret the Worker reads'),
    });
    const unset = await cli(['--dry-run', '--secret', 'UPSTASH_REDIS_REST_URL']);
    expect(unset).toEqual({
      code: 1,
      out: expect.stringContaining('set the environment variable UPSTASH_REDIS_REST_URL'),
    });
  });
});
