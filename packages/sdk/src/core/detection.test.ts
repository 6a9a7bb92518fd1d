import { describe, expect, it } from 'vitest';
import { clicksEvery } from '../signals/fixtures';
import { createSignalLoop } from './detection';

describe('createSignalLoop', () => {
  it('reports each signal once however often it runs', () => {
    const loop = createSignalLoop();
    const clicks = clicksEvery(5, 100);
    for (const c of clicks.slice(0, 2)) loop.add(c);
    expect(loop.run(150)).toEqual([]);
    loop.add(clicks[2]!);
    expect(loop.run(250).map((s) => s.type)).toEqual(['rage_click']);
    loop.add(clicks[3]!);
    loop.add(clicks[4]!);
    expect(loop.run(450)).toEqual([]);
    // the dead click of the series shows once its window has passed
    expect(loop.run(1100).map((s) => s.type)).toEqual(['dead_click']);
    expect(loop.run(1500)).toEqual([]);
  });

  it('forgets events past its horizon', () => {
    const loop = createSignalLoop();
    for (const c of clicksEvery(3, 100)) loop.add(c);
    expect(loop.run(300).length).toBe(1);
    expect(loop.run(100_000)).toEqual([]);
  });
});
