/**
 * A selector that finds one element again, and only that one, in the document (or shadow root) it
 * lives in. A nudge is anchored by it, so a selector that also matches a neighbour puts help on the
 * wrong box: uniqueness is checked against the live DOM, never assumed.
 *
 * Stability comes first: an element's own name (a stable id, a test id, a form control's `name`) is
 * used alone when it is unique; otherwise a path of child steps (`tag`, with `:nth-of-type` only where
 * siblings share the tag) climbs until it is unique, stopping early at an ancestor with a stable name,
 * so markup changes outside that ancestor leave the selector as it was.
 */

/** Attributes that name an element on purpose (tests, analytics), in order of preference. */
const NAMING_ATTRIBUTES = ['data-testid', 'data-test-id', 'data-test', 'data-cy', 'data-qa'];
const NAMED_CONTROLS = new Set(['input', 'select', 'textarea', 'button', 'form']);
/** A value safe to quote in a selector and not an accident of generation (hashes, counters). */
const PLAIN_VALUE = /^[A-Za-z][\w.:/-]{0,63}$/;
/** Ids written by people: a letter first, no long digit runs (ember123, react-select-45-input) and no hex hash. */
const STABLE_ID = /^[A-Za-z][\w-]*$/;
const GENERATED = /\d{3,}|[0-9a-f]{8,}/i;
const PLAIN_TAG = /^[a-z][a-z0-9-]*$/i;

type Root = Document | ShadowRoot;

export function uniqueSelector(el: Element): string {
  const root = el.getRootNode() as Root;
  if (typeof root.querySelectorAll !== 'function') return step(el);
  const own = nameOf(el, root);
  if (own) return own;
  const parts = [step(el)];
  let node = el.parentElement;
  while (node) {
    const selector = parts.join('>');
    if (matchesOnly(root, selector, el)) return selector;
    const name = nameOf(node, root);
    if (name) return [name, ...parts].join('>');
    parts.unshift(step(node));
    node = node.parentElement;
  }
  return parts.join('>');
}

/** The element's own name, if it has one that is stable and unique in its root. */
function nameOf(el: Element, root: Root): string | undefined {
  const id = el.id;
  if (id && STABLE_ID.test(id) && !GENERATED.test(id) && matchesOnly(root, `#${id}`, el)) return `#${id}`;
  for (const attribute of NAMING_ATTRIBUTES) {
    const value = el.getAttribute(attribute);
    if (value && PLAIN_VALUE.test(value)) {
      const selector = `[${attribute}="${value}"]`;
      if (matchesOnly(root, selector, el)) return selector;
    }
  }
  const tag = el.localName;
  const name = el.getAttribute('name');
  if (NAMED_CONTROLS.has(tag) && name && PLAIN_VALUE.test(name)) {
    const selector = `${tag}[name="${name}"]`;
    if (matchesOnly(root, selector, el)) return selector;
  }
  return undefined;
}

/** One child step: the tag, and its place among siblings of that tag when it has any. */
function step(el: Element): string {
  const parent = el.parentNode as ParentNode | null;
  const siblings = parent ? Array.from(parent.children) : [el];
  if (!PLAIN_TAG.test(el.localName)) return `*:nth-child(${siblings.indexOf(el) + 1})`;
  const same = siblings.filter((c) => c.localName === el.localName);
  return same.length > 1 ? `${el.localName}:nth-of-type(${same.indexOf(el) + 1})` : el.localName;
}

function matchesOnly(root: Root, selector: string, el: Element): boolean {
  try {
    const found = root.querySelectorAll(selector);
    return found.length === 1 && found[0] === el;
  } catch {
    return false;
  }
}
