import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'example-shared', include: ['src/**/*.test.ts'] },
});
