import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

/**
 * Bundles the SDK's struggle detector and worker client for a test or bench page, exposed as
 * `window.SO_MODEL` (`createStruggleDetector`, `createWorkerModelScorer`). Returns the file name.
 */
export async function buildDetectorPage(dir: string): Promise<string> {
  const file = 'detector.js';
  const result = await build({
    stdin: {
      contents: `
        import { createStruggleDetector, createWorkerModelScorer } from '@smart-onboarding/sdk/struggle';
        window.SO_MODEL = { createStruggleDetector, createWorkerModelScorer };`,
      resolveDir: import.meta.dirname,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'error',
  });
  writeFileSync(path.join(dir, file), result.outputFiles[0]!.contents);
  return file;
}
