import path from 'node:path';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { defineProject } from 'vitest/config';

/** Rate limits in tests (per minute); test/auth.test.ts reads them from `env`. */
const TEST_KEY_LIMIT = 400;
const TEST_USER_LIMIT = 40;
/** Per client address: unknown keys and anonymous ids issued (test/attacks/rate-limits.test.ts). */
const TEST_IP_LIMIT = 200;

// Tests run inside workerd with the bindings of wrangler.jsonc: real D1, and whatever else the Worker binds.
export default defineProject(async () => {
  const migrations = await readD1Migrations(path.join(import.meta.dirname, 'migrations'));
  return {
    plugins: [
      cloudflareTest({
        wrangler: { configPath: './wrangler.jsonc' },
        miniflare: {
          bindings: {
            ENVIRONMENT: 'development',
            TEST_MIGRATIONS: migrations,
            TEST_KEY_LIMIT,
            TEST_USER_LIMIT,
            TEST_IP_LIMIT,
            // Azure OpenAI and the help desk are configured but unreachable (a closed port): the journey
            // offers AI help and a person, serves authored help saying why, and keeps tickets pending for
            // the alarm. The adapters against working stand-ins are tested in `edge-intel`.
            AZURE_OPENAI_ENDPOINT: 'http://127.0.0.1:9',
            AZURE_OPENAI_API_KEY: 'unreachable',
            AZURE_OPENAI_CHAT_DEPLOYMENT: 'chat',
            AZURE_OPENAI_EMBEDDING_DEPLOYMENT: 'embeddings',
            AZURE_OPENAI_TIMEOUT_MS: '500',
            ESCALATION_WEBHOOK_URL: 'http://127.0.0.1:9/hooks/support',
            ESCALATION_WEBHOOK_SECRET: 'test-webhook-secret-0123456789',
            DEV_INTERVENTION_COOLDOWN_MS: '0',
          },
          // Small enough that tests reach them, large enough for the demo tenant's use across the suite.
          ratelimits: {
            KEY_RATE_LIMITER: { namespace_id: '1001', simple: { limit: TEST_KEY_LIMIT, period: 60 } },
            USER_RATE_LIMITER: { namespace_id: '1002', simple: { limit: TEST_USER_LIMIT, period: 60 } },
            IP_RATE_LIMITER: { namespace_id: '1003', simple: { limit: TEST_IP_LIMIT, period: 60 } },
          },
        },
      }),
    ],
    test: {
      name: 'edge',
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      // The pure core and the outbound adapters have their own project (vitest.intel.config.ts, `edge-intel`).
      exclude: [
        '**/*.node.test.ts',
        'src/intelligence/**',
        'src/learning/**',
        'src/resilience/**',
        'src/help/**',
        'src/escalation/**',
        'src/adapters/azure-openai/**',
        'test/azure/**',
      ],
      setupFiles: ['./test/apply-migrations.ts'],
      globalSetup: [
        './test/redis/global-setup.ts',
        './test/admin/access-global-setup.ts',
        './test/escalation/webhook-global-setup.ts',
      ],
    },
  };
});
