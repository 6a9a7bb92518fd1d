import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const here = path.dirname(new URL(import.meta.url).pathname);
export const packageDir = path.resolve(here, '..');

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return latest;
}

function mtime(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

/**
 * Builds the package with rollup before the browser tests, so they run against the very files we ship
 * (and work from a fresh clone). Skipped when the bundle is newer than every source file.
 */
export default function setup(): void {
  const built = Math.min(
    mtime(path.join(packageDir, 'dist/widgets.iife.js')),
    mtime(path.join(packageDir, 'dist/index.js')),
  );
  const sources = Math.max(
    newest(path.join(packageDir, 'src')),
    mtime(path.join(packageDir, 'rollup.config.mjs')),
  );
  if (built > sources) return;
  const rollup = createRequire(path.join(packageDir, 'package.json')).resolve('rollup/dist/bin/rollup');
  execFileSync(process.execPath, [rollup, '-c', 'rollup.config.mjs', '--silent'], {
    cwd: packageDir,
    stdio: 'inherit',
  });
}
