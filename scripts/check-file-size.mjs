#!/usr/bin/env node
// Fails when a source file is over MAX_LINES lines: a file that long holds more than one concept, and
// should be split by concept. Data tables are the exception, each allowlisted below with its reason.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const MAX_LINES = 400;
const ROOT = path.resolve(import.meta.dirname, '..');
const SOURCE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;

/** Files allowed over the limit (path from the repository root → why). Data tables only. */
const ALLOWED = new Map([]);

/** packages/<name>/src, edge/src and models/src. */
function sourceRoots() {
  const packages = readdirSync(path.join(ROOT, 'packages'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => path.join('packages', entry.name, 'src'));
  return [...packages, 'edge/src', 'models/src'];
}

function sourceFiles(root) {
  const files = readdirSync(path.join(ROOT, root), { recursive: true, withFileTypes: true });
  return files
    .filter((entry) => entry.isFile() && SOURCE.test(entry.name))
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)))
    .filter((file) => !file.split(path.sep).includes('node_modules'));
}

function lineCount(file) {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  return text.endsWith('\n') ? text.split('\n').length - 1 : text.split('\n').length;
}

const problems = [];
let checked = 0;
for (const root of sourceRoots()) {
  for (const file of sourceFiles(root)) {
    checked++;
    const lines = lineCount(file);
    if (lines > MAX_LINES && !ALLOWED.has(file))
      problems.push(`${file}: ${lines} lines (over ${MAX_LINES}: split it by concept)`);
    if (lines <= MAX_LINES && ALLOWED.has(file))
      problems.push(`${file}: ${lines} lines, no longer over ${MAX_LINES}: remove it from ALLOWED`);
  }
}
for (const file of ALLOWED.keys()) {
  if (!existsSync(path.join(ROOT, file))) problems.push(`${file}: allowlisted but not found`);
}

if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exitCode = 1;
} else {
  console.log(`${checked} source files, none over ${MAX_LINES} lines`);
}
