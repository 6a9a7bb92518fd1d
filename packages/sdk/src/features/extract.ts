import { FEATURE_COUNT, FEATURE_NAMES, type FeatureName } from '@smart-onboarding/protocol/features';
import type { RawEvent, RawEventOf, TargetInfo } from '../capture/raw-event';

/** How long after a click the page has to react before the click counts as unanswered (dead). */
export const CLICK_RESPONSE_MS = 1000;

const SLOT = Object.fromEntries(FEATURE_NAMES.map((name, i) => [name, i])) as Record<FeatureName, number>;

type Click = RawEventOf<'click'>;

const RAGE_RADIUS_PX = 30;
const RAGE_GAP_MS = 1000;
const STROKE_PAUSE_MS = 250;
const RESAMPLE_MS = 20;
/** 8000 px/s: faster than a hand moves a pointer, so a jump rather than motion. */
const MAX_HAND_SPEED = 8;
const MOVING_SPEED = 20 / 1000; // px per ms
const TURN_MIN_SEGMENT_PX = 3;
const DWELL_RADIUS_PX = 12;
const QUICK_BACK_MS = 5000;
const SCROLL_REVERSAL_PX = 50;

/**
 * Computes the feature vector (layout: `FEATURE_NAMES`) of the events with `t0 <= t < t1`.
 * Pure: `events` must be in time order and may extend past the window on either side; only the window's
 * events count, except that a click's answer is looked for up to `CLICK_RESPONSE_MS` after it, within the window.
 *
 * @example
 * const values = extractFeatures(events, now - WINDOW_MS, now);
 * values[FEATURE_NAMES.indexOf('rage_chain_max')];
 */
export function extractFeatures(events: readonly RawEvent[], t0: number, t1: number): number[] {
  const v = new Array<number>(FEATURE_COUNT).fill(0);
  const inWindow = events.filter((e) => e.t >= t0 && e.t < t1);
  v[SLOT.event_count] = inWindow.length;
  pointerPath(inWindow, v);
  v[SLOT.max_gap_ms] = maxGap(inWindow, t0, t1);
  v[SLOT.max_dwell_ms] = maxDwell(inWindow, t1);
  clicks(inWindow, t1, v);
  pageActivity(inWindow, t0, t1, v);
  return v;
}

function isPathEvent(e: RawEvent): e is RawEventOf<'move'> | RawEventOf<'down'> | RawEventOf<'up'> {
  return (e.type === 'move' || e.type === 'down' || e.type === 'up') && e.pointer !== 'touch';
}

/**
 * Pointer kinematics on a fixed clock. Browsers, devices and remote desktops deliver moves at 8 to 240 Hz,
 * sometimes several with one timestamp; resampling each stroke every `RESAMPLE_MS` by linear
 * interpolation makes speeds, turns and sub-movements mean the same whatever the rate. A step faster than
 * any hand (`MAX_HAND_SPEED`) is a jump (the pointer left and re-entered, or samples were lost), not motion.
 */
