import { describe, expect, it } from 'vitest';
import { createEmitter } from './emitter';

describe('createEmitter', () => {
  it('delivers to every listener, isolates one that throws, and unsubscribes', () => {
    const errors: unknown[] = [];
    const e = createEmitter<{ x: number }>((err) => errors.push(err));
    const seen: number[] = [];
    const off = e.on('x', (n) => seen.push(n));
    e.on('x', () => {
      throw new Error('host bug');
    });
    e.on('x', (n) => seen.push(n * 10));
    e.emit('x', 1);
    off();
    e.emit('x', 2);
    expect(seen).toEqual([1, 10, 20]);
    expect(errors).toHaveLength(2);
  });
});
