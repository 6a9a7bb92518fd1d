import { defineProject } from 'vitest/config';

// Node-side tests of the model pipeline: simulator, features on simulated traces, training determinism,
// ONNX parity with onnxruntime-web, offline scoring, learning from exported windows.
export default defineProject({
  test: {
    name: 'models',
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    exclude: ['**/*.browser.test.ts'],
    testTimeout: 60_000,
  },
});
