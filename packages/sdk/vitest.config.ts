import { defineProject } from 'vitest/config';

// Node-side tests: the pure core (signals, transport logic, consent) and the build checks.
export default defineProject({
  test: {
    name: 'sdk',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'bench/**/*.test.ts'],
    exclude: ['**/*.browser.test.ts'],
  },
});
