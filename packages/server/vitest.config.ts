import { defineProject } from 'vitest/config';

// test/proof.test.ts: the proof, pure; test/client.node.test.ts: the client against the real local edge.
export default defineProject({
  test: {
    name: 'server',
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
