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
      if (isOurs(r.target) || (r.type === 'childList' && onlyOurs(r))) continue;
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

/**
 * Our own UI (the `<so-*>` widget hosts and the SDK's boxes marked `data-so-*`) changing is not the page
 * answering the user: counting it would make a dead button look alive the moment a nudge appears.
 */
function isOurs(node: Node): boolean {
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  if (!el) return false;
  return !!el.closest('[data-so-progress], [data-so-ui]') || hostedByUs(el);
}

function hostedByUs(el: Element): boolean {
  for (let e: Element | null = el; e; e = e.parentElement) if (e.tagName.startsWith('SO-')) return true;
  return false;
}

function onlyOurs(r: MutationRecord): boolean {
  const changed = [...r.addedNodes, ...r.removedNodes];
  return changed.length > 0 && changed.every(isOurs);
}
