/**
 * `pnpm --filter @smart-onboarding/sdk balabit`: runs the pointer- and click-based signals over the
 * Balabit Mouse Dynamics sessions (real, ordinary mouse use; see ../shared/data/balabit-mouse-dynamics)
 * and prints fires per hour for each, beside PostHog's rage-click rule. The archive is unpacked to a
 * temporary directory, never into the repository.
 *
 * Options: --data <tar.gz> (default: /work/shared/data/... or $BALABIT_TAR), --keep (reuse the unpacked copy).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { SignalType } from '@smart-onboarding/protocol';
import { detectSignals, POINTER_SIGNALS } from '../src/signals/index';
import { balabitToRawEvents, posthogRageClicks } from './balabit-trace';

const here = path.dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    data: {
      type: 'string',
      default:
        process.env.BALABIT_TAR ??
        path.resolve(here, '../../../../shared/data/balabit-mouse-dynamics/training_files.tar.gz'),
    },
  },
});

const archive = path.resolve(values.data!);
if (!existsSync(archive)) {
  console.error(`No Balabit archive at ${archive}: pass --data <training_files.tar.gz>`);
  process.exit(1);
}
const dir = path.join(tmpdir(), `so-balabit-${statSync(archive).size}`);
if (!existsSync(path.join(dir, 'training_files'))) {
  mkdirSync(dir, { recursive: true });
  execFileSync('tar', ['xzf', archive, '-C', dir]);
}

const root = path.join(dir, 'training_files');
const fires: Record<string, number> = { posthog_rage_click: 0 };
for (const type of POINTER_SIGNALS) fires[type] = 0;
let hours = 0;
let clicks = 0;
let sessions = 0;
for (const user of readdirSync(root).sort()) {
  for (const session of readdirSync(path.join(root, user)).sort()) {
    const events = balabitToRawEvents(readFileSync(path.join(root, user, session), 'utf8'));
    if (events.length < 2) continue;
    sessions++;
    hours += (events.at(-1)!.t - events[0]!.t) / 3_600_000;
    clicks += events.filter((e) => e.type === 'click').length;
    for (const s of detectSignals(events, { only: POINTER_SIGNALS as SignalType[] })) fires[s.type]!++;
    fires.posthog_rage_click! += posthogRageClicks(events);
  }
}

console.log(
  `Balabit Mouse Dynamics: ${sessions} sessions, ${hours.toFixed(1)} h of session time, ${clicks} clicks\n`,
);
console.log('| rule | fires | fires per hour |');
console.log('| --- | ---: | ---: |');
for (const [rule, n] of Object.entries(fires))
  console.log(
    `| ${rule === 'posthog_rage_click' ? "PostHog's rage click (3 clicks, 30 px, 1 s)" : rule} | ${n} | ${(n / hours).toFixed(2)} |`,
  );