function pointerPath(events: readonly RawEvent[], v: number[]): void {
  const strokes: { t: number; x: number; y: number }[][] = [];
  let current: { t: number; x: number; y: number }[] = [];
  for (const e of events) {
    if (!isPathEvent(e)) continue;
    const last = current.at(-1);
    if (last && e.t - last.t >= STROKE_PAUSE_MS) {
      strokes.push(current);
      current = [];
    }
    if (last && e.t === last.t && current.length) current[current.length - 1] = { t: e.t, x: e.x, y: e.y };
    else current.push({ t: e.t, x: e.x, y: e.y });
  }
  if (current.length) strokes.push(current);

  let path = 0;
  let moving = 0;
  let peak = 0;
  let turns = 0;
  let strokeCount = 0;
  let extraPeaks = 0;
  let chordSum = 0;
  let chordPathSum = 0;
  for (const stroke of strokes) {
    const grid = resample(stroke);
    let strokePath = 0;
    let peaks = 0;
    let rising = false;
    let localMax = 0;
    let lastSpeed = 0;
    let lastSegment: { dx: number; dy: number } | undefined;
    let turnAnchor = grid[0];
    for (let i = 1; i < grid.length; i++) {
      const a = grid[i - 1]!;
      const b = grid[i]!;
      const dt = b.t - a.t;
      const d = Math.hypot(b.x - a.x, b.y - a.y);
      const speed = dt > 0 ? d / dt : 0;
      if (speed > MAX_HAND_SPEED) {
        turnAnchor = b;
        lastSegment = undefined;
        continue;
      }
      strokePath += d;
      if (speed > MOVING_SPEED) moving += dt;
      peak = Math.max(peak, speed);
      if (speed > lastSpeed) {
        rising = true;
        localMax = speed;
      } else if (rising && speed < 0.6 * localMax) {
        peaks++;
        rising = false;
      }
      lastSpeed = speed;
      // Directions are compared over segments of at least TURN_MIN_SEGMENT_PX, so tremor does not count.
      const sx = b.x - turnAnchor!.x;
      const sy = b.y - turnAnchor!.y;
      const len = Math.hypot(sx, sy);
      if (len >= TURN_MIN_SEGMENT_PX) {
        if (lastSegment) {
          const cos =
            (sx * lastSegment.dx + sy * lastSegment.dy) / (len * Math.hypot(lastSegment.dx, lastSegment.dy));
          if (cos < -0.5) turns++;
        }
        lastSegment = { dx: sx, dy: sy };
        turnAnchor = b;
      }
    }
    if (rising) peaks++;
    if (strokePath > 0) {
      strokeCount++;
      extraPeaks += Math.max(0, peaks - 1);
    }
    if (strokePath > 50) {
      const first = stroke[0]!;
      const last = stroke.at(-1)!;
      chordSum += Math.min(strokePath, Math.hypot(last.x - first.x, last.y - first.y));
      chordPathSum += strokePath;
    }
    path += strokePath;
  }
  v[SLOT.pointer_path_px] = path;
  v[SLOT.pointer_moving_ms] = moving;
  v[SLOT.pointer_mean_speed] = moving > 0 ? (path / moving) * 1000 : 0;
  v[SLOT.pointer_peak_speed] = peak * 1000;
  v[SLOT.sharp_turns] = turns;
  v[SLOT.sharp_turn_rate] = turns / Math.max(moving / 1000, 0.5);
  v[SLOT.straightness] = chordPathSum > 0 ? chordSum / chordPathSum : 1;
  v[SLOT.corrections_per_stroke] = strokeCount > 0 ? extraPeaks / strokeCount : 0;
  v[SLOT.strokes] = strokeCount;
}

/** Positions of a stroke every RESAMPLE_MS from its first sample to its last, by linear interpolation. */
function resample(
  stroke: readonly { t: number; x: number; y: number }[],
): { t: number; x: number; y: number }[] {
  const first = stroke[0]!;
  const last = stroke.at(-1)!;
  const out = [first];
  let j = 0;
  for (let t = first.t + RESAMPLE_MS; t < last.t; t += RESAMPLE_MS) {
    while (stroke[j + 1]!.t < t) j++;
    const a = stroke[j]!;
    const b = stroke[j + 1]!;
    const f = (t - a.t) / (b.t - a.t);
    out.push({ t, x: a.x + (b.x - a.x) * f, y: a.y + (b.y - a.y) * f });
  }
  if (last !== first) out.push(last);
  return out;
}

function maxGap(events: readonly RawEvent[], t0: number, t1: number): number {
  let last = t0;
  let gap = 0;
  for (const e of events) {
    gap = Math.max(gap, e.t - last);
    last = e.t;
  }
  return Math.max(gap, t1 - last);
}

function maxDwell(events: readonly RawEvent[], t1: number): number {
  let anchor: { t: number; x: number; y: number } | undefined;
  let best = 0;
  for (const e of events) {
    if (e.type === 'click' || e.type === 'down') {
      anchor = undefined;
      continue;
    }
    if (e.type !== 'move') continue;
    if (!anchor || Math.hypot(e.x - anchor.x, e.y - anchor.y) > DWELL_RADIUS_PX) {
      if (anchor) best = Math.max(best, e.t - anchor.t);
      anchor = { t: e.t, x: e.x, y: e.y };
    }
  }
  if (anchor) best = Math.max(best, t1 - anchor.t);
  return best;
}

/** Events that show the page reacted to a click. */
function isAnswer(e: RawEvent): boolean {
  return (
    e.type === 'mutation' ||
    e.type === 'nav' ||
    e.type === 'scroll' ||
    e.type === 'focus' ||
    e.type === 'selection' ||
    e.type === 'error' ||
    e.type === 'submit'
  );
}

function expectsAnswer(target: TargetInfo | undefined): boolean {
  if (!target?.interactive || target.disabled) return false;
  return target.kind !== 'link' && target.kind !== 'text-input' && target.kind !== 'select';
}

