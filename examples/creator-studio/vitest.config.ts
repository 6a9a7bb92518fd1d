import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'example-creator-studio', include: ['test/**/*.test.ts'] },
});
