import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';

describe('D1 migrations (drizzle-kit output, applied in setup)', () => {
  it('are all recorded as applied', async () => {
    const { results } = await env.DB.prepare('SELECT name FROM d1_migrations ORDER BY id').all<{
      name: string;
    }>();
    expect(results.map((r) => r.name)).toEqual(env.TEST_MIGRATIONS.map((m) => m.name));
    expect(results.length).toBeGreaterThanOrEqual(2);
  });

  it('create every table the edge queries across users', async () => {
    const { results } = await env.DB.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all<{
      name: string;
    }>();
    expect(results.map((r) => r.name)).toEqual(
      expect.arrayContaining([
        'tenants',
        'api_keys',
        'flows',
        'flow_versions',
        'journey_summaries',
        'step_completions',
        'interventions',
        'escalations',
        'audit_log',
        'engagement_daily',
        'processed_events',
        'dead_letters',
      ]),
    );
  });
});
