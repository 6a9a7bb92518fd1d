// Builds the console into the edge's static assets (edge/public/console/), so the Worker serves it at
// /console from the same deployment as the API it calls: one origin, so the session cookie stays
// SameSite=Strict and the CSRF check can demand the edge's own Origin. `node build.mjs` or `pnpm build`.
import { copyFile, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
/** Where the edge's `assets` binding reads from (edge/wrangler.jsonc: directory ./public). */
export const consoleOutdir = path.join(here, '..', '..', 'edge', 'public', 'console');

/** Bundles `src/main.tsx` to `console.js` and copies the page and its stylesheet; returns the directory. */
export async function buildConsole() {
  await rm(consoleOutdir, { recursive: true, force: true });
  await mkdir(consoleOutdir, { recursive: true });
  await build({
    absWorkingDir: here,
    entryPoints: { console: 'src/main.tsx' },
    outdir: consoleOutdir,
    bundle: true,
    format: 'esm',
    // The chart library is imported on demand (src/insight/funnel-chart.tsx): a chunk of its own, flat
    // beside console.js because the edge serves only /console/<file>.
    splitting: true,
    chunkNames: 'chunk-[name]-[hash]',
    target: 'es2022',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    minify: true,
    sourcemap: true,
    logLevel: 'warning',
  });
  await copyFile(path.join(here, 'src', 'index.html'), path.join(consoleOutdir, 'index.html'));
  await copyFile(path.join(here, 'src', 'console.css'), path.join(consoleOutdir, 'console.css'));
  return consoleOutdir;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const outdir = await buildConsole();
  console.log(`built ${path.relative(process.cwd(), outdir)}/console.js`);
}
