import { type CaptureSink, captureDom } from './dom';
import { captureErrors } from './errors';
import { all, listen, type Teardown } from './listen';
import { captureMutations } from './mutations';
import { captureNavigation } from './navigation';
import type { RawEvent } from './raw-event';
import { createDescriber } from './target';

export { all, listen, type Teardown } from './listen';
export type { PointerKind, RawEvent, RawEventOf, RawEventType, TargetInfo } from './raw-event';

export interface CaptureOptions {
  /** Selectors whose elements (and their content) are described only as `[masked]`. */
  mask?: readonly string[];
  /** URLs of our own requests, kept out of failed-request capture. */
  isOwnRequest?: (url: string) => boolean;
  /** Takes pointer moves as plain numbers instead of `move` events, so capture makes nothing per move. */
  onMove?: CaptureSink['move'];
}

/**
 * Starts capturing in `win` and in every same-origin iframe it has or gets. Returns the teardown that
 * removes every listener, observer, timer and wrapper it added, leaving the page as it was found.
 *
 * @example
 * const stop = startCapture(window, (e) => buffer.push(e));
 * // later
 * stop();
 */
export function startCapture(
  win: Window,
  emit: (e: RawEvent) => void,
  options: CaptureOptions = {},
): Teardown {
  const perf = win.performance;
  const now = () => perf.now();
  const describe = createDescriber(options.mask);
  const isOwn = options.isOwnRequest ?? (() => false);
  const frames = new Map<HTMLIFrameElement, Teardown>();
  const sink: CaptureSink = {
    emit,
    describe,
    now,
    move: options.onMove ?? ((t, x, y, pointer) => emit({ type: 'move', t, x, y, pointer })),
  };
  /** The top window's offset, made once: it is read on every pointer move. */
  const top = { x: 0, y: 0 };

  const attachDocument = (w: Window, offset: () => { x: number; y: number }): Teardown =>
    all([
      captureDom(w, sink, offset),
      captureMutations(w.document, emit, now),
      captureErrors(w, emit, now, isOwn),
      watchFrames(w.document, offset),
    ]);

  const attachFrame = (frame: HTMLIFrameElement, parentOffset: () => { x: number; y: number }) => {
    frames.get(frame)?.();
    frames.delete(frame);
    let child: Window | null = null;
    try {
      child = frame.contentWindow;
      // Reading the document throws for cross-origin frames: those stay out of reach, as they should.
      if (!child?.document?.documentElement) return;
    } catch {
      return;
    }
    const offset = () => {
      const p = parentOffset();
      const r = frame.getBoundingClientRect();
      return { x: p.x + r.left + frame.clientLeft, y: p.y + r.top + frame.clientTop };
    };
    frames.set(frame, attachDocument(child, offset));
  };

  function watchFrames(doc: Document, offset: () => { x: number; y: number }): Teardown {
    const loads: Teardown[] = [];
    const seen = new WeakSet<HTMLIFrameElement>();
    const adopt = (frame: HTMLIFrameElement) => {
      if (seen.has(frame)) return;
      seen.add(frame);
      attachFrame(frame, offset);
      // A frame's document is replaced when it navigates: attach again to the new one.
      loads.push(listen(frame, 'load', () => attachFrame(frame, offset), { passive: true }));
    };
    for (const f of Array.from(doc.querySelectorAll('iframe'))) adopt(f);
    const Observer = doc.defaultView?.MutationObserver;
    const observer = Observer
      ? new Observer((records) => {
          for (const r of records)
            for (const n of Array.from(r.addedNodes)) {
              if ((n as Element).tagName === 'IFRAME') adopt(n as HTMLIFrameElement);
              else if ((n as Element).querySelectorAll)
                for (const f of Array.from((n as Element).querySelectorAll('iframe'))) adopt(f);
            }
        })
      : undefined;
    observer?.observe(doc, { childList: true, subtree: true });
    return () => {
      observer?.disconnect();
      all(loads)();
    };
  }

  return all([
    captureNavigation(win, emit, now),
    attachDocument(win, () => top),
    () => {
      for (const stop of frames.values()) stop();
      frames.clear();
    },
  ]);
}
