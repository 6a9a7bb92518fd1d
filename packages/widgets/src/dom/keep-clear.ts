import { viewportRect } from './resolve-target';

/** What a user may need to press or fill in next to a step's target. */
const CONTROLS = 'a[href],button,input,select,textarea,summary,[role=button]';
/** Controls this close to the target are the ones involved (the next Connect button, Advanced options). */
const NEAR_PX = 160;
/** The control list is read again at most this often; positions are read on every update. */
const REFRESH_MS = 500;

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The area two boxes share. */
export function overlapArea(a: Box, b: DOMRect): number {
  const w = Math.min(a.x + a.w, b.right) - Math.max(a.x, b.left);
  const h = Math.min(a.y + a.h, b.bottom) - Math.max(a.y, b.top);
  return w > 0 && h > 0 ? w * h : 0;
}

const grow = (t: DOMRect): Box => ({
  x: t.left - NEAR_PX,
  y: t.top - NEAR_PX,
  w: t.width + 2 * NEAR_PX,
  h: t.height + 2 * NEAR_PX,
});

/**
 * The boxes a step's card should not cover, in viewport coordinates: the target, the form it is in, and
 * the controls near it. Returns a reader that is cheap on every update:
 * the list of controls is refreshed at most every `REFRESH_MS`.
 *
 * @example
 * const clear = keepClear(button); place(card, clear());
 */
export function keepClear(target: Element): () => DOMRect[] {
  let controls: Element[] = [];
  let readAt = Number.NEGATIVE_INFINITY;
  return () => {
    const now = performance.now();
    const t = viewportRect(target);
    if (now - readAt > REFRESH_MS) {
      readAt = now;
      controls = Array.from(target.ownerDocument.querySelectorAll(CONTROLS));
    }
    // The target, its whole form, and the controls just around it.
    const form = target.closest('form');
    const boxes = form ? [t, viewportRect(form)] : [t];
    for (const el of controls) {
      if (el === target || !el.isConnected) continue;
      const r = viewportRect(el);
      // Hidden inputs have no box, and overlapping a box grown by NEAR_PX is being near the target.
      if (r.width && overlapArea(grow(t), r)) boxes.push(r);
    }
    return boxes;
  };
}
