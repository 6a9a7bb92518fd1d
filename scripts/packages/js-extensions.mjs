// Adds the `.js` (or `/index.js`) that Node's ESM resolution needs to relative specifiers in emitted
// JavaScript and declaration files. The sources import without extensions (moduleResolution "Bundler"),
// which bundlers accept and Node and TypeScript's node16 resolution refuse; published files must work in
// both, and @arethetypeswrong/cli checks they do.
//
//   node scripts/packages/js-extensions.mjs <dir>...
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const specifier = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}(?:\/[^'"]*)?)\2/g;

/** The specifier Node resolves: itself when it names a file, else with `.js` or `/index.js`. */
export function withExtension(spec, fromDir, exists = existsSync) {
  if (/\.(m?js|json)$/.test(spec)) return spec;
  const target = path.resolve(fromDir, spec);
  if (exists(`${target}.js`) || exists(`${target}.d.ts`)) return `${spec}.js`;
  if (exists(path.join(target, 'index.js')) || exists(path.join(target, 'index.d.ts')))
    return `${spec}/index.js`;
  throw new Error(`${spec} from ${fromDir}: no file to point at`);
}

/** Rewrites import and export specifiers; comment lines (JSDoc examples) are left as written. */
export function rewrite(text, fromDir, exists = existsSync) {
  return text
    .split('\n')
    .map((line) =>
      /^\s*(\*|\/\/|\/\*)/.test(line)
        ? line
        : line.replace(
            specifier,
            (_, lead, quote, spec) => `${lead}${quote}${withExtension(spec, fromDir, exists)}${quote}`,
          ),
    )
    .join('\n');
}

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) yield* files(full);
    else if (/\.(js|d\.ts)$/.test(name)) yield full;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const dir of process.argv.slice(2)) {
    for (const file of files(dir)) {
      const text = readFileSync(file, 'utf8');
      const next = rewrite(text, path.dirname(file));
      if (next !== text) writeFileSync(file, next);
    }
  }
}
