import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'scripts',
    include: ['{deploy,dev,packages,loadtest}/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
