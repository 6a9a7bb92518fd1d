import type { Signal } from '@smart-onboarding/protocol';
import { describe, expect, it } from 'vitest';
import { balabitAvailable, loadBalabit } from './balabit';
import { createSignalLoop, detectSignals, type RawEvent } from './sdk';
import { PERSONAS } from './simulator/persona';
import { simulateUserBehavior } from './simulator/simulate';

// The SDK finds signals live, each event looked at once (`createSignalLoop`); the batch detectors
// (`detectSignals`, what this pipeline scores with) re-read every event. On recorded traces, the live loop
// must raise exactly what the batch detectors find over everything seen so far, at the same check, as
// the SDK checks: after each click, error, navigation or rejected field, and every 500 ms.

const TICK_MS = 500;
const URGENT = new Set(['click', 'error', 'nav', 'invalid']);

type Found = { check: number; signal: Signal };

/** Walks a trace as the SDK does, calling `check(upto, now)` at each of its checks. */
function walk(events: readonly RawEvent[], check: (upto: number, now: number) => void) {
  let nextTick = (events[0]?.t ?? 0) + TICK_MS;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    for (; nextTick <= e.t; nextTick += TICK_MS) check(i, nextTick);
    if (URGENT.has(e.type)) check(i + 1, e.t);
  }
  check(events.length, nextTick);
}

function live(events: readonly RawEvent[]): Found[] {
  const loop = createSignalLoop();
  const out: Found[] = [];
  let fed = 0;
  let checks = 0;
  walk(events, (upto, now) => {
    for (; fed < upto; fed++) {
      // As the SDK feeds it: moves as plain numbers, everything else as events.
      const e = events[fed]!;
      if (e.type === 'move') loop.move(e.t, e.x, e.y, e.pointer);
      else loop.add(e);
    }
    for (const signal of loop.run(now)) out.push({ check: checks, signal });
    checks++;
  });
  return out;
}

/** The batch detectors over every event so far at each check; a signal counts at the first check that shows it. */
function batch(events: readonly RawEvent[]): Found[] {
  const seen = new Set<string>();
  const out: Found[] = [];
  let checks = 0;
  walk(events, (upto, now) => {
    for (const signal of detectSignals(events.slice(0, upto), { now })) {
      // A rage burst is named by its latest click: as it grows, batch names it anew; it is one signal.
      const key = `${signal.type}|${signal.t}|${signal.type === 'rage_click' ? '' : (signal.element?.selector ?? '')}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ check: checks, signal });
    }
    checks++;
  });
  return out;
}

const byCheck = (found: Found[]) =>
  [...found].sort(
    (a, b) => a.check - b.check || a.signal.t - b.signal.t || a.signal.type.localeCompare(b.signal.type),
  );

describe('the live signal loop against the batch detectors', () => {
  it('raises the same signals at the same checks on simulated sessions of every persona kind', () => {
    const types = new Set<string>();
    let total = 0;
    for (const [i, persona] of PERSONAS.filter((_, k) => k % 4 === 0).entries()) {
      const sim = simulateUserBehavior(persona, { durationMs: 90_000, struggleRate: 0.6 }, 100 + i);
      const expected = byCheck(batch(sim.events));
      expect(byCheck(live(sim.events)), `${persona.id}, seed ${100 + i}`).toEqual(expected);
      for (const f of expected) types.add(f.signal.type);
      total += expected.length;
    }
    // The comparison covers real work: many signals, of most kinds.
    expect(total).toBeGreaterThan(50);
    expect(types.size).toBeGreaterThanOrEqual(5);
  });

  // The archive is not in the repository (its licence is the challenge's, not ours): where it is absent,
  // as on a fresh clone, the simulated sessions above still hold the live loop to the batch detectors.
  it.skipIf(!balabitAvailable())(
    'raises the same signals at the same checks on real mouse traces (Balabit)',
    {
      timeout: 180_000,
    },
    () => {
      const sessions = loadBalabit().filter((_, k) => k % 16 === 0);
      let total = 0;
      for (const s of sessions) {
        // Three minutes of each: the batch side re-reads everything at every check, quadratic in length.
        const t0 = s.events[0]!.t;
        const events = s.events.filter((e) => e.t - t0 < 180_000);
        const expected = byCheck(batch(events));
        expect(byCheck(live(events)), `${s.user}/${s.session}`).toEqual(expected);
        total += expected.length;
      }
      expect(sessions.length).toBeGreaterThanOrEqual(4);
      expect(total).toBeGreaterThan(0);
    },
  );
});
