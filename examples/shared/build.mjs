// The framework examples' build: esbuild bundles an app's `src/main.tsx` into its `public/build/` (ES
// modules, code-split so the SDK's struggle detector stays a separate chunk loaded after consent), and the
// shared base styles go beside it.
import { copyFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * Builds the example in `appDir` to `public/build/app.js` (plus chunks) and `public/build/base.css`, with
 * the app's own esbuild options (its JSX runtime, its defines); returns the output directory.
 *
 * @example
 * await buildExample(here, { jsxImportSource: 'preact' });
 *
 * @param {string} appDir
 * @param {import('esbuild').BuildOptions} [options]
 */
export async function buildExample(appDir, options = {}) {
  const outdir = path.join(appDir, 'public', 'build');
  await rm(outdir, { recursive: true, force: true });
  await build({
    absWorkingDir: appDir,
    entryPoints: { app: 'src/main.tsx' },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    target: 'es2022',
    jsx: 'automatic',
    minify: true,
    sourcemap: true,
    logLevel: 'warning',
    ...options,
  });
  await copyFile(path.join(here, 'base.css'), path.join(outdir, 'base.css'));
  return outdir;
}
