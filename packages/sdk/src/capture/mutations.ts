import type { Teardown } from './listen';
import type { RawEvent } from './raw-event';

/**
 * Counts DOM mutations (for dead clicks: did the page answer?). One `mutation` event per burst: records
 * are summed and emitted once per task, so a framework re-rendering a list costs one event, not thousands.
 */
export function captureMutations(doc: Document, emit: (e: RawEvent) => void, now: () => number): Teardown {
  const Observer = doc.defaultView?.MutationObserver;
  if (!Observer) return () => {};
  let nodes = 0;
  let attributes = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    if (nodes || attributes) emit({ type: 'mutation', t: now(), nodes, attributes });
    nodes = 0;
    attributes = 0;
  };
  const observer = new Observer((records) => {
    for (const r of records) {
      if (r.type === 'attributes') attributes++;
      else nodes += r.addedNodes.length + r.removedNodes.length || 1;
    }
    timer ??= setTimeout(flush, 0);
  });
  observer.observe(doc, { childList: true, subtree: true, attributes: true, characterData: true });
  return () => {
    observer.disconnect();
    if (timer) clearTimeout(timer);
  };
}
