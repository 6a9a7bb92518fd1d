// Prints the shipped size of the widgets (min + gzip level 9): the file the script-tag SDK loads on
// demand, with Preact, Floating UI and every widget in it. Run with `pnpm --filter @smart-onboarding/widgets bench`.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const BUDGET = 20 * 1024;
const rows = ['dist/widgets.iife.js', 'dist/widgets.js'].map((file) => {
  const code = readFileSync(new URL(`../${file}`, import.meta.url));
  const gzip = gzipSync(code, { level: 9 }).length;
  return { file, min: code.length, gzip, budget: BUDGET, left: BUDGET - gzip };
});
console.table(rows);
if (rows.some((r) => r.left < 0)) process.exitCode = 1;
