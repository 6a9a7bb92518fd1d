import { autoUpdate, computePosition, offset, type Placement, shift } from '@floating-ui/dom';
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
  const at = (floating: HTMLElement, side: Placement) =>
    computePosition(reference, floating, {
      strategy: 'fixed',
      placement: side,
      middleware: [offset(gap), shift({ padding: 8 })],
    });
  // Flipping to the opposite side when the preferred one has no room (under a sticky header, past the
  // bottom) is done here rather than with Floating UI's `flip`, which handles many more cases we never
  // meet and costs almost a kilobyte of the budget.
  const place = async (floating: HTMLElement) => {
    let pos = await at(floating, placement);
    const overflow = (p: { x: number; y: number }) =>
      Math.max(
        0,
        topInset + 8 - p.y,
        p.y + floating.offsetHeight + 8 - innerHeight,
        8 - p.x,
        p.x + floating.offsetWidth + 8 - innerWidth,
      );
    if (overflow(pos) > 0) {
      const other = await at(floating, OPPOSITE[placement.split('-')[0]!]!);
      if (overflow(other) < overflow(pos)) pos = other;
    }
    floating.style.left = `${pos.x}px`;
    floating.style.top = `${pos.y}px`;
    floating.dataset.placed = '';
  };
  // Frames scroll on their own and move their content without any event the parent can observe, so a
  // target in a frame is followed every animation frame; elsewhere observers and scroll events suffice.
  return autoUpdate(reference, watched, update, {
    layoutShift: true,
    animationFrame: target.ownerDocument !== document,
  });
}
