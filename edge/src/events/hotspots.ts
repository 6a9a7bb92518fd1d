import type { BehaviorEvent } from '@smart-onboarding/protocol';
import { utcDay } from './aggregate';

/** Signals of one kind on one element of one step on one UTC day (a row of `struggle_hotspots_daily`). */
export interface HotspotCount {
  stepId: string;
  element: string;
  signal: string;
  day: string;
  count: number;
}

/** Selectors longer than this are cut: they group signals, and a browser chooses them. */
const ELEMENT_MAX = 200;

/**
 * Folds a batch's signal events into counts per step, element, signal and day: where users struggle and
 * how. Pure; what the queue consumer adds to D1 beside the engagement aggregates.
 *
 * @example
 * aggregateHotspots(events) // [{ stepId: 'connect', element: '#save', signal: 'rage_click', day: '2026-12-07', count: 2 }]
 */
export function aggregateHotspots(events: readonly BehaviorEvent[]): HotspotCount[] {
  const byKey = new Map<string, HotspotCount>();
  for (const e of events) {
    if (e.eventType !== 'signal') continue;
    const row = {
      stepId: e.stepId ?? '',
      element: (e.signal.element?.selector ?? '').slice(0, ELEMENT_MAX),
      signal: e.signal.type,
      day: utcDay(e.timestamp),
    };
    const key = `${row.stepId}\u0000${row.element}\u0000${row.signal}\u0000${row.day}`;
    const found = byKey.get(key);
    if (found) found.count++;
    else byKey.set(key, { ...row, count: 1 });
  }
  return [...byKey.values()];
}
