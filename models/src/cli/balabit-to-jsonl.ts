/**
 * Converts Balabit Mouse Dynamics sessions to JSONL traces for `pnpm score`.
 *
 *   pnpm --filter @smart-onboarding/models balabit-to-jsonl <out-dir>            every session (unpacked to a temp dir)
 *   pnpm --filter @smart-onboarding/models balabit-to-jsonl <session.csv> > x.jsonl   one CSV file
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { balabitToEvents, loadBalabit } from '../balabit';
import { formatTrace } from '../trace-io';
import { userPath } from './user-path';

const given = process.argv[2];
const arg = given && userPath(given);
if (!arg) {
  process.stderr.write('usage: balabit-to-jsonl <out-dir> | <session-csv>\n');
  process.exit(2);
}
if (existsSync(arg) && statSync(arg).isFile()) {
  process.stdout.write(formatTrace(balabitToEvents(readFileSync(arg, 'utf8'))));
} else {
  mkdirSync(arg, { recursive: true });
  for (const s of loadBalabit()) {
    const file = path.join(arg, `${s.user}-${s.session}.jsonl`);
    writeFileSync(file, formatTrace(s.events));
    process.stderr.write(`${file} (${s.events.length} events, ${(s.durationMs / 3_600_000).toFixed(2)} h)\n`);
  }
}
