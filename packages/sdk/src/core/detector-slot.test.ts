import type { Signal } from '@smart-onboarding/protocol';
import { describe, expect, it } from 'vitest';
import type { RawEvent } from '../capture/raw-event';
import { click } from '../signals/fixtures';
import type { CreateStruggleDetector, StruggleDetector, StruggleDetectorOptions } from '../struggle/detector';
import { DETECTOR_BACKLOG, loadDetector, SIGNAL_BACKLOG } from './detector-slot';
import { deferred } from './fixtures';

const options: StruggleDetectorOptions = {
  model: false,
  assetsBaseUrl: '/v1/model/',
  onStruggle: () => {},
  onWindow: () => {},
  onScorerChange: () => {},
};
const signal = (t: number): Signal => ({ type: 'dead_click', t, evidence: {} });

/** A detector that writes down what reaches it. */
function recorder() {
  const seen = {
    events: [] as number[],
    signals: [] as number[],
    steps: [] as (string | undefined)[],
    torn: 0,
  };
  const detector: StruggleDetector = {
    push: (events, signals) => {
      seen.events.push(...events.map((e) => e.t));
      seen.signals.push(...signals.map((s) => s.t));
    },
    move: (t) => seen.events.push(t),
    setStep: (id) => seen.steps.push(id),
    state: () => ({ active: 'rules', detail: 'disabled' }),
    teardown: () => seen.torn++,
  };
  return { seen, create: (() => detector) as CreateStruggleDetector };
}

function slot(stepId?: string) {
  const load = deferred<CreateStruggleDetector>();
  const warnings: unknown[][] = [];
  let ready = 0;
  const s = loadDetector(() => load.promise, options, {
    stepId: () => stepId,
    ready: () => ready++,
    warn: (...args) => warnings.push(args),
  });
  return { s, load, warnings, ready: () => ready };
}

const feed = (s: ReturnType<typeof loadDetector>, events: RawEvent[], signals: Signal[] = []) => {
  for (const e of events) s.add(e);
  s.push(signals);
};

describe('loadDetector', () => {
  it('holds what capture saw while loading and hands it over, on the current step, once loaded', async () => {
    const { s, load, ready } = slot('connect');
    feed(s, [click(1), click(2)], [signal(2)]);
    expect(s.state()).toBeUndefined();
    const r = recorder();
    load.resolve(r.create);
    await load.promise;
    await Promise.resolve();
    expect(r.seen.steps).toEqual(['connect']);
    expect(ready()).toBe(1);
    feed(s, [click(3)], [signal(3)]);
    expect(r.seen.events).toEqual([1, 2, 3]);
    expect(r.seen.signals).toEqual([2, 3]);
    expect(s.state()).toEqual({ active: 'rules', detail: 'disabled' });
  });

  it('keeps the backlog bounded, newest first, while it loads', async () => {
    const { s, load } = slot();
    const many = Array.from({ length: DETECTOR_BACKLOG + 50 }, (_, i) => click(i));
    feed(
      s,
      many,
      Array.from({ length: SIGNAL_BACKLOG + 7 }, (_, i) => signal(i)),
    );
    const r = recorder();
    load.resolve(r.create);
    await load.promise;
    await Promise.resolve();
    s.push([]);
    expect(r.seen.events).toHaveLength(DETECTOR_BACKLOG);
    expect(r.seen.events[0]).toBe(50);
    expect(r.seen.signals).toHaveLength(SIGNAL_BACKLOG);
    expect(r.seen.signals[0]).toBe(7);
  });

  it('holds nothing once loading failed, and says why in debug', async () => {
    const { s, load, warnings } = slot();
    feed(s, [click(1)]);
    load.reject(new Error('blocked by CSP'));
    await load.promise.catch(() => {});
    await Promise.resolve();
    expect(warnings[0]?.[0]).toBe('struggle detection unavailable');
    feed(s, [click(2)]);
    expect(s.state()).toBeUndefined();
  });

  it('never creates the detector when torn down before it loaded', async () => {
    const { s, load, ready } = slot();
    s.teardown();
    const r = recorder();
    let created = 0;
    load.resolve((o) => {
      created++;
      return r.create(o);
    });
    await load.promise;
    await Promise.resolve();
    expect(created).toBe(0);
    expect(ready()).toBe(0);
  });

  it('tears the detector down with it, and steps reach it', async () => {
    const { s, load } = slot();
    const r = recorder();
    load.resolve(r.create);
    await load.promise;
    await Promise.resolve();
    s.setStep('billing');
    s.teardown();
    expect(r.seen.steps).toEqual([undefined, 'billing']);
    expect(r.seen.torn).toBe(1);
    expect(s.state()).toBeUndefined();
  });

  it('without a loader, holds nothing', () => {
    const s = loadDetector(undefined, options, { stepId: () => undefined, ready: () => {}, warn: () => {} });
    feed(s, [click(1)], [signal(1)]);
    expect(s.state()).toBeUndefined();
  });
});

describe('pointer moves through the slot', () => {
  it('go straight to the detector once it is there, and are not held while it loads', async () => {
    const { s, load } = slot();
    s.move(1, 5, 6, 'mouse');
    const r = recorder();
    load.resolve(r.create);
    await load.promise;
    await Promise.resolve();
    s.push([]);
    expect(r.seen.events).toEqual([]);
    s.move(2, 7, 8, 'pen');
    expect(r.seen.events).toEqual([2]);
  });
});