function clicks(events: readonly RawEvent[], t1: number, v: number[]): void {
  const list = events.filter((e): e is Click => e.type === 'click');
  v[SLOT.clicks] = list.length;
  let chain = 0;
  let chainMax = 0;
  let prev: Click | undefined;
  const perTarget = new Map<string, number>();
  for (const c of list) {
    if (c.detail >= 2) v[SLOT.double_clicks]!++;
    if (c.detail === 0) v[SLOT.keyboard_clicks]!++;
    if (c.pointer === 'touch') v[SLOT.touch_clicks]!++;
    if (c.target && !c.target.interactive) v[SLOT.non_interactive_clicks]!++;
    if (c.target?.stepper) {
      v[SLOT.stepper_clicks]!++;
      continue;
    }
    const near =
      prev &&
      c.t - prev.t <= RAGE_GAP_MS &&
      Math.abs(c.x - prev.x) + Math.abs(c.y - prev.y) <= RAGE_RADIUS_PX &&
      c.detail !== 0;
    chain = near ? chain + 1 : 1;
    chainMax = Math.max(chainMax, chain);
    prev = c;
    if (c.target) {
      const n = (perTarget.get(c.target.selector) ?? 0) + 1;
      perTarget.set(c.target.selector, n);
      v[SLOT.same_target_clicks_max] = Math.max(v[SLOT.same_target_clicks_max]!, n);
    }
  }
  v[SLOT.rage_chain_max] = chainMax;
  // Answers are looked for in the window only: a click in its last second is judged by a later window.
  let j = 0;
  for (const c of list) {
    while (j < events.length && events[j]!.t <= c.t) j++;
    let answered = false;
    let errored = false;
    for (let k = j; k < events.length && events[k]!.t <= c.t + CLICK_RESPONSE_MS; k++) {
      const e = events[k]!;
      if (isAnswer(e)) answered = true;
      if (e.type === 'error') errored = true;
    }
    if (errored) v[SLOT.error_clicks]!++;
    if (!answered && c.t + CLICK_RESPONSE_MS <= t1 && expectsAnswer(c.target)) v[SLOT.unanswered_clicks]!++;
  }
}

function pageActivity(events: readonly RawEvent[], t0: number, t1: number, v: number[]): void {
  const lastScroll = new Map<string, { x: number; y: number; dir: number; run: number }>();
  const focused = new Set<string>();
  let arrivedAt = -Infinity;
  let hiddenSince: number | undefined;
  let hiddenMs = 0;
  let sawVisibility = false;
  for (const e of events) {
    switch (e.type) {
      case 'error':
        v[SLOT.errors]!++;
        break;
      case 'wheel':
        v[SLOT.wheel_events]!++;
        break;
      case 'scroll': {
        const key = e.container ?? '';
        const s = lastScroll.get(key);
        if (!s) {
          lastScroll.set(key, { x: e.x, y: e.y, dir: 0, run: 0 });
          break;
        }
        const dy = e.y - s.y;
        v[SLOT.scroll_px]! += Math.abs(dy) + Math.abs(e.x - s.x);
        const dir = Math.sign(dy);
        if (dir !== 0 && dir !== s.dir) {
          if (s.dir !== 0 && s.run >= SCROLL_REVERSAL_PX) v[SLOT.scroll_reversals]!++;
          s.dir = dir;
          s.run = 0;
        }
        s.run += Math.abs(dy);
        s.x = e.x;
        s.y = e.y;
        break;
      }
      case 'key':
        v[SLOT.keys]!++;
        if (e.kind === 'delete') v[SLOT.delete_keys]!++;
        break;
      case 'input':
        if (e.kind !== 'insert') v[SLOT.input_corrections]!++;
        break;
      case 'focus':
        if (focused.has(e.target.selector)) v[SLOT.refocus]!++;
        focused.add(e.target.selector);
        break;
      case 'invalid':
        v[SLOT.invalid]!++;
        break;
      case 'submit':
        v[SLOT.submits]!++;
        break;
      case 'nav':
        v[SLOT.navs]!++;
        if (e.kind === 'pop') {
          v[SLOT.back_navs]!++;
          if (e.t - arrivedAt <= QUICK_BACK_MS) v[SLOT.quick_backs]!++;
        }
        arrivedAt = e.t;
        break;
      case 'mutation':
        v[SLOT.mutations]!++;
        break;
      case 'selection':
        v[SLOT.selections]!++;
        break;
      case 'visibility':
        // The first visibility event tells what the state was before it, from the window start.
        if (!sawVisibility && !e.hidden) hiddenSince = t0;
        sawVisibility = true;
        if (e.hidden && hiddenSince === undefined) hiddenSince = e.t;
        if (!e.hidden && hiddenSince !== undefined) {
          hiddenMs += e.t - hiddenSince;
          hiddenSince = undefined;
        }
        break;
      default:
        break;
    }
  }
  if (hiddenSince !== undefined) hiddenMs += t1 - hiddenSince;
  v[SLOT.hidden_fraction] = hiddenMs / (t1 - t0);
}

/** Index of a named slot, for readers of a vector. */
export function featureIndex(name: FeatureName): number {
  return SLOT[name];
}
