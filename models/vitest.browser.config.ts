import { defineProject } from 'vitest/config';

// The struggle model in real Chromium: the SDK's Web Worker running onnxruntime-web, CSP fallbacks.
export default defineProject({
  test: {
    name: 'models-browser',
    include: ['src/**/*.browser.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
