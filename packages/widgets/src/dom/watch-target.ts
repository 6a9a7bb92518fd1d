import type { StepTarget } from '@smart-onboarding/protocol/v1';
import { resolveTarget } from './resolve-target';

/** How often to look again for targets a document observer cannot see (inside shadow roots and frames). */
const POLL_MS = 400;

/**
 * Calls `onChange` with the target element whenever it appears, is replaced (a framework re-rendered it)
 * or goes away (null). Targets that render late are the rule in SPAs, so this watches the document for
 * mutations (checked at most once per frame) and polls slowly for the places mutation observers on the
 * document do not reach. Returns its teardown.
 *
 * @example
 * const stop = watchTarget({ selector: '#save' }, (el) => console.log(el ? 'here' : 'gone'));
 */
export function watchTarget(
  target: StepTarget,
  onChange: (el: Element | null) => void,
  doc: Document = document,
): () => void {
  let current: Element | null | undefined;
  let frame = 0;
  const check = () => {
    frame = 0;
    let el: Element | null = null;
    try {
      el = resolveTarget(target, doc);
    } catch {
      el = null;
    }
    if (el !== current) {
      current = el;
      onChange(el);
    }
  };
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(check);
  };
  const observer = new MutationObserver(schedule);
  observer.observe(doc, { childList: true, subtree: true, attributes: true });
  const poll = setInterval(check, POLL_MS);
  check();
  return () => {
    observer.disconnect();
    clearInterval(poll);
    if (frame) cancelAnimationFrame(frame);
  };
}
