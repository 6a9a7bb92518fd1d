import { cloudflareTest } from '@cloudflare/vitest-plugin';
import { defineProject } from 'vitest/config';

/**
 * The intelligence tests (pure core, Azure OpenAI adapter, escalation) inside workerd. A globalSetup in
 * Node starts the Azure OpenAI stand-in and a webhook receiver; tests reach them over real HTTP, with the
 * URLs handed over by `inject()`.
 *
 * The Worker under test is a bare runner, not wrangler.jsonc's Worker: these modules need no binding yet,
 * and a half-built route elsewhere in the edge must not stop them from running. Phase 2 (wiring into the
 * journey Durable Object) switches to `wrangler: { configPath: './wrangler.jsonc' }`.
 */
export default defineProject({
  plugins: [
    cloudflareTest({
      miniflare: {
        compatibilityDate: '2026-10-01',
        compatibilityFlags: ['nodejs_compat'],
      },
    }),
  ],
  test: {
    name: 'edge-intel',
    include: [
      'src/intelligence/**/*.test.ts',
      'src/ai/**/*.test.ts',
      'src/escalation/**/*.test.ts',
      'test/azure/**/*.test.ts',
      'simulate/**/*.test.ts',
    ],
    exclude: ['**/*.node.test.ts'],
    globalSetup: ['./test/azure/global-setup.ts'],
    testTimeout: 20_000,
  },
});
