import { defineConfig } from 'vitest/config';

// One run over every package. Each project has its own config: the edge runs inside workerd
// (edge/vitest.config.ts) and from outside against `wrangler dev` (edge/vitest.node.config.ts);
// browser tests drive Debian's Chromium through playwright-core.
export default defineConfig({
  test: {
    projects: [
      'packages/*/vitest*.config.ts',
      'edge/vitest*.config.ts',
      'models/vitest*.config.ts',
      'examples/*/vitest*.config.ts',
      'scripts/vitest*.config.ts',
    ],
  },
});
