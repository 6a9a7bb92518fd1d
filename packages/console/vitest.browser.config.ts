import { defineProject } from 'vitest/config';

// The console in Chromium against the real edge (`scripts/dev.mjs`: wrangler dev with local D1, which
// also builds the console into the edge's assets), driven with real input through playwright-core.
export default defineProject({
  test: {
    name: 'console-browser',
    include: ['test/**/*.browser.test.ts'],
    testTimeout: 90_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
