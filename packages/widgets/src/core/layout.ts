/** A rectangle in viewport coordinates (what `getBoundingClientRect` returns). */
export interface Box {
  top: number;
  bottom: number;
}

/**
 * Whether the box lies entirely inside the band of the viewport that nothing covers: below fixed or
 * sticky headers (`topInset`) and above a bottom sheet (`bottomInset`).
 */
export function fitsInBand(
  target: Box,
  viewportHeight: number,
  topInset: number,
  bottomInset: number,
): boolean {
  return target.top >= topInset && target.bottom <= viewportHeight - bottomInset;
}
