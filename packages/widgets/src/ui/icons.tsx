/** @jsxImportSource preact */

/** Stroke paths on a 16×16 grid. */
export const CLOSE = 'M4 4l8 8M12 4l-8 8';
export const CHEVRON = 'M4 10l4-4 4 4';
export const CHECK = 'M3.5 8.5l3 3 6-7';

/** A decorative line icon (the control around it carries the label); `turn` rotates it. */
export function Icon({ d, turn }: { d: string; turn?: boolean }) {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" style={turn ? 'rotate:180deg' : ''}>
      <path d={d} fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
    </svg>
  );
}
