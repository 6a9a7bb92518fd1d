// `pnpm check:packages`: packs every published package exactly as `pnpm publish` would (publishConfig
// applied, workspace:* replaced by versions) and fails unless each tarball is clean for publint (strict)
// and @arethetypeswrong/cli (ESM only: these packages ship no CommonJS), and carries its LICENSE.
// Run after `pnpm -r build` (pnpm test does): the tarballs hold dist/.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const license = readFileSync(path.join(root, 'LICENSE'), 'utf8');
const bin = (name) => path.join(root, 'node_modules/.bin', name);

// Classic scripts for <script src>, not modules: there is nothing to import, so nothing to type.
const scriptFiles = {
  '@smart-onboarding/sdk': ['script-tag', 'script-tag/struggle'],
  '@smart-onboarding/widgets': ['widgets.iife.js'],
};

function pnpm(args, cwd) {
  // Under `pnpm run`, npm_execpath is pnpm itself; otherwise the pinned pnpm through npx.
  const execPath = process.env.npm_execpath;
  if (!execPath?.includes('pnpm'))
    return execFileSync('npx', ['--yes', 'pnpm@12.21.0', ...args], { cwd, encoding: 'utf8' });
  // pnpm is either a script for node or (as @pnpm/exe) a binary of its own.
  return /\.[cm]?js$/.test(execPath)
    ? execFileSync(process.execPath, [execPath, ...args], { cwd, encoding: 'utf8' })
    : execFileSync(execPath, args, { cwd, encoding: 'utf8' });
}

function run(command, args) {
  try {
    return { ok: true, out: execFileSync(command, args, { encoding: 'utf8', stdio: 'pipe' }) };
  } catch (error) {
    return { ok: false, out: `${error.stdout ?? ''}${error.stderr ?? ''}` };
  }
}

const published = readdirSync(path.join(root, 'packages'))
  .map((dir) => path.join(root, 'packages', dir))
  .filter((dir) => {
    const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    return pkg.private !== true;
  });

const out = mkdtempSync(path.join(tmpdir(), 'so-pack-'));
let failed = 0;
try {
  for (const dir of published) {
    const { name } = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    const before = new Set(readdirSync(out));
    pnpm(['pack', '--pack-destination', out], dir);
    const tarball = path.join(
      out,
      readdirSync(out).find((f) => !before.has(f)),
    );
    const problems = [];
    const listing = execFileSync('tar', ['tzf', tarball], { encoding: 'utf8' }).split('\n');
    if (!listing.includes('package/LICENSE')) problems.push('no LICENSE in the tarball');
    else if (execFileSync('tar', ['xzOf', tarball, 'package/LICENSE'], { encoding: 'utf8' }) !== license) {
      problems.push('its LICENSE differs from the repository root one');
    }
    const manifest = execFileSync('tar', ['xzOf', tarball, 'package/package.json'], { encoding: 'utf8' });
    if (manifest.includes('workspace:')) problems.push('a workspace: range left in package.json');
    const publint = run(bin('publint'), ['run', '--strict', tarball]);
    if (!publint.ok) problems.push(`publint:\n${publint.out}`);
    const excluded = scriptFiles[name] ?? [];
    const attw = run(bin('attw'), [
      tarball,
      '--profile',
      'esm-only',
      '--format',
      'table-flipped',
      ...(excluded.length ? ['--exclude-entrypoints', ...excluded] : []),
    ]);
    if (!attw.ok) problems.push(`@arethetypeswrong/cli:\n${attw.out}`);
    const files = listing.filter((f) => f && !f.endsWith('/')).length;
    console.log(
      `${problems.length ? '✗' : '✓'} ${name}: ${files} files, publint and attw ${problems.length ? 'FAILED' : 'clean'}`,
    );
    for (const problem of problems) console.log(problem);
    if (problems.length) failed++;
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
if (failed) process.exitCode = 1;
