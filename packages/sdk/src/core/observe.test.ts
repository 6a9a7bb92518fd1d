import type { StruggleMetrics } from '@smart-onboarding/protocol';
import { describe, expect, it, vi } from 'vitest';
import type { PointerKind, RawEvent } from '../capture/raw-event';
import { clicksEvery, mutation, nav } from '../signals/fixtures';
import { createDetectorWith, type DetectorEnvironment } from '../struggle/create-detector';
import type { CreateStruggleDetector } from '../struggle/detector';
import type { EventBody } from './envelope';
import { startObserving } from './observe';

/** The detector's surroundings outside a page: the same clock and timers, no idle moment, no model. */
const nodeEnvironment: DetectorEnvironment = {
  now: () => performance.now(),
  every(ms, fn) {
    const id = setInterval(fn, ms);
    return () => clearInterval(id);
  },
  whenIdle: () => () => {},
  loadModel: () => {
    throw new Error('no model outside a page');
  },
};

/** Observation with the real signal loop and rules detector, capture played by the test. */
function observe({
  stepId = undefined as string | undefined,
  detector = true as boolean | CreateStruggleDetector,
} = {}) {
  let sink: ((e: RawEvent) => void) | undefined;
  let moveSink: ((t: number, x: number, y: number, pointer: PointerKind) => void) | undefined;
  const sent: [EventBody, boolean | undefined][] = [];
  const emitted: [string, unknown][] = [];
  const reports: StruggleMetrics[] = [];
  const counts = { hiding: 0, captureStopped: 0 };
  const observer = startObserving({
    capture: (emit, move) => {
      sink = emit;
      moveSink = move;
      return () => counts.captureStopped++;
    },
    send: (body, urgent) => sent.push([body, urgent]),
    transport: {
      struggle: (r) => reports.push(r),
      flushOnHide: () => counts.hiding++,
    },
    emit: (name, payload) => emitted.push([String(name), payload]),
    stepId: () => stepId,
    loadDetector:
      detector === true
        ? async () => (o) => createDetectorWith(o, nodeEnvironment)
        : detector
          ? async () => detector
          : undefined,
    detector: { model: false, assetsBaseUrl: '/v1/model/' },
    warn: () => {},
  });
  /** Plays raw events whose times are relative to a moment just past. */
  const play = (events: RawEvent[]) => {
    const t0 = performance.now() - 2000;
    // As capture hands them over: moves as plain numbers, everything else as events.
    for (const e of events)
      if (e.type === 'move') moveSink?.(t0 + e.t, e.x, e.y, e.pointer);
      else sink?.({ ...e, t: t0 + e.t });
  };
  const types = () =>
    sent.map(
      ([b, urgent]) => `${b.eventType}${'action' in b ? ` ${b.action}` : ''}${urgent ? ' (urgent)' : ''}`,
    );
  return { observer, play, sent, emitted, reports, counts, types };
}

describe('startObserving', () => {
  it.each<[string, RawEvent[], string[]]>([
    ['a navigation is a page view', [nav(0, '/settings')], ['page view']],
    ['a replaced URL is no new page', [nav(0, '/settings', 'replace')], []],
    [
      'the page hiding: its visibility, the engagement so far, and the queue handed over',
      [mutation(0), { type: 'visibility', t: 10, hidden: true } as RawEvent],
      ['page hidden', 'engagement'],
    ],
    ['the page shown again', [{ type: 'visibility', t: 0, hidden: false } as RawEvent], ['page visible']],
  ])('%s', (_name, events, expected) => {
    const o = observe({ detector: false });
    o.play(events);
    expect(o.types()).toEqual(expected);
    expect(o.counts.hiding).toBe(expected.includes('page hidden') ? 1 : 0);
    o.observer.stop(false);
  });

  it('a rage click is a signal at once (on(signal) and up the wire, urgent), then a struggle report with its context', async () => {
    const o = observe({ stepId: 'schedule' });
    o.play(clicksEvery(3, 150));
    await vi.waitFor(() => expect(o.emitted.map(([name]) => name)).toContain('signal'));
    const [, signal] = o.emitted.find(([name]) => name === 'signal')!;
    expect(signal).toMatchObject({ type: 'rage_click' });
    // Signals leave on the epoch clock.
    expect(Math.abs((signal as { t: number }).t - Date.now())).toBeLessThan(5000);
    expect(o.sent).toContainEqual([{ eventType: 'signal', signal }, true]);
    await vi.waitFor(() => expect(o.reports).toHaveLength(1));
    const [, struggle] = o.emitted.find(([name]) => name === 'struggle')!;
    expect(struggle).toMatchObject({ source: 'rules', stepId: 'schedule' });
    expect(o.reports[0]).toMatchObject({ stepId: 'schedule', source: 'rules' });
    expect(o.reports[0]!.recentSignals).toContainEqual(signal);
    expect(o.types()).toContain('struggle (urgent)');
    o.observer.stop(false);
  });

  it('a struggle raised on the very signals it was handed carries them as its context', async () => {
    // A detector that decides at once, on the batch it is pushed (as the rules do on an unanswered rage click).
    const atOnce: CreateStruggleDetector = (options) => ({
      move: () => {},
      push: (_events, signals) => {
        const rage = signals.find((s) => s.type === 'rage_click');
        if (rage)
          options.onStruggle({
            score: 0.9,
            source: 'rules',
            reasons: [{ code: 'rage_click', weight: 0.9 }],
            t: rage.t,
          });
      },
      setStep: () => {},
      state: () => ({ active: 'rules' }),
      teardown: () => {},
    });
    const o = observe({ detector: atOnce });
    await Promise.resolve();
    o.play(clicksEvery(3, 150));
    await vi.waitFor(() => expect(o.reports).toHaveLength(1));
    expect(o.reports[0]!.recentSignals.map((s) => s.type)).toContain('rage_click');
    // The signal is out before the struggle it raised.
    const order = o.emitted.map(([name]) => name);
    expect(order.indexOf('signal')).toBeLessThan(order.indexOf('struggle'));
    o.observer.stop(false);
  });

  it('without struggle detection, signals still flow', async () => {
    const o = observe({ detector: false });
    o.play(clicksEvery(3, 150));
    await vi.waitFor(() => expect(o.types()).toContain('signal (urgent)'));
    expect(o.observer.scorer()).toBeUndefined();
    o.observer.stop(false);
  });

  it('stop removes capture and timers; a final stop sends the engagement summary first', () => {
    const o = observe({ detector: false });
    o.play([mutation(0), mutation(100)]);
    o.observer.stop(true);
    expect(o.types()).toEqual(['engagement']);
    expect(o.counts.captureStopped).toBe(1);
    const q = observe({ detector: false });
    q.play([mutation(0)]);
    q.observer.stop(false);
    expect(q.types()).toEqual([]);
  });
});
