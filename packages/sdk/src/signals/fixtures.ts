import type { RawEvent, TargetInfo } from '../capture/raw-event';

/** Small builders for signal tables: a test reads as a timeline. */
export const button: TargetInfo = { selector: '#save', tag: 'button', kind: 'button', interactive: true };
export const stepper: TargetInfo = { ...button, selector: '#next', stepper: true };
export const text: TargetInfo = { selector: 'p.intro', tag: 'p', kind: 'other', interactive: false };
export const link: TargetInfo = { selector: 'a.docs', tag: 'a', kind: 'link', interactive: true };
export const field: TargetInfo = { selector: '#email', tag: 'input', kind: 'text-input', interactive: true };
export const other: TargetInfo = { selector: '#name', tag: 'input', kind: 'text-input', interactive: true };

export const click = (t: number, x = 100, y = 100, target: TargetInfo | undefined = button, detail = 1) =>
  ({ type: 'click', t, x, y, pointer: 'mouse', detail, target }) as RawEvent;
export const move = (t: number, x: number, y: number, pointer: 'mouse' | 'touch' | 'pen' = 'mouse') =>
  ({ type: 'move', t, x, y, pointer }) as RawEvent;
export const scroll = (t: number, y: number, container?: string) =>
  ({ type: 'scroll', t, x: 0, y, maxY: 10_000, ...(container ? { container } : {}) }) as RawEvent;
export const mutation = (t: number) => ({ type: 'mutation', t, nodes: 1, attributes: 0 }) as RawEvent;
export const selection = (t: number, length = 5) => ({ type: 'selection', t, length }) as RawEvent;
export const error = (t: number, kind: 'js' | 'request' = 'js', status?: number) =>
  ({ type: 'error', t, kind, ...(status !== undefined ? { status } : {}) }) as RawEvent;
export const nav = (t: number, path: string, kind: 'load' | 'push' | 'replace' | 'pop' | 'hash' = 'push') =>
  ({ type: 'nav', t, path, kind }) as RawEvent;
export const focus = (t: number, target: TargetInfo = field) => ({ type: 'focus', t, target }) as RawEvent;
export const blur = (t: number, target: TargetInfo = field) => ({ type: 'blur', t, target }) as RawEvent;
export const input = (t: number, kind: 'insert' | 'delete' | 'replace', target: TargetInfo = field) =>
  ({ type: 'input', t, kind, target }) as RawEvent;
export const invalid = (t: number, target: TargetInfo = field) =>
  ({ type: 'invalid', t, target }) as RawEvent;
export const hover = (t: number, phase: 'enter' | 'leave', target: TargetInfo = button) =>
  ({ type: 'hover', t, phase, target }) as RawEvent;
export const step = (t: number, stepId: string, estimateMs?: number) =>
  ({ type: 'step', t, stepId, ...(estimateMs ? { estimateMs } : {}) }) as RawEvent;
export const key = (t: number) => ({ type: 'key', t, kind: 'char', target: button }) as RawEvent;

/** Clicks every `gapMs` from t=0 at one spot. */
export const clicksEvery = (
  n: number,
  gapMs: number,
  target: TargetInfo | undefined = button,
  detailOf = (_i: number) => 1,
) => Array.from({ length: n }, (_, i) => click(i * gapMs, 100 + i, 100, target, detailOf(i)));

/** A `div` styled as a button (it shows a pointer): a control the DOM cannot name. */
export const divButton: TargetInfo = { selector: '#save-div', tag: 'div', kind: 'other', interactive: true };

/** The click counts Chromium on Linux gives clicks `gapMs` apart at one spot: 1, 2, 3, then 3 again. */
export const linuxCount = (gapMs: number) => (i: number) => (gapMs < 500 ? Math.min(i + 1, 3) : 1);
/** The click counts macOS gives: 1, 2, 3, 4… while the clicks keep coming. */
export const macCount = (gapMs: number) => (i: number) => (gapMs < 500 ? i + 1 : 1);

/** A zig-zag of the pointer: `turns` legs of `amplitude` px, each `legMs` long, sampled every 16 ms. */
export const zigzag = (turns: number, amplitude: number, legMs: number, t0 = 0) => {
  const out: RawEvent[] = [];
  for (let leg = 0; leg <= turns; leg++)
    for (let s = 0; s < legMs; s += 16) {
      const f = s / legMs;
      const x = 300 + (leg % 2 === 0 ? f : 1 - f) * amplitude;
      out.push(move(t0 + leg * legMs + s, x, 300));
    }
  return out;
};
