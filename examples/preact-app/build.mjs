// Bundles the app into public/build/ with the examples' shared build (Preact's automatic JSX runtime).
// `node build.mjs` or `pnpm build`.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildExample } from '@smart-onboarding/example-shared/build';

/** Builds `src/main.tsx` to `public/build/app.js` (plus chunks); returns the output directory. */
export const buildApp = () =>
  buildExample(path.dirname(fileURLToPath(import.meta.url)), { jsxImportSource: 'preact' });

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const outdir = await buildApp();
  console.log(`built ${path.relative(process.cwd(), outdir)}/app.js`);
}
