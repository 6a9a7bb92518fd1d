import { afterEach, describe, expect, it, vi } from 'vitest';
import { uuid } from './ids';

const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('uuid', () => {
  it('is a v4 UUID from randomUUID where there is one', () => {
    expect(uuid()).toMatch(V4);
  });

  it('is a v4 UUID from getRandomValues where randomUUID is missing (pages over plain http)', () => {
    const real = globalThis.crypto;
    vi.stubGlobal('crypto', {
      getRandomValues: <T extends ArrayBufferView<ArrayBuffer>>(b: T) => real.getRandomValues(b),
    });
    const ids = Array.from({ length: 200 }, () => uuid());
    for (const id of ids) expect(id).toMatch(V4);
    expect(new Set(ids).size).toBe(200);
  });

  it('lays the random bytes out in order, version and variant set', () => {
    vi.stubGlobal('crypto', { getRandomValues: (b: Uint8Array) => b.fill(0xff) });
    expect(uuid()).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
    vi.stubGlobal('crypto', {
      getRandomValues: (b: Uint8Array) => {
        for (let i = 0; i < b.length; i++) b[i] = i;
        return b;
      },
    });
    expect(uuid()).toBe('00010203-0405-4607-8809-0a0b0c0d0e0f');
  });
});
