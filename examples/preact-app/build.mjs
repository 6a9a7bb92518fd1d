// Bundles the app with esbuild into public/build/ (ES modules, code-split so the SDK's struggle
// detector stays a separate chunk loaded after consent). `node build.mjs` or `pnpm build`.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Builds `src/main.tsx` (Preact's automatic JSX runtime) to `public/build/app.js` (plus chunks); returns the output directory. */
export async function buildApp() {
  const outdir = path.join(here, 'public', 'build');
  await rm(outdir, { recursive: true, force: true });
  await build({
    absWorkingDir: here,
    entryPoints: { app: 'src/main.tsx' },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    target: 'es2022',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    minify: true,
    sourcemap: true,
    logLevel: 'warning',
  });
  return outdir;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const outdir = await buildApp();
  console.log(`built ${path.relative(process.cwd(), outdir)}/app.js`);
}
