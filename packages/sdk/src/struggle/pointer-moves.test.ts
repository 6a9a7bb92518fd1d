import { describe, expect, it } from 'vitest';
import { click } from '../signals/fixtures';
import { pointerMoves } from './pointer-moves';
import { createPointerRing } from './pointer-ring';

describe('pointerMoves', () => {
  it('adds the moves since the last call to the events, in time order, a move first on a tie', () => {
    const ring = createPointerRing(8);
    const withMoves = pointerMoves(ring);
    ring.push(1, 5, 6, 'mouse');
    ring.push(3, 7, 8, 'pen');
    const first = withMoves([click(2), click(3)]);
    expect(first.map((e) => `${e.type}@${e.t}`)).toEqual(['move@1', 'click@2', 'move@3', 'click@3']);
    expect({ ...first[2] }).toEqual({ type: 'move', t: 3, x: 7, y: 8, pointer: 'pen' });
    const events = [click(4)];
    expect(withMoves(events)).toBe(events);
  });

  it('hands over only what the ring still holds, in its slot objects refilled (nothing made per move)', () => {
    const ring = createPointerRing(4);
    const withMoves = pointerMoves(ring);
    ring.push(0, 0, 0, 'mouse');
    const slot0 = withMoves([])[0];
    for (let t = 10; t < 20; t++) ring.push(t, t, 0, 'mouse');
    const out = withMoves([click(17.5)]);
    expect(out.map((e) => e.t)).toEqual([16, 17, 17.5, 18, 19]);
    // Sample 8 (t = 17) sits in sample 0's slot, handed over in the same object.
    expect(out[1]).toBe(slot0);
    expect(out[1]).toMatchObject({ t: 17, x: 17 });
  });
});
