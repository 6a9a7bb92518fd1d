import type { RawEvent } from '../src/capture/raw-event';

/** Windows' double-click time and rectangle: what the recorded machines used to count clicks. */
const MULTI_CLICK_MS = 500;
const MULTI_CLICK_PX = 4;
/** A press and release further apart than this is a drag, not a click. */
const CLICK_SLOP_PX = 10;
/** Remote-desktop glitches put the pointer at absurd coordinates; they are dropped. */
const MAX_COORD = 10_000;

/**
 * Turns one Balabit session (`record timestamp,client timestamp,button,state,x,y`) into the SDK's raw
 * events, as the browser would have reported them: moves (drags included), downs and ups, clicks with the
 * browser's click count (`detail`), and wheel steps. There is no DOM, so clicks carry no target.
 *
 * @example
 * const events = balabitToRawEvents(readFileSync('training_files/user7/session_0041905381', 'utf8'));
 */
export function balabitToRawEvents(csv: string): RawEvent[] {
  const events: RawEvent[] = [];
  let press: { x: number; y: number; t: number } | undefined;
  let lastClick: { x: number; y: number; t: number; detail: number } | undefined;
  for (const line of csv.split('\n')) {
    const [, client, button, state, xs, ys] = line.trim().split(',');
    const t = Number(client) * 1000;
    const x = Number(xs);
    const y = Number(ys);
    if (!Number.isFinite(t) || !Number.isFinite(x) || !Number.isFinite(y)) continue; // header, blank
    if (x < 0 || y < 0 || x > MAX_COORD || y > MAX_COORD) continue;
    if (state === 'Move' || state === 'Drag') {
      events.push({ type: 'move', t, x, y, pointer: 'mouse' });
    } else if (button === 'Scroll') {
      events.push({ type: 'wheel', t, dx: 0, dy: state === 'Down' ? 120 : -120, x, y });
    } else if (state === 'Pressed') {
      const b = button === 'Left' ? 0 : button === 'Right' ? 2 : 1;
      events.push({ type: 'down', t, x, y, button: b, pointer: 'mouse' });
      if (b === 0) press = { x, y, t };
    } else if (state === 'Released') {
      const b = button === 'Left' ? 0 : button === 'Right' ? 2 : 1;
      events.push({ type: 'up', t, x, y, button: b, pointer: 'mouse' });
      if (b !== 0 || !press) continue;
      const still = Math.abs(x - press.x) + Math.abs(y - press.y) <= CLICK_SLOP_PX;
      press = undefined;
      if (!still) continue;
      const again =
        lastClick &&
        t - lastClick.t <= MULTI_CLICK_MS &&
        Math.abs(x - lastClick.x) <= MULTI_CLICK_PX &&
        Math.abs(y - lastClick.y) <= MULTI_CLICK_PX;
      const detail = again ? lastClick!.detail + 1 : 1;
      lastClick = { x, y, t, detail };
      events.push({ type: 'click', t, x, y, pointer: 'mouse', detail });
    }
  }
  // The client clock sometimes steps back a few ms; the detectors want time order.
  return events.sort((a, b) => a.t - b.t);
}

/** PostHog's rage-click rule as published: 3 clicks, each within 30 px (Manhattan) and 1 s of the last. */
export function posthogRageClicks(events: readonly RawEvent[]): number {
  let fires = 0;
  let run: { x: number; y: number; t: number }[] = [];
  for (const e of events) {
    if (e.type !== 'click') continue;
    const last = run.at(-1);
    if (last && Math.abs(e.x - last.x) + Math.abs(e.y - last.y) < 30 && e.t - last.t < 1000) run.push(e);
    else run = [e];
    if (run.length === 3) fires++;
  }
  return fires;
}
