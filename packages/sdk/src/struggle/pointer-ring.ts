import type { PointerKind } from '../capture/raw-event';

/** Pointer kinds by their code in the ring. */
export const POINTER_CODES: readonly PointerKind[] = ['mouse', 'touch', 'pen'];

/**
 * The latest pointer moves in typed arrays allocated once, so a pointer event on the main thread writes
 * four numbers and allocates nothing, however fast the pointer moves. Sample `n` sits at `n % capacity`;
 * older samples are overwritten (`capacity` covers half a minute at the fastest rate capture keeps, one
 * move per 8 ms). The reading side (moves as raw events, for the feature windows) lives with struggle
 * detection, which loads apart: `src/struggle/pointer-moves.ts`.
 *
 * @example
 * const ring = createPointerRing();
 * ring.push(performance.now(), 120, 80, 'mouse');
 */
export function createPointerRing(capacity = 4096) {
  const ring = {
    capacity,
    /** Sample `n` at `4 * (n % capacity)`: time, x, y and the pointer's code in `POINTER_CODES`. */
    data: new Float64Array(4 * capacity),
    /** Samples written since the start; the ring holds those from `count - capacity` on. */
    count: 0,
    push(t: number, x: number, y: number, pointer: PointerKind) {
      const d = ring.data;
      const i = 4 * (ring.count++ % capacity);
      d[i] = t;
      d[i + 1] = x;
      d[i + 2] = y;
      d[i + 3] = POINTER_CODES.indexOf(pointer);
    },
  };
  return ring;
}

export type PointerRing = ReturnType<typeof createPointerRing>;
