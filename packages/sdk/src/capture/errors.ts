import { all, listen, type Teardown } from './listen';
import type { RawEvent } from './raw-event';

/**
 * JS errors and failed requests (for error clicks). `fetch` and `XMLHttpRequest` are wrapped to see
 * failures: status ≥ 400, or 0 for a network error. Our own requests (`isOwn`) are not reported.
 * Wrappers are restored on teardown unless someone wrapped on top of them.
 */
export function captureErrors(
  win: Window,
  emit: (e: RawEvent) => void,
  now: () => number,
  isOwn: (url: string) => boolean,
): Teardown {
  const failed = (status: number) => emit({ type: 'error', t: now(), kind: 'request', status });
  const teardowns: Teardown[] = [
    listen(win, 'error', () => emit({ type: 'error', t: now(), kind: 'js' })),
    listen(win, 'unhandledrejection', () => emit({ type: 'error', t: now(), kind: 'js' })),
  ];
  const originalFetch = win.fetch;
  if (originalFetch) {
    const wrapped: typeof fetch = function (this: unknown, input, init) {
      const url =
        typeof input === 'string' ? input : input instanceof URL ? input.href : (input as Request).url;
      const own = isOwn(String(url));
      const pending = originalFetch.call(this ?? win, input, init);
      if (!own)
        pending.then(
          (res) => res.status >= 400 && failed(res.status),
          () => failed(0),
        );
      return pending;
    };
    win.fetch = wrapped;
    teardowns.push(() => {
      if (win.fetch === wrapped) win.fetch = originalFetch;
    });
  }
  const XHR = (win as Window & { XMLHttpRequest?: typeof XMLHttpRequest }).XMLHttpRequest;
  if (XHR) {
    const proto = XHR.prototype;
    const originalOpen = proto.open;
    const wrappedOpen = function (this: XMLHttpRequest, ...args: unknown[]) {
      if (!isOwn(String(args[1])))
        this.addEventListener(
          'loadend',
          () => (this.status === 0 || this.status >= 400) && failed(this.status),
        );
      return (originalOpen as (...a: unknown[]) => void).apply(this, args);
    } as typeof proto.open;
    proto.open = wrappedOpen;
    teardowns.push(() => {
      if (proto.open === wrappedOpen) proto.open = originalOpen;
    });
  }
  return all(teardowns);
}
