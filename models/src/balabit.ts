import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RawEvent } from './sdk';

/**
 * The Balabit archive (`training_files.tar.gz`: the `training_files/` folder of the public repository
 * balabit/Mouse-Dynamics-Challenge), never committed here: `BALABIT_ARCHIVE`, else beside the checkout
 * in `../shared/data/balabit-mouse-dynamics/`.
 */
const BALABIT_ARCHIVE =
  process.env.BALABIT_ARCHIVE ??
  path.resolve(import.meta.dirname, '../../../shared/data/balabit-mouse-dynamics/training_files.tar.gz');

/** Windows' double-click time and rectangle: what the recorded machines used to count clicks. */
const DOUBLE_CLICK_MS = 500;
const DOUBLE_CLICK_PX = 5;
/** A press and release further apart than this is a drag, not a click. */
const CLICK_SLOP_PX = 10;
/** Remote-desktop glitches put the pointer at absurd coordinates (65535); those rows are dropped. */
const MAX_COORD = 10_000;

/**
 * Converts one Balabit Mouse Dynamics CSV session (`record timestamp,client timestamp,button,state,x,y`)
 * to raw events in the SDK's capture format, as the browser would have reported them: moves and drags
 * become `move`, presses `down`, releases `up` (and `click` for a left press released in place, with the
 * browser's click count), scroll rows `wheel`. There is no DOM in these traces, so events carry no target.
 * The one converter for the data set: the model's evaluation and the SDK's signal rates both use it.
 *
 * @example
 * const events = balabitToEvents(readFileSync('session_1060325796', 'utf8'));
 */
export function balabitToEvents(csv: string): RawEvent[] {
  const out: RawEvent[] = [];
  let press: { t: number; x: number; y: number } | undefined;
  let lastClick: { t: number; x: number; y: number; n: number } | undefined;
  const lines = csv.split('\n');
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    const [, client, button, state, xs, ys] = line.split(',');
    const t = Math.round(Number(client) * 1000 * 1000) / 1000;
    const x = Number(xs);
    const y = Number(ys);
    if (!Number.isFinite(t) || !Number.isFinite(x) || !Number.isFinite(y)) continue;
    if (x < 0 || y < 0 || x > MAX_COORD || y > MAX_COORD) continue;
    const b = button === 'Left' ? 0 : button === 'Right' ? 2 : 1;
    switch (state) {
      case 'Move':
      case 'Drag':
        out.push({ type: 'move', t, x, y, pointer: 'mouse' });
        break;
      case 'Pressed':
        out.push({ type: 'down', t, x, y, button: b, pointer: 'mouse' });
        if (b === 0) press = { t, x, y };
        break;
      case 'Released': {
        out.push({ type: 'up', t, x, y, button: b, pointer: 'mouse' });
        if (b !== 0 || !press) break;
        const inPlace = Math.abs(x - press.x) + Math.abs(y - press.y) <= CLICK_SLOP_PX;
        press = undefined;
        if (!inPlace) break;
        const n =
          lastClick &&
          t - lastClick.t <= DOUBLE_CLICK_MS &&
          Math.hypot(x - lastClick.x, y - lastClick.y) <= DOUBLE_CLICK_PX
            ? lastClick.n + 1
            : 1;
        lastClick = { t, x, y, n };
        out.push({ type: 'click', t, x, y, pointer: 'mouse', detail: n });
        break;
      }
      case 'Down':
      case 'Up':
        if (button === 'Scroll')
          out.push({ type: 'wheel', t, dx: 0, dy: state === 'Down' ? 100 : -100, x, y });
        break;
      default:
        break;
    }
  }
  // Client timestamps are not always monotonic in the data set; a stable sort keeps same-time order.
  return out
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.t - b.e.t || a.i - b.i)
    .map(({ e }) => e);
}

export interface BalabitSession {
  user: string;
  session: string;
  events: RawEvent[];
  /** Session length (first to last event), ms. */
  durationMs: number;
}

/**
 * Unpacks the archive into a temporary directory (once per machine; never inside the repository) and
 * returns every session converted.
 */
/** Whether the archive is here: it lives beside the checkout (or at BALABIT_ARCHIVE), not in the repository. */
export function balabitAvailable(archive = BALABIT_ARCHIVE): boolean {
  return existsSync(archive);
}

export function loadBalabit(archive = BALABIT_ARCHIVE): BalabitSession[] {
  if (!existsSync(archive))
    throw new Error(`Balabit archive not found at ${archive} (set BALABIT_ARCHIVE; see models/README.md)`);
  const dir = path.join(tmpdir(), 'smart-onboarding-balabit');
  const root = path.join(dir, 'training_files');
  if (!existsSync(root)) {
    mkdirSync(dir, { recursive: true });
    execFileSync('tar', ['xzf', archive, '-C', dir]);
  }
  const sessions: BalabitSession[] = [];
  for (const user of readdirSync(root).sort()) {
    for (const session of readdirSync(path.join(root, user)).sort()) {
      const events = balabitToEvents(readFileSync(path.join(root, user, session), 'utf8'));
      if (events.length < 2) continue;
      sessions.push({ user, session, events, durationMs: events.at(-1)!.t - events[0]!.t });
    }
  }
  return sessions;
}
