import { defineProject } from 'vitest/config';

// Real Chromium, real input through the DevTools protocol, the built script-tag files on a local site.
export default defineProject({
  test: {
    name: 'sdk-browser',
    include: ['test/**/*.browser.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // One browser at a time: the machine is shared and timing-based signals need a calm CPU.
    fileParallelism: false,
  },
});
