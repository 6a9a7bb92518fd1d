import { all, listen, type Teardown } from './listen';
import type { RawEvent } from './raw-event';

type NavKind = Extract<RawEvent, { type: 'nav' }>['kind'];

/** Path and hash only: the query string may carry tokens or e-mail addresses. */
function pathOf(loc: Location): string {
  return loc.pathname + loc.hash;
}

/**
 * SPA navigation: wraps `history.pushState`/`replaceState` (the only way to see them) and listens to
 * `popstate` and `hashchange`. The wrappers are removed on teardown only if nobody wrapped them after us;
 * otherwise they stay, inert, so a later wrapper (another analytics tool) keeps working.
 */
export function captureNavigation(win: Window, emit: (e: RawEvent) => void, now: () => number): Teardown {
  let last = pathOf(win.location);
  let active = true;
  const report = (kind: NavKind) => {
    const path = pathOf(win.location);
    if (!active || (path === last && kind !== 'load')) return;
    last = path;
    emit({ type: 'nav', t: now(), path, kind });
  };
  report('load');
  const history = win.history;
  const patch = (name: 'pushState' | 'replaceState', kind: NavKind): Teardown => {
    const original = history[name];
    const wrapped = function (this: History, ...args: Parameters<History['pushState']>) {
      const result = original.apply(this, args);
      try {
        report(kind);
      } catch {
        // never break the host's navigation
      }
      return result;
    };
    history[name] = wrapped;
    return () => {
      if (history[name] === wrapped) history[name] = original;
    };
  };
  return all([
    () => {
      active = false;
    },
    patch('pushState', 'push'),
    patch('replaceState', 'replace'),
    listen(win, 'popstate', () => report('pop')),
    listen(win, 'hashchange', () => report('hash')),
  ]);
}
