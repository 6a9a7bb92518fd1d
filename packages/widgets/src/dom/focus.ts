const FOCUSABLE = 'button,a[href],input,select,textarea,[tabindex]';

/** The element that really has focus, looking through open shadow roots (ours included). */
function deepActiveElement(doc: Document = document): Element | null {
  let active = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Tabbable elements inside `root`, in document order. */
export function tabbables(root: ParentNode): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(isTabbable);
}

/** Whether keyboard users can reach the element with Tab. */
export function isTabbable(el: Element): el is HTMLElement {
  return (el as HTMLElement).tabIndex >= 0 && !(el as HTMLButtonElement).disabled;
}

/**
 * Moves focus one stop forward or back through `order`, wrapping around: the focus trap of a
 * dialog-like step, whose stops are the popover's controls and the real target the user must act on.
 */
export function cycleFocus(order: HTMLElement[], backwards: boolean, doc: Document = document): void {
  if (order.length === 0) return;
  const at = order.indexOf(deepActiveElement(doc) as HTMLElement);
  const next =
    at < 0 ? (backwards ? order.length - 1 : 0) : (at + (backwards ? -1 : 1) + order.length) % order.length;
  order[next]!.focus();
}

/**
 * Remembers what had focus, and returns a function that gives focus back to it if it is still in the
 * page, as dialogs must when they close.
 */
export function rememberFocus(doc: Document = document): () => void {
  const previous = deepActiveElement(doc) as HTMLElement | null;
  return () => {
    if (previous?.isConnected && typeof previous.focus === 'function')
      previous.focus({ preventScroll: true });
  };
}
