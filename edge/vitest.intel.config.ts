import path from 'node:path';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { defineProject } from 'vitest/config';

/**
 * The intelligence tests (pure core, learning, resilience, help and its Azure OpenAI adapter, escalation,
 * simulation) inside workerd. A
 * globalSetup in Node starts the Azure OpenAI stand-in and a webhook receiver; tests reach them over real
 * HTTP, with the URLs handed over by `inject()`. D1 has the edge's own migrations applied.
 *
 * The Worker under test is a bare runner, not wrangler.jsonc's Worker: these modules need only D1. Their
 * wiring into the journey Durable Object is tested in the `edge` project (vitest.config.ts), where Azure
 * OpenAI and the webhook are configured but unreachable, so the fallbacks and retries run for real.
 */
export default defineProject(async () => {
  const migrations = await readD1Migrations(path.join(import.meta.dirname, 'migrations'));
  return {
    plugins: [
      cloudflareTest({
        miniflare: {
          compatibilityDate: '2026-10-01',
          compatibilityFlags: ['nodejs_compat'],
          d1Databases: ['DB'],
          bindings: { TEST_MIGRATIONS: migrations },
        },
      }),
    ],
    test: {
      name: 'edge-intel',
      include: [
        'src/intelligence/**/*.test.ts',
        'src/learning/**/*.test.ts',
        'src/resilience/**/*.test.ts',
        'src/help/**/*.test.ts',
        'src/escalation/**/*.test.ts',
        'src/adapters/azure-openai/**/*.test.ts',
        'test/azure/**/*.test.ts',
        'simulate/**/*.test.ts',
      ],
      exclude: ['**/*.node.test.ts'],
      globalSetup: ['./test/azure/global-setup.ts'],
      setupFiles: ['./test/azure/apply-migrations.ts'],
      testTimeout: 20_000,
    },
  };
});
