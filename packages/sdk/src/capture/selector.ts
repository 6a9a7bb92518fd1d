/**
 * A selector that finds one element again, and only that one, in the document (or shadow root) it
 * lives in. A nudge is anchored by it, so a selector that also matches a neighbour puts help on the
 * wrong box: uniqueness is checked against the live DOM, never assumed.
 *
 * Stability comes first: an element's own name (a stable id or test id) is
 * used alone when it is unique; otherwise a path of child steps (`tag`, with `:nth-of-type` only where
 * siblings share the tag) climbs until it is unique, stopping early at an ancestor with a stable name,
 * so markup changes outside that ancestor leave the selector as it was.
 */

/** Names written by people: a letter first, then word characters; no long digit runs (ember123, react-select-45-input). */
const PLAIN = /^[A-Za-z][\w-]{0,63}$/;
const GENERATED = /\d{3,}/;

type Root = Document | ShadowRoot;

export function uniqueSelector(el: Element): string {
  // A document, a shadow root, or the top of a detached tree: each answers querySelectorAll.
  const root = el.getRootNode() as Root;
  const parts: string[] = [];
  for (let node: Element | null = el; node; node = node.parentElement) {
    const name = nameOf(node, root);
    if (name) return [name, ...parts].join('>');
    parts.unshift(step(node));
    const selector = parts.join('>');
    if (matchesOnly(root, selector, el)) return selector;
  }
  return parts.join('>');
}

/** The element's own name, if it has one that is stable and unique in its root: its id, or its test id. */
function nameOf(el: Element, root: Root): string | undefined {
  const id = el.id;
  const testId = el.getAttribute('data-testid') ?? '';
  for (const c of [PLAIN.test(id) && `#${id}`, PLAIN.test(testId) && `[data-testid="${testId}"]`])
    if (c && !GENERATED.test(c) && matchesOnly(root, c, el)) return c;
  return undefined;
}

/** One child step: the tag, and its place among siblings of that tag when it has any. */
function step(el: Element): string {
  const tag = el.localName;
  const same = Array.from(el.parentNode?.children ?? [el]).filter((c) => c.localName === tag);
  return same.length > 1 ? `${tag}:nth-of-type(${same.indexOf(el) + 1})` : tag;
}

function matchesOnly(root: Root, selector: string, el: Element): boolean {
  try {
    const found = root.querySelectorAll(selector);
    return found.length === 1 && found[0] === el;
  } catch {
    return false;
  }
}
