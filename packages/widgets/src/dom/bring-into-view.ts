import { fitsInBand } from '../core/layout';
import { viewportRect } from './resolve-target';

/** Marks our own hosts, so obstruction checks never mistake a widget for the page's header. */
export const LAYER_ATTR = 'data-so-layer';

/**
 * The height of fixed or sticky bars stuck to the top of the viewport (a site header), found by asking
 * the browser what is painted at the very top. Tours that ignore them scroll targets under the header.
 */
export function coveredTop(doc: Document = document): number {
  const win = doc.defaultView!;
  let inset = 0;
  for (const x of [0.25, 0.5, 0.75]) {
    let el = doc.elementsFromPoint(win.innerWidth * x, 1).find((e) => !e.closest(`[${LAYER_ATTR}]`));
    for (; el && el !== doc.body; el = el.parentElement!) {
      if (/fixed|sticky/.test(win.getComputedStyle(el).position)) {
        const r = el.getBoundingClientRect();
        if (r.top <= 1 && r.bottom < win.innerHeight / 2) inset = Math.max(inset, r.bottom);
        break;
      }
    }
  }
  return inset;
}

export interface BringIntoViewOptions {
  /** Space kept clear at the top: detected headers plus any extra offset (like `scroll-padding-top`). */
  topInset?: number;
  /** Space covered at the bottom (a bottom sheet showing the step). */
  bottomInset?: number;
  smooth?: boolean;
}

/**
 * Scrolls a target into the part of the viewport nothing covers. `scrollIntoView` moves every scroll
 * container between the target and the page (nested panels, frames); temporary scroll margins make it
 * clear sticky headers and the bottom sheet, which it would otherwise ignore. A target already in plain
 * sight is only nudged into its scroll containers (`nearest`), so the page never jumps for no reason;
 * one taller than the free band is aligned to its top, so its beginning is what the user sees.
 */
export function bringIntoView(el: Element, options: BringIntoViewOptions = {}): void {
  const { topInset = 0, bottomInset = 0 } = options;
  const r = viewportRect(el);
  const band = innerHeight - topInset - bottomInset - 16;
  const block = fitsInBand(r, innerHeight, topInset, bottomInset)
    ? 'nearest'
    : r.height > band
      ? 'start'
      : 'center';
  const style = (el as HTMLElement).style;
  const saved = [style.scrollMarginTop, style.scrollMarginBottom];
  style.scrollMarginTop = `${topInset + 8}px`;
  style.scrollMarginBottom = `${bottomInset + 8}px`;
  el.scrollIntoView({ block, inline: 'nearest', behavior: options.smooth ? 'smooth' : 'instant' });
  [style.scrollMarginTop, style.scrollMarginBottom] = saved as [string, string];
}
