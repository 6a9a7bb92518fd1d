import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const SDK_SRC = path.resolve(import.meta.dirname, '../../../packages/sdk/src');

/**
 * Bundles the SDK's struggle detector and worker client for a test or bench page, exposed as
 * `window.SO_MODEL` (`createStruggleDetector`, `createWorkerModelScorer`). Returns the file name.
 */
export async function buildDetectorPage(dir: string): Promise<string> {
  const file = 'detector.js';
  const result = await build({
    stdin: {
      contents: `
        import { createStruggleDetector } from ${JSON.stringify(path.join(SDK_SRC, 'struggle/index.ts'))};
        import { createWorkerModelScorer } from ${JSON.stringify(path.join(SDK_SRC, 'worker/client.ts'))};
        window.SO_MODEL = { createStruggleDetector, createWorkerModelScorer };`,
      resolveDir: SDK_SRC,
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
