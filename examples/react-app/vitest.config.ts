import { defineProject } from 'vitest/config';

// Builds the app with its own build script, then runs it in Chromium against the real local edge.
export default defineProject({
  test: {
    name: 'example-react',
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    testTimeout: 45_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
