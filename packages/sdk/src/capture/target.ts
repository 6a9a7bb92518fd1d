import type { TargetInfo } from './raw-event';
import { uniqueSelector } from './selector';

/** Always masked: the element and what it contains are described as `[masked]`. */
const DEFAULT_MASK = '[data-so-mask],input[type=password]';
const INTERACTIVE =
  'a[href],button,input,select,textarea,summary,label,[role=button],[role=link],[role=menuitem],[role=tab],[role=checkbox],[role=switch],[onclick],[tabindex]:not([tabindex="-1"]),[contenteditable=""],[contenteditable=true]';
const STEPPER_WORDS =
  /^(next|prev(ious)?|back|forward|more|less|increase|decrease|increment|decrement|plus|minus|[+\-−–›‹»«<>▲▼])$/i;
const TEXT_INPUT_TYPES = /^(|text|email|search|tel|url|password|number|date|datetime-local|month|time|week)$/;

/** Turns a target into a describer bound to the customer's masked selectors. */
export function createDescriber(maskSelectors: readonly string[] = []) {
  const mask = [DEFAULT_MASK, ...maskSelectors].join(',');
  return (node: EventTarget | null | undefined): TargetInfo | undefined => {
    const el = asElement(node);
    return el ? describe(el, mask) : undefined;
  };
}

/** The element itself, or the element a text node sits in; undefined for window and document. */
function asElement(node: EventTarget | null | undefined): Element | undefined {
  const n = node as Node | null | undefined;
  if (!n || typeof n.nodeType !== 'number') return undefined;
  if (n.nodeType === 1) return n as Element;
  return n.parentElement ?? undefined;
}

function describe(el: Element, mask: string): TargetInfo {
  const actionable = safeClosest(el, INTERACTIVE) ?? el;
  const masked = safeClosest(actionable, mask) !== undefined;
  const tag = actionable.tagName.toLowerCase();
  const role = actionable.getAttribute('role') ?? undefined;
  const info: TargetInfo = {
    selector: masked ? '[masked]' : uniqueSelector(actionable),
    tag,
    kind: kindOf(actionable, tag, role),
    interactive: actionable !== el || isInteractive(el),
  };
  if (role) info.role = role;
  if ((actionable as HTMLButtonElement).disabled || actionable.getAttribute('aria-disabled') === 'true')
    info.disabled = true;
  if (!masked && isStepper(actionable)) info.stepper = true;
  return info;
}

function safeClosest(el: Element, selector: string): Element | undefined {
  try {
    return el.closest(selector) ?? undefined;
  } catch {
    return undefined;
  }
}

function isInteractive(el: Element): boolean {
  if (el.matches(INTERACTIVE)) return true;
  // A styled div with a click handler shows itself by its cursor: the best hint the DOM gives.
  const view = el.ownerDocument.defaultView;
  return !!view && view.getComputedStyle(el).cursor === 'pointer';
}

function kindOf(el: Element, tag: string, role: string | undefined): TargetInfo['kind'] {
  if (tag === 'a' || role === 'link') return 'link';
  if (tag === 'button' || role === 'button') return 'button';
  if (tag === 'select') return 'select';
  if (tag === 'textarea' || (el as HTMLElement).isContentEditable) return 'text-input';
  if (tag === 'input') {
    const type = (el.getAttribute('type') ?? '').toLowerCase();
    if (type === 'checkbox' || type === 'radio') return 'checkbox';
    if (TEXT_INPUT_TYPES.test(type)) return 'text-input';
    return type === 'button' || type === 'submit' || type === 'reset' ? 'button' : 'input';
  }
  if (role === 'checkbox' || role === 'switch') return 'checkbox';
  return 'other';
}

/** Steppers are recognised by their label (aria or short text) or a customer's `data-so-stepper`. */
function isStepper(el: Element): boolean {
  if (el.hasAttribute('data-so-stepper')) return true;
  const type = el.getAttribute('type');
  if (type === 'number' || el.getAttribute('role') === 'spinbutton') return true;
  const label = (el.getAttribute('aria-label') ?? (el.textContent ?? '').slice(0, 24)).trim();
  return label.length > 0 && label.length <= 12 && STEPPER_WORDS.test(label);
}
