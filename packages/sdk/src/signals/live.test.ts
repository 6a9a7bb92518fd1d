import { Signal } from '@smart-onboarding/protocol';
import { seededRandom } from '@smart-onboarding/stats';
import { describe, expect, it } from 'vitest';
import type { RawEvent } from '../capture/raw-event';
import {
  button,
  click,
  clicksEvery,
  divButton,
  error,
  field,
  focus,
  hover,
  input,
  invalid,
  key,
  link,
  move,
  mutation,
  nav,
  other,
  scroll,
  selection,
  step,
  stepper,
  text,
  zigzag,
} from './fixtures';
import { detectSignals } from './index';

/** As the SDK feeds the loop: moves as plain numbers, everything else as events. */
const feed = (loop: ReturnType<typeof createSignalLoop>, e: RawEvent) =>
  e.type === 'move' ? loop.move(e.t, e.x, e.y, e.pointer) : loop.add(e);

import { createSignalLoop } from './live';

describe('createSignalLoop', () => {
  it('reports each signal once however often it runs', () => {
    const loop = createSignalLoop();
    const clicks = clicksEvery(5, 100);
    for (const c of clicks.slice(0, 2)) loop.add(c);
    expect(loop.run(150)).toEqual([]);
    loop.add(clicks[2]!);
    expect(loop.run(250).map((s) => s.type)).toEqual(['rage_click']);
    loop.add(clicks[3]!);
    loop.add(clicks[4]!);
    expect(loop.run(450)).toEqual([]);
    // the dead click of the series shows once its window has passed
    expect(loop.run(1100).map((s) => s.type)).toEqual(['dead_click']);
    expect(loop.run(1500)).toEqual([]);
  });

  it('forgets events past its horizon', () => {
    const loop = createSignalLoop();
    for (const c of clicksEvery(3, 100)) loop.add(c);
    expect(loop.run(300).length).toBe(1);
    expect(loop.run(100_000)).toEqual([]);
  });
});

/** A random but plausible stream of every kind of raw event, dense enough that every detector fires. */
function randomTimeline(seed: number, n: number): RawEvent[] {
  const rng = seededRandom(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rng() * xs.length)]!;
  const targets = [button, divButton, stepper, text, link, field, other, undefined];
  const out: RawEvent[] = [];
  let t = 0;
  let x = 300;
  let y = 300;
  for (let i = 0; i < n; i++) {
    t += rng() < 0.7 ? 16 : 50 + rng() * 1500;
    const r = rng();
    if (r < 0.45) {
      x += (rng() < 0.5 ? -1 : 1) * rng() * 120;
      y += (rng() - 0.5) * 20;
      out.push(move(t, x, y, rng() < 0.05 ? 'touch' : 'mouse'));
    } else if (r < 0.62) {
      const target = pick(targets);
      const burst = 1 + Math.floor(rng() * 5);
      for (let k = 0; k < burst; k++) {
        out.push(click(t, x + rng() * 20, y, target, rng() < 0.5 ? Math.min(k + 1, 3) : 1));
        t += 80 + rng() * 400;
      }
    } else if (r < 0.68)
      out.push(hover(t, rng() < 0.6 ? 'enter' : 'leave', pick([button, link, divButton, text])));
    else if (r < 0.72) out.push(mutation(t));
    else if (r < 0.74) out.push(error(t, rng() < 0.5 ? 'js' : 'request', 500));
    else if (r < 0.77) out.push(nav(t, pick(['/a', '/b', '/c']), pick(['push', 'pop', 'replace'] as const)));
    else if (r < 0.84) out.push(scroll(t, Math.round(rng() * 3000), rng() < 0.3 ? '#list' : undefined));
    else if (r < 0.88) out.push(focus(t, pick([field, other])));
    else if (r < 0.93)
      out.push(input(t, pick(['insert', 'delete', 'replace'] as const), pick([field, other])));
    else if (r < 0.95) out.push(invalid(t, pick([field, other])));
    else if (r < 0.97) out.push(selection(t, rng() < 0.5 ? 0 : 4));
    else if (r < 0.975) out.push(key(t));
    else if (r < 0.985) {
      // Shaking the pointer: seven fast legs of 200 px.
      const shake = zigzag(7, 200, 100, t);
      out.push(...shake);
      t = shake.at(-1)!.t;
    } else out.push(step(t, `s${i}`, rng() < 0.7 ? 500 + rng() * 2000 : undefined));
  }
  return out;
}

describe('createSignalLoop against detectSignals', () => {
  // Live, each event is seen once; in batch, every event so far is re-read at each check. At every check
  // the SDK makes (after each click, error, navigation or rejected field, and every 500 ms), the live loop
  // must return exactly what the batch detectors newly show over everything so far.
  it('agrees check by check on random timelines, with every signal among them', { timeout: 60_000 }, () => {
    const types = new Set<string>();
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const events = randomTimeline(seed, 500);
      const loop = createSignalLoop();
      const seen = new Set<string>();
      let nextTick = 500;
      let fed = 0;
      const check = (upto: number, now: number) => {
        for (; fed < upto; fed++) feed(loop, events[fed]!);
        const expected = detectSignals(events.slice(0, upto), { now }).filter((s) => {
          // A burst's element is its latest click's: as the burst grows, batch names it anew; it is one signal.
          const k = `${s.type}|${s.t}|${s.type === 'rage_click' ? '' : (s.element?.selector ?? '')}`;
          return !seen.has(k) && seen.add(k);
        });
        const order = (xs: Signal[]) => [...xs].sort((a, b) => a.t - b.t || a.type.localeCompare(b.type));
        expect(order(loop.run(now)), `seed ${seed} at ${now}`).toEqual(order(expected));
        for (const s of expected) types.add(s.type);
      };
      for (let i = 0; i < events.length; i++) {
        const e = events[i]!;
        for (; nextTick <= e.t; nextTick += 500) check(i, nextTick);
        if (['click', 'error', 'nav', 'invalid'].includes(e.type)) check(i + 1, e.t);
      }
      check(events.length, nextTick + 5000);
    }
    expect([...types].sort()).toEqual(Signal.shape.type.options.slice().sort());
  });
});
