import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { budgetReport } from './bundle';
import { parseJsonc } from './jsonc';
import {
  desiredResources,
  generatedConfig,
  pendingMigrations,
  pendingObjectMigrations,
  planResources,
  secretsFromEnv,
} from './plan';

const committed = parseJsonc(
  readFileSync(path.resolve(import.meta.dirname, '../../edge/wrangler.jsonc'), 'utf8'),
) as Record<string, unknown>;

describe('the deploy plan', () => {
  it("reads the edge's wrangler.jsonc: one D1, the queues and dead-letter queue, the Durable Objects", () => {
    expect(desiredResources(committed)).toEqual({
      workerName: 'smart-onboarding-edge',
      database: { binding: 'DB', name: 'smart-onboarding' },
      queues: ['so-events', 'so-events-dlq'],
      durableObjects: { classes: ['JourneyObject', 'FlowLearnerObject'], migrationTags: ['v1', 'v2'] },
    });
  });

  it.each([
    [{}, /"name" is required/],
    [{ name: 'w' }, /exactly one d1_databases/],
    [
      {
        name: 'w',
        d1_databases: [
          { binding: 'A', database_name: 'a' },
          { binding: 'B', database_name: 'b' },
        ],
      },
      /exactly one/,
    ],
  ])('refuses a config it cannot deploy: %j', (config, error) => {
    expect(() => desiredResources(config)).toThrow(error);
  });

  it('creates only what the account lacks', () => {
    const desired = desiredResources(committed);
    const none = { databases: new Map(), queues: new Map() };
    expect(planResources(desired, none)).toEqual([
      { kind: 'create-database', name: 'smart-onboarding' },
      { kind: 'create-queue', name: 'so-events' },
      { kind: 'create-queue', name: 'so-events-dlq' },
    ]);
    const all = {
      databases: new Map([['smart-onboarding', 'd']]),
      queues: new Map([
        ['so-events', 'q1'],
        ['so-events-dlq', 'q2'],
      ]),
    };
    expect(planResources(desired, all)).toEqual([]);
  });

  it('puts the real database id in the generated config and leaves the committed one as it was', () => {
    const generated = generatedConfig(committed, 'real-id') as { d1_databases: { database_id: string }[] };
    expect(generated.d1_databases[0]!.database_id).toBe('real-id');
    expect(generated).not.toHaveProperty('$schema');
    expect((committed.d1_databases as { database_id: string }[])[0]!.database_id).toBe(
      '00000000-0000-0000-0000-000000000000',
    );
  });

  it.each([
    [['0001_b.sql', '0000_a.sql', 'meta', 'README.md'], [], ['0000_a.sql', '0001_b.sql']],
    [['0000_a.sql', '0001_b.sql'], ['0000_a.sql'], ['0001_b.sql']],
    [['0000_a.sql'], ['0000_a.sql'], []],
  ])('migrations %j with %j applied leave %j', (files, applied, pending) => {
    expect(pendingMigrations(files, applied)).toEqual(pending);
  });

  it.each([
    [undefined, ['v1', 'v2']],
    ['v1', ['v2']],
    ['v2', []],
  ])('Durable Object migrations after deployed tag %s: %j', (deployed, pending) => {
    expect(pendingObjectMigrations(['v1', 'v2'], deployed)).toEqual(pending);
  });

  it('refuses a deployed Durable Object tag the config lost', () => {
    expect(() => pendingObjectMigrations(['v1'], 'v9')).toThrow(/"v9"/);
  });

  it('takes secrets from the environment, only those the Worker reads, never empty', () => {
    expect(secretsFromEnv(['UPSTASH_REDIS_REST_TOKEN'], { UPSTASH_REDIS_REST_TOKEN: 't' })).toEqual({
      UPSTASH_REDIS_REST_TOKEN: 't',
    });
    expect(() => secretsFromEnv(['HOME'], { HOME: '/root' })).toThrow(/not a secret the Worker reads/);
    expect(() => secretsFromEnv(['AZURE_OPENAI_API_KEY'], { AZURE_OPENAI_API_KEY: '' })).toThrow(
      /set the environment/,
    );
  });

  it('fails the bundle budget only above it', () => {
    expect(budgetReport({ rawBytes: 2, gzipBytes: 100 }, 100).over).toBe(false);
    const over = budgetReport({ rawBytes: 4096, gzipBytes: 2049 }, 2048);
    expect(over).toEqual({
      over: true,
      line: 'Worker bundle: 4.0 KiB, gzip 2.0 KiB (budget 2.0 KiB gzip): OVER BUDGET',
    });
  });
});

describe('parseJsonc', () => {
  it('drops comments and trailing commas, never inside strings', () => {
    expect(parseJsonc('{ "a": "x // y /* z */", // c\n /* d */ "b": [1, 2,], }')).toEqual({
      a: 'x // y /* z */',
      b: [1, 2],
    });
    expect(parseJsonc('{"q": "say \\"hi\\" // no"}')).toEqual({ q: 'say "hi" // no' });
  });
});
