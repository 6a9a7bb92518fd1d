import { Signal } from '@smart-onboarding/protocol';
import { describe, expect, it } from 'vitest';
import { click, clicksEvery, error, hover } from './fixtures';
import { detectSignals, SIGNAL_DETECTORS } from './index';

describe('detectSignals', () => {
  it('runs every detector, sorted by time, each signal valid on the wire', () => {
    const events = [
      hover(0, 'enter'),
      hover(3500, 'leave'),
      ...clicksEvery(3, 100).map((e) => ({ ...e, t: e.t + 4000 })),
      click(6000),
      error(6100),
    ];
    const signals = detectSignals(events, { now: 9000 });
    expect(signals.map((s) => s.type)).toEqual(['hesitation', 'dead_click', 'rage_click', 'error_click']);
    for (const s of signals) expect(Signal.parse(s)).toEqual(s);
  });

  it('can run a subset', () => {
    expect(
      detectSignals(clicksEvery(3, 100), { only: ['dead_click'], now: 5000 }).map((s) => s.type),
    ).toEqual(['dead_click']);
  });

  it('covers the eight signals of the protocol', () => {
    expect(Object.keys(SIGNAL_DETECTORS).sort()).toEqual(Signal.shape.type.options.slice().sort());
  });
});
