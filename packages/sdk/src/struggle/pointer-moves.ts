import type { RawEvent, RawEventOf } from '../capture/raw-event';
import { POINTER_CODES, type PointerRing } from './pointer-ring';

/**
 * Reads the core's pointer ring for the feature windows: each push gets the moves written since the
 * last, merged in time order with the other events (a move first on a tie). A move is handed over in the
 * object of its ring slot, made once and refilled each time round, so reading allocates nothing per move
 * either; the objects stay valid until the ring comes round again (half a minute at the least), far
 * longer than a window keeps them.
 *
 * @example
 * const withMoves = pointerMoves(ring);
 * detectorInput = withMoves(otherEvents);
 */
export function pointerMoves(ring: PointerRing) {
  const views: RawEventOf<'move'>[] = [];
  let next = 0;
  const at = (n: number) => 4 * (n % ring.capacity);
  const move = (n: number) => {
    const d = ring.data;
    const i = at(n);
    views[i] ??= { type: 'move', t: 0, x: 0, y: 0, pointer: 'mouse' };
    const view = views[i]!;
    view.t = d[i]!;
    view.x = d[i + 1]!;
    view.y = d[i + 2]!;
    view.pointer = POINTER_CODES[d[i + 3]!]!;
    return view;
  };
  return (events: readonly RawEvent[]): readonly RawEvent[] => {
    const end = ring.count;
    let n = Math.max(next, end - ring.capacity);
    next = end;
    if (n === end) return events;
    const out: RawEvent[] = [];
    for (let i = 0; n < end || i < events.length; )
      out.push(
        i < events.length && (n === end || events[i]!.t < ring.data[at(n)]!) ? events[i++]! : move(n++),
      );
    return out;
  };
}
