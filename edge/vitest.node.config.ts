import { defineProject } from 'vitest/config';

// Tests that drive the edge from outside, as a user would: `wrangler dev` started by the demo script.
export default defineProject({
  test: {
    name: 'edge-node',
    include: ['test/**/*.node.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
