/**
 * `pnpm balabit`: runs the SDK's pointer- and click-based signals over the Balabit Mouse Dynamics
 * sessions (real, ordinary mouse use; see ../shared/data/balabit-mouse-dynamics) and prints fires per
 * hour for each, beside PostHog's rage-click rule. The sessions are converted by the same code the model's
 * evaluation uses (`../balabit.ts`); the archive is unpacked to a temporary directory, never into the
 * repository.
 */
import type { SignalType } from '@smart-onboarding/protocol';
import { loadBalabit } from '../balabit';
import { posthogRageClicks } from '../eval/posthog-rule';
import { detectSignals, POINTER_SIGNALS } from '../sdk';

const fires: Record<string, number> = { posthog_rage_click: 0 };
for (const type of POINTER_SIGNALS) fires[type] = 0;
let hours = 0;
let clicks = 0;
const sessions = loadBalabit();
for (const { events, durationMs } of sessions) {
  hours += durationMs / 3_600_000;
  clicks += events.filter((e) => e.type === 'click').length;
  for (const s of detectSignals(events, { only: POINTER_SIGNALS as SignalType[] })) fires[s.type]!++;
  fires.posthog_rage_click! += posthogRageClicks(events).length;
}

console.log(
  `Balabit Mouse Dynamics: ${sessions.length} sessions, ${hours.toFixed(1)} h of session time, ${clicks} clicks\n`,
);
console.log('| rule | fires | fires per hour |');
console.log('| --- | ---: | ---: |');
for (const [rule, n] of Object.entries(fires))
  console.log(
    `| ${rule === 'posthog_rage_click' ? "PostHog's rage click (3 clicks, 30 px, 1 s)" : rule} | ${n} | ${(n / hours).toFixed(2)} |`,
  );
