/** A teardown: undoes what its creator did. Every listener, observer, timer and patch returns one. */
export type Teardown = () => void;

/** Passive, capture-phase listener by default: we observe, we never delay scrolling or reorder handlers. */
export function listen<K extends string>(
  target: EventTarget,
  type: K,
  handler: (event: Event) => void,
  options: AddEventListenerOptions = { capture: true, passive: true },
): Teardown {
  target.addEventListener(type, handler, options);
  return () => target.removeEventListener(type, handler, options);
}

/** Runs every teardown once, in reverse order of creation, even if one throws. */
export function all(teardowns: Teardown[]): Teardown {
  return () => {
    while (teardowns.length) {
      try {
        teardowns.pop()!();
      } catch {
        // A host page that broke a global must not stop us from undoing the rest.
      }
    }
  };
}
