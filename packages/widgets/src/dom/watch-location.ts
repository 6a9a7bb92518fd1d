type NavigationLike = EventTarget & { currentEntry?: unknown };

/** How often browsers without the Navigation API are checked for a new pathname. */
const POLL_MS = 250;

/**
 * Calls `onChange(pathname)` after every SPA navigation (pushState, replaceState, back/forward, hash).
 * The Navigation API's `currententrychange` covers all of them (Baseline since 2026). Older browsers
 * announce `pushState` to no one; rather than patch `history` (which fights routers and other scripts
 * that patch it too), a cheap pathname poll runs while someone listens. Returns its teardown.
 *
 * @example
 * const stop = watchLocation(window, (path) => console.log('now on', path));
 */
export function watchLocation(win: Window, onChange: (pathname: string) => void): () => void {
  let last = win.location.pathname;
  const check = () => {
    const now = win.location.pathname;
    if (now !== last) {
      last = now;
      onChange(now);
    }
  };
  const later = () => queueMicrotask(check);
  const navigation = (win as Window & { navigation?: NavigationLike }).navigation;
  if (navigation?.addEventListener) {
    navigation.addEventListener('currententrychange', later);
    return () => navigation.removeEventListener('currententrychange', later);
  }
  const poll = setInterval(check, POLL_MS);
  win.addEventListener('popstate', later);
  return () => {
    clearInterval(poll);
    win.removeEventListener('popstate', later);
  };
}
