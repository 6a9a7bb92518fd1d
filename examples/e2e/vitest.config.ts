import { defineProject } from 'vitest/config';

// The demo as a newcomer sees it: Chromium with real CDP input, the creator-studio app served by the
// README's demo script, the real edge under wrangler dev, and the Azure OpenAI stand-in.
export default defineProject({
  test: {
    name: 'e2e',
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 300_000,
    // One browser, one edge: the machine is shared and the latency figure needs a calm CPU.
    fileParallelism: false,
  },
});
