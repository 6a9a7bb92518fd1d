import { all, listen, type Teardown } from './listen';
import type { PointerKind, RawEvent, TargetInfo } from './raw-event';

export interface CaptureSink {
  emit(event: RawEvent): void;
  /** Pointer moves as plain numbers (nothing is made per move). */
  move(t: number, x: number, y: number, pointer: PointerKind): void;
  describe(node: EventTarget | null | undefined): TargetInfo | undefined;
  /** The capture clock: performance.now() of the top window. */
  now(): number;
}

/** Pointer moves closer than this are dropped: the browser already coalesces to one per frame. */
const MOVE_MIN_MS = 8;

/** Keys reduced to their class, so timing is kept and the key never is. */
function keyKind(key: string): Extract<RawEvent, { type: 'key' }>['kind'] {
  if (key.length === 1) return 'char';
  if (key === 'Backspace' || key === 'Delete') return 'delete';
  if (key === 'Enter') return 'enter';
  if (key === 'Tab') return 'tab';
  if (key === 'Escape') return 'escape';
  if (/^(Arrow|Page|Home|End)/.test(key)) return 'navigation';
  if (/^(Shift|Control|Alt|Meta|CapsLock)$/.test(key)) return 'modifier';
  return 'other';
}

function pointerKind(e: Event): PointerKind {
  const type = (e as PointerEvent).pointerType;
  return type === 'touch' || type === 'pen' ? type : 'mouse';
}

/** The innermost target, through open shadow roots (events are retargeted to the host otherwise). */
function origin(e: Event): EventTarget | null {
  return (e.composedPath?.()[0] as EventTarget | undefined) ?? e.target;
}

/**
 * Listens to one window and its document: pointer, click, wheel, scroll, keys (class only), focus,
 * forms, selection, hover over actionable elements, visibility and resize. `offset` moves coordinates
 * of a same-origin iframe into the top window's viewport.
 */
export function captureDom(win: Window, sink: CaptureSink, offset: () => { x: number; y: number }): Teardown {
  const doc = win.document;
  const { emit, describe, now } = sink;
  let lastMove = -Infinity;
  let hovered: Element | undefined;
  let hoveredInfo: TargetInfo | undefined;
  let selectionLength = 0;

  const at = (e: Event) => {
    const o = offset();
    return { x: Math.round((e as MouseEvent).clientX + o.x), y: Math.round((e as MouseEvent).clientY + o.y) };
  };
  const on = (target: EventTarget, type: string, fn: (e: Event) => void) =>
    listen(target, type, (e) => {
      try {
        fn(e);
      } catch {
        // Capture never throws into the host page.
      }
    });

  /** A button pressed or released, where, with what, on what. */
  const press = (type: 'down' | 'up') => (e: Event) =>
    emit({
      type,
      t: now(),
      ...at(e),
      button: (e as PointerEvent).button,
      pointer: pointerKind(e),
      target: describe(origin(e)),
    });
  /** Events that say only which element (focus moving, a form's checks and submission). */
  const onElement = (type: 'focus' | 'blur' | 'invalid' | 'submit') => (e: Event) => {
    const target = describe(origin(e));
    if (target) emit({ type, t: now(), target });
  };

  let lastOver: EventTarget | null = null;
  // Described once per element: pointerover fires at every element boundary the pointer crosses.
  const hoverInfo = new WeakMap<object, TargetInfo | undefined>();
  const hoverOver = (e: Event) => {
    const node = origin(e);
    if (!node || node === lastOver) return;
    lastOver = node;
    if (!hoverInfo.has(node)) hoverInfo.set(node, describe(node));
    const info = hoverInfo.get(node);
    const el = e.target as Element;
    if (!info?.interactive) return;
    if (hoveredInfo?.selector === info.selector) return;
    if (hoveredInfo) emit({ type: 'hover', t: now(), phase: 'leave', target: hoveredInfo });
    hovered = el;
    hoveredInfo = info;
    emit({ type: 'hover', t: now(), phase: 'enter', target: info });
  };
  const hoverOut = (e: Event) => {
    const next = (e as PointerEvent).relatedTarget as Node | null;
    if (!hovered || !hoveredInfo || (next && hovered.contains(next))) return;
    emit({ type: 'hover', t: now(), phase: 'leave', target: hoveredInfo });
    hovered = undefined;
    hoveredInfo = undefined;
  };

  return all([
    on(win, 'pointermove', (e) => {
      const t = now();
      if (t - lastMove < MOVE_MIN_MS) return;
      lastMove = t;
      // The busiest listener (up to 125 times a second): numbers only, no object made.
      const o = offset();
      sink.move(
        t,
        Math.round((e as MouseEvent).clientX + o.x),
        Math.round((e as MouseEvent).clientY + o.y),
        pointerKind(e),
      );
    }),
    on(win, 'pointerdown', press('down')),
    on(win, 'pointerup', press('up')),
    on(win, 'click', (e) => {
      const m = e as MouseEvent;
      emit({
        type: 'click',
        t: now(),
        ...at(e),
        pointer: pointerKind(e),
        detail: m.detail,
        target: describe(origin(e)),
      });
    }),
    on(win, 'pointerover', hoverOver),
    on(win, 'pointerout', hoverOut),
    on(win, 'wheel', (e) => {
      const w = e as WheelEvent;
      emit({ type: 'wheel', t: now(), dx: Math.round(w.deltaX), dy: Math.round(w.deltaY), ...at(e) });
    }),
    on(doc, 'scroll', (e) => {
      const el = e.target;
      // The document's own scroll, or a scrolling element's (named by its selector, as `container`).
      const page = el === doc || el === doc.documentElement || el === doc.scrollingElement;
      const box = (page ? (doc.scrollingElement ?? doc.documentElement) : el) as Element;
      emit({
        type: 'scroll',
        t: now(),
        x: Math.round(box.scrollLeft),
        y: Math.round(box.scrollTop),
        maxY: box.scrollHeight - box.clientHeight,
        ...(page ? {} : { container: describe(box)?.selector ?? 'element' }),
      });
    }),
    on(win, 'keydown', (e) => {
      const k = e as KeyboardEvent;
      if (k.repeat) return;
      emit({ type: 'key', t: now(), kind: keyKind(k.key ?? ''), target: describe(origin(e)) });
    }),
    on(win, 'focusin', onElement('focus')),
    on(win, 'focusout', onElement('blur')),
    on(win, 'input', (e) => {
      const target = describe(origin(e));
      if (!target || target.selector === '[masked]') return;
      const type = (e as InputEvent).inputType ?? '';
      const kind = type.startsWith('delete')
        ? 'delete'
        : /replace|Paste|Drop|history/.test(type)
          ? 'replace'
          : 'insert';
      emit({ type: 'input', t: now(), kind, target });
    }),
    on(win, 'invalid', onElement('invalid')),
    on(win, 'submit', onElement('submit')),
    on(doc, 'selectionchange', () => {
      const length = doc.getSelection()?.toString().length ?? 0;
      if (length === selectionLength) return;
      selectionLength = length;
      emit({ type: 'selection', t: now(), length });
    }),
    on(doc, 'visibilitychange', () =>
      emit({ type: 'visibility', t: now(), hidden: doc.visibilityState === 'hidden' }),
    ),
    on(win, 'resize', () => emit({ type: 'resize', t: now(), w: win.innerWidth, h: win.innerHeight })),
  ]);
}
