import path from 'node:path';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { defineProject } from 'vitest/config';

// Tests run inside workerd with the bindings of wrangler.jsonc: real D1, and whatever else the Worker binds.
export default defineProject(async () => {
  const migrations = await readD1Migrations(path.join(import.meta.dirname, 'migrations'));
  return {
    plugins: [
      cloudflareTest({
        wrangler: { configPath: './wrangler.jsonc' },
        miniflare: { bindings: { TEST_MIGRATIONS: migrations } },
      }),
    ],
    test: {
      name: 'edge',
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      exclude: ['**/*.node.test.ts'],
      setupFiles: ['./test/apply-migrations.ts'],
    },
  };
});
