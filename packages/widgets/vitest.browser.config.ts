import { defineProject } from 'vitest/config';

// Chromium tests: the real built bundle (rollup runs once in globalSetup), served over HTTP, driven with
// real input through playwright-core. One browser per file; files run one after another to spare CPU.
export default defineProject({
  test: {
    name: 'widgets-browser',
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/build-once.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
