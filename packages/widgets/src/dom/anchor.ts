import { autoUpdate, computePosition, type Placement } from '@floating-ui/dom';
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
  // Floating UI computes where the popover touches the target; the gap, the flip to the opposite side
  // when the preferred one has no room (under a sticky header, past the fold) and the clamp into the
  // viewport are a few lines here, instead of its `offset`, `flip` and `shift` middleware, which
  // handle many cases we never meet and would cost a tenth of the widgets' size budget.
  const at = async (floating: HTMLElement, side: Placement) => {
    const { x, y } = await computePosition(reference, floating, { strategy: 'fixed', placement: side });
    const s = side.split('-')[0];
    return {
      x: x + (s === 'right' ? gap : s === 'left' ? -gap : 0),
      y: y + (s === 'bottom' ? gap : s === 'top' ? -gap : 0),
    };
  };
  const place = async (floating: HTMLElement) => {
    const w = floating.offsetWidth;
    const h = floating.offsetHeight;
    const overflow = (p: { x: number; y: number }) =>
      Math.max(0, topInset + 8 - p.y, p.y + h + 8 - innerHeight, 8 - p.x, p.x + w + 8 - innerWidth);
    let pos = await at(floating, placement);
    if (overflow(pos) > 0) {
      const other = await at(floating, OPPOSITE[placement.split('-')[0]!]!);
      if (overflow(other) < overflow(pos)) pos = other;
    }
    const clamp = (v: number, min: number, max: number) => Math.max(min, Math.min(v, max - 8));
    floating.style.left = `${clamp(pos.x, 8, innerWidth - w)}px`;
    floating.style.top = `${clamp(pos.y, topInset + 8, innerHeight - h)}px`;
    floating.dataset.placed = '';
  };
  // Frames scroll on their own and move their content without any event the parent can observe, so a
  // target in a frame is followed every animation frame; elsewhere observers and scroll events suffice.
  return autoUpdate(reference, watched, update, {
    layoutShift: true,
    animationFrame: target.ownerDocument !== document,
  });
}
