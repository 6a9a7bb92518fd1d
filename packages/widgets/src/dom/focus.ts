const FOCUSABLE = 'button,a[href],input,select,textarea,[tabindex]';

/** The element that really has focus, looking through open shadow roots (ours included). */
function deepActiveElement(doc: Document = document): Element | null {
  let active = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Inputs that are buttons: focus on them is not someone filling a form. */
const BUTTON_INPUTS = new Set(['button', 'submit', 'reset', 'image']);

/**
 * Whether the user is in a form field (typing, choosing, or about to): focus there is theirs, and a widget that
 * took it would swallow the next keys (three letters of a caption, then the card has focus).
 */
export function isEditing(doc: Document = document): boolean {
  const el = deepActiveElement(doc) as HTMLElement | null;
  if (!el) return false;
  if (el.isContentEditable) return true;
  const tag = el.tagName.toLowerCase();
  if (tag === 'textarea' || tag === 'select') return true;
  return tag === 'input' && !BUTTON_INPUTS.has((el as HTMLInputElement).type);
}

/** Whether focus rests inside `root` (through open shadow roots), or nowhere in particular. */
export function focusIsWithin(root: Node | null, doc: Document = document): boolean {
  const el = deepActiveElement(doc);
  if (!el || el === doc.body) return true;
  if (!root) return false;
  for (let n: Node | null = el; n; n = n.parentNode ?? (n as ShadowRoot).host ?? null)
    if (n === root) return true;
  return false;
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
