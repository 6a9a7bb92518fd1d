import type { StepTarget } from '@smart-onboarding/protocol/v1';

/**
 * Finds a step's element: inside the same-origin iframe `frame` when given, then through each open
 * shadow root of `shadowHosts` (outer to inner), then `selector`. Null while any link of that chain is
 * missing, or when the frame is cross-origin (its document is unreachable by design of the web).
 * Throws the browser's SyntaxError for an invalid selector, so a typo is reported, not waited on forever.
 */
export function resolveTarget(target: StepTarget, doc: Document = document): Element | null {
  let root: Document | ShadowRoot = doc;
  if (target.frame) {
    const frame = doc.querySelector(target.frame) as HTMLIFrameElement | null;
    let inner: Document | null = null;
    try {
      inner = frame?.tagName === 'IFRAME' ? frame.contentDocument : null;
    } catch {
      inner = null;
    }
    if (!inner) return null;
    root = inner;
  }
  for (const hostSelector of target.shadowHosts ?? []) {
    const shadow: ShadowRoot | null | undefined = root.querySelector(hostSelector)?.shadowRoot;
    if (!shadow) return null;
    root = shadow;
  }
  const found = root.querySelector(target.selector);
  return found && isRendered(found) ? found : null;
}

/** An element in the DOM but `display: none` (or inside such a parent) has no boxes: it is not there yet. */
function isRendered(el: Element): boolean {
  return el.isConnected && el.getClientRects().length > 0;
}

/** Whether the browser accepts `selector`; checked once so an invalid one is reported, never waited on. */
export function isValidSelector(selector: string, doc: Document = document): boolean {
  try {
    doc.createDocumentFragment().querySelector(selector);
    return true;
  } catch {
    return false;
  }
}

/**
 * The element's box in the coordinates of `top` (the window the widget lives in), adding the offsets of
 * every same-origin iframe between them, so an overlay in the top page lines up with a target in a frame.
 */
export function viewportRect(el: Element, top: Window = window): DOMRect {
  const r = el.getBoundingClientRect();
  let x = r.left;
  let y = r.top;
  let win = el.ownerDocument.defaultView;
  while (win && win !== top) {
    const frame = win.frameElement;
    if (!frame) break;
    const fr = frame.getBoundingClientRect();
    x += fr.left + frame.clientLeft;
    y += fr.top + frame.clientTop;
    win = frame.ownerDocument.defaultView;
  }
  return new DOMRect(x, y, r.width, r.height);
}
