import { autoUpdate, type Placement } from '@floating-ui/dom';
import { keepClear, overlapArea } from './keep-clear';
import { viewportRect } from './resolve-target';

const OPPOSITE: Record<string, Placement> = { top: 'bottom', bottom: 'top', left: 'right', right: 'left' };

export interface AnchorOptions {
  /** The page element to point at (may live in a shadow root or a same-origin iframe). */
  target: Element;
  /** The popover to place beside the target; omitted when the step shows as a bottom sheet. */
  floating?: HTMLElement | null;
  /** A ring drawn over the target (and the backdrop cut-out around it). */
  spotlight?: HTMLElement | null;
  /** Called with the target's box on every update (a beacon follows it this way). */
  onRect?: (rect: DOMRect) => void;
  /** The element whose size changes also call for an update, when there is no `floating`. */
  watch?: HTMLElement | null;
  placement?: Placement;
  /** Space covered at the top (fixed headers): the popover flips rather than hide under it. */
  topInset?: number;
  /** Gap between target and popover. */
  gap?: number;
}

/**
 * Keeps a popover, a spotlight ring or a beacon attached to a target while it moves, resizes or scrolls
 * (in any scroll container, frames included), using Floating UI's `autoUpdate`. Returns its teardown.
 *
 * @example
 * const stop = anchorTo({ target: button, floating: popover, spotlight: ring });
 */
export function anchorTo(options: AnchorOptions): () => void {
  const { target, floating, spotlight, onRect, placement = 'bottom', topInset = 0, gap = 18 } = options;
  const watched = floating ?? spotlight ?? options.watch;
  if (!watched) return () => {};
  const reference = { getBoundingClientRect: () => viewportRect(target), contextElement: target };
  const update = () => {
    const r = viewportRect(target);
    onRect?.(r);
    if (spotlight)
      spotlight.style.cssText = `top:${r.top - 6}px;left:${r.left - 6}px;width:${r.width + 12}px;height:${r.height + 12}px`;
    if (floating) place(floating);
  };
  const clear = keepClear(target);
  // The preferred side first, then its opposite, then the others: the first that fits the viewport along
  // its axis and covers none of the controls around the target (its form, the next button) wins; else
  // the one that overflows least, then covers least. Along the other axis the card slides into the
  // viewport. A few lines here instead of Floating UI's `computePosition` and its `offset`, `flip` and
  // `shift` middleware, which handle cases we never meet (the card is `fixed` in a layer at the
  // viewport's origin) and would cost a tenth of the widgets' size budget.
  const [side, align] = placement.split('-') as [string, string | undefined];
  const sides = [...new Set([side, OPPOSITE[side]!.split('-')[0]!, 'right', 'left', 'bottom', 'top'])];
  const place = (floating: HTMLElement) => {
    const r = viewportRect(target);
    const w = floating.offsetWidth;
    const h = floating.offsetHeight;
    const clamp = (v: number, min: number, max: number) => Math.max(min, Math.min(v, max - 8));
    const along = (start: number, size: number, own: number) =>
      align === 'start' ? start : align === 'end' ? start + size - own : start + (size - own) / 2;
    const boxes = clear();
    let best = { x: 0, y: 0 };
    let bestCost = Number.POSITIVE_INFINITY;
    for (const s of sides) {
      const vertical = s === 'top' || s === 'bottom';
      const x = vertical ? along(r.left, r.width, w) : s === 'right' ? r.right + gap : r.left - w - gap;
      const y = vertical ? (s === 'bottom' ? r.bottom + gap : r.top - h - gap) : along(r.top, r.height, h);
      const overflow = vertical
        ? Math.max(0, topInset + 8 - y, y + h + 8 - innerHeight)
        : Math.max(0, 8 - x, x + w + 8 - innerWidth);
      const pos = { x: clamp(x, 8, innerWidth - w), y: clamp(y, topInset + 8, innerHeight - h) };
      // Overflow is worse than overlap: a card pushed back into the viewport lands on what it points at.
      const cost = overflow * 1e6 + boxes.reduce((sum, b) => sum + overlapArea({ ...pos, w, h }, b), 0);
      if (cost < bestCost) {
        best = pos;
        bestCost = cost;
      }
      if (!cost) break;
    }
    floating.style.left = `${best.x}px`;
    floating.style.top = `${best.y}px`;
    floating.dataset.placed = '';
  };
  // Frames scroll on their own and move their content without any event the parent can observe, so a
  // target in a frame is followed every animation frame; elsewhere observers and scroll events suffice.
  return autoUpdate(reference, watched, update, {
    layoutShift: true,
    animationFrame: target.ownerDocument !== document,
  });
}
