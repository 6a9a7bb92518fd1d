import type { Signal } from '@smart-onboarding/protocol';
import { describe, expect, it } from 'vitest';
import type { RawEvent, TargetInfo } from '../capture/raw-event';
import { featureIndex } from '../features/extract';
import { createDetectorWith, type DetectorEnvironment } from './create-detector';
import type { ScorerState, StruggleReport } from './detector';
import { ModelLoadError, type ModelScorer } from './model-scorer';

const button: TargetInfo = { selector: '#pay', tag: 'button', kind: 'button', interactive: true };
const click = (t: number): RawEvent => ({
  type: 'click',
  t,
  x: 10,
  y: 10,
  pointer: 'mouse',
  detail: 1,
  target: button,
});
const rage = (t: number): Signal => ({
  type: 'rage_click',
  t,
  element: { selector: '#pay' },
  evidence: { clicks: 3 },
});

/** A hand-driven clock and idle callback, and a model whose answers the test decides. */
function harness(model: boolean, scorer?: () => ModelScorer) {
  let now = 0;
  const ticks: (() => void)[] = [];
  const idle: (() => void)[] = [];
  const env: DetectorEnvironment = {
    now: () => now,
    every: (_ms, fn) => {
      ticks.push(fn);
      return () => ticks.splice(ticks.indexOf(fn), 1);
    },
    whenIdle: (fn) => {
      idle.push(fn);
      return () => idle.splice(idle.indexOf(fn), 1);
    },
    loadModel: () => {
      if (!scorer) throw new Error('no model');
      return scorer();
    },
  };
  const reports: StruggleReport[] = [];
  const states: ScorerState[] = [];
  const windows: number[] = [];
  const detector = createDetectorWith(
    {
      model,
      assetsBaseUrl: '/v1/model/',
      onStruggle: (r) => reports.push(r),
      onWindow: (w) => windows.push(w.t1),
      onScorerChange: (s) => states.push(s),
    },
    env,
  );
  return {
    detector,
    reports,
    states,
    windows,
    idle,
    ticks,
    tick(to: number) {
      now = to;
      for (const fn of [...ticks]) fn();
    },
  };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

/** A detector whose model has loaded (the page went idle) and finds nothing alarming. */
async function withQuietModel() {
  const h = harness(true, () => ({
    ready: Promise.resolve({}),
    score: async () => ({ score: 0.1, reasons: [{ code: 'event_count', weight: 1 }] }),
    teardown() {},
  }));
  h.idle[0]!();
  await flush();
  return h;
}

describe('struggle detector', () => {
  it('rules decide when the model is off, and one rage episode raises one report with its reasons', () => {
    const h = harness(false);
    expect(h.states).toEqual([{ active: 'rules', detail: 'disabled' }]);
    h.detector.push([click(100), click(400)], []);
    h.detector.push([click(700)], [rage(700)]);
    h.detector.push([click(1000)], [rage(1000)]);
    expect(h.reports).toHaveLength(1);
    expect(h.reports[0]).toMatchObject({ source: 'rules', score: 0.75, element: '#pay', t: 701 });
    expect(h.reports[0]!.reasons[0]!.code).toBe('rage_click');
    expect(h.idle).toHaveLength(0);
  });

  it('produces feature windows on the hop clock, with and without new events', () => {
    const h = harness(false);
    h.detector.push([click(100)], []);
    h.tick(8000);
    expect(h.windows).toEqual([1000, 2000, 3000, 4000, 5000, 6000]);
  });

  it('switches to the model once it is ready, and reports with the model as source', async () => {
    const h = harness(true, () => ({
      ready: Promise.resolve({ raiseAt: 0.5 }),
      score: async (values) => ({
        score: values[0]! > 3 ? 0.9 : 0.1,
        reasons: [{ code: 'event_count', weight: 1 }],
      }),
      teardown() {},
    }));
    expect(h.states).toEqual([{ active: 'rules', detail: 'loading' }]);
    h.idle[0]!();
    await flush();
    expect(h.states.at(-1)).toEqual({ active: 'model' });
    h.detector.push([click(100), click(200), click(300), click(400)], []);
    await flush();
    expect(h.reports).toHaveLength(1);
    expect(h.reports[0]).toMatchObject({
      source: 'model',
      score: 0.9,
      reasons: [{ code: 'event_count', weight: 1 }],
    });
  });

  it('a rage click raises at once through the rules while the model decides, and only once', async () => {
    const h = await withQuietModel();
    expect(h.states.at(-1)).toEqual({ active: 'model' });
    h.detector.push([click(100), click(400)], []);
    await flush();
    expect(h.reports).toHaveLength(0);
    h.detector.push([click(700)], [rage(700)]);
    expect(h.reports).toMatchObject([{ source: 'rules', element: '#pay', t: 701 }]);
    h.detector.push([click(1000)], [rage(1000)]);
    await flush();
    expect(h.reports).toHaveLength(1);
  });

  it('a report a moment ago about something else does not hide rage clicks on a control that does not answer', async () => {
    // The model finds the first clicks alarming (as it did on Schedule, before the rage), then nothing.
    let calls = 0;
    const h = harness(true, () => ({
      ready: Promise.resolve({}),
      score: async () => ({ score: calls++ === 0 ? 0.95 : 0.1, reasons: [{ code: 'submits', weight: 1 }] }),
      teardown() {},
    }));
    h.idle[0]!();
    await flush();
    h.detector.push([click(100)], []);
    await flush();
    expect(h.reports.map((r) => r.source)).toEqual(['model']);
    h.detector.push([click(400), click(700)], [rage(700)]);
    await flush();
    expect(h.reports.map((r) => [r.source, r.element])).toEqual([
      ['model', undefined],
      ['rules', '#pay'],
    ]);
    // The same control again within the cooldown is the same struggle: no second report.
    h.detector.push([click(1000), click(1300), click(1600)], [rage(1600)]);
    await flush();
    expect(h.reports).toHaveLength(2);
  });

  it('rules alone: rage clicks on a control are reported though another alarm came seconds before', () => {
    const h = harness(false);
    h.detector.push([click(100), click(400)], []);
    h.detector.push([click(700)], [rage(700)]);
    // A new step: evidence of the last one is gone, and the same control on it is news.
    h.detector.setStep('schedule');
    h.detector.push([click(5000), click(5300)], []);
    h.detector.push([click(5600)], [rage(5600)]);
    expect(h.reports.map((r) => [r.source, r.element, r.t])).toEqual([
      ['rules', '#pay', 701],
      ['rules', '#pay', 5601],
    ]);
  });

  it('leaves rage clicks the page answered (a DOM change) to the model', async () => {
    const h = await withQuietModel();
    h.detector.push([click(100), { type: 'mutation', t: 120, nodes: 1, attributes: 0 }, click(400)], []);
    h.detector.push([click(700)], [{ ...rage(700), evidence: { clicks: 3, durationMs: 600 } }]);
    await flush();
    expect(h.reports).toHaveLength(0);
  });

  it('leaves rage clicks without an element (no DOM: a remote desktop, a canvas) to the model', async () => {
    const h = await withQuietModel();
    const { element: _none, ...bare } = rage(700);
    h.detector.push([click(100), click(400), click(700)], [bare]);
    await flush();
    expect(h.reports).toHaveLength(0);
  });

  it.each([
    ['wasm-blocked', new ModelLoadError('wasm-blocked', 'CSP')],
    ['load-failed', new ModelLoadError('load-failed', '404')],
    ['load-failed', new Error('anything else')],
  ] as const)('falls back to rules and says %s when the model cannot load', async (detail, error) => {
    const h = harness(true, () => ({
      ready: Promise.reject(error),
      score: () => Promise.reject(error),
      teardown() {},
    }));
    h.idle[0]!();
    await flush();
    expect(h.states.at(-1)).toEqual({ active: 'rules', detail });
    h.detector.push([click(700)], [rage(700)]);
    expect(h.reports[0]?.source).toBe('rules');
  });

  it('teardown stops the clock and the idle load', () => {
    const h = harness(true, () => ({
      ready: new Promise(() => {}),
      score: async () => ({ score: 0, reasons: [] }),
      teardown() {},
    }));
    h.detector.teardown();
    expect(h.ticks).toHaveLength(0);
    expect(h.idle).toHaveLength(0);
  });

  it('the cooldown holds across the switch from rules to the model: one episode, one report', async () => {
    let ready!: () => void;
    // The fake model scores a window high when it holds a double click.
    const h = harness(true, () => ({
      ready: new Promise((r) => {
        ready = () => r({ raiseAt: 0.5 });
      }),
      score: async (values) => ({
        score: values[featureIndex('double_clicks')]! > 0 ? 0.95 : 0.1,
        reasons: [{ code: 'double_clicks', weight: 1 }],
      }),
      teardown() {},
    }));
    const dbl = (t: number): RawEvent => ({ ...click(t), detail: 2 }) as RawEvent;
    h.idle[0]!();
    h.detector.push([click(700)], [rage(700)]);
    expect(h.reports.map((r) => r.source)).toEqual(['rules']);
    ready();
    await flush();
    h.detector.push([dbl(900), dbl(1100)], []);
    h.detector.push([click(20_000)], []);
    await flush();
    expect(h.reports.map((r) => r.source)).toEqual(['rules']);
    h.detector.push([dbl(40_000)], []);
    await flush();
    expect(h.reports.map((r) => [r.source, r.t])).toEqual([
      ['rules', 701],
      ['model', 40_001],
    ]);
  });
});
