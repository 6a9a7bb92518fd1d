import { LAYER_ATTR } from '../dom/bring-into-view';
import { css } from './styles';

/** Light, dark, or follow the user's system (`auto`, the default). */
export type Theme = 'light' | 'dark' | 'auto';

let shared: CSSStyleSheet | undefined;

/** Gives a shadow root the widgets' stylesheet: one constructed sheet, shared by every root of the page. */
function adoptStyles(root: ShadowRoot): void {
  if (!shared) {
    shared = new CSSStyleSheet();
    shared.replaceSync(css);
  }
  if (!root.adoptedStyleSheets.includes(shared))
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, shared];
}

/** Opens (or reuses) the host's shadow root, styled. */
export function openShadow(host: HTMLElement): ShadowRoot {
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  adoptStyles(root);
  return root;
}

/** Reflects the theme on the host, where the stylesheet's `:host([data-so-theme])` rules read it. */
export function applyHostState(host: HTMLElement, theme: Theme | undefined, layer: boolean): void {
  if (theme === 'light' || theme === 'dark') host.setAttribute('data-so-theme', theme);
  else host.removeAttribute('data-so-theme');
  host.toggleAttribute(LAYER_ATTR, layer);
}

/**
 * A host element for a floating widget, appended to `<body>` so no transformed or clipped ancestor of
 * the app can trap it. Returns the shadow root and the teardown.
 */
export function createLayerHost(tag = 'so-layer'): {
  host: HTMLElement;
  root: ShadowRoot;
  remove: () => void;
} {
  const host = document.createElement(tag);
  host.setAttribute(LAYER_ATTR, '');
  document.body.appendChild(host);
  return { host, root: openShadow(host), remove: () => host.remove() };
}
