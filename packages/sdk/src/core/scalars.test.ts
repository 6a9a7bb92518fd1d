import { ScalarRecord } from '@smart-onboarding/protocol';
import { describe, expect, it } from 'vitest';
import { toScalarRecord } from './scalars';

const cases: [string, unknown, ScalarRecord | undefined][] = [
  ['not an object', 'x', undefined],
  ['null', null, undefined],
  ['an array', [1, 2], undefined],
  ['scalars pass', { a: 'x', b: 1, c: true, d: null }, { a: 'x', b: 1, c: true, d: null }],
  [
    'nested objects, arrays, functions and NaN are left out',
    { a: { b: 1 }, c: [1], f: () => 1, n: Number.NaN, ok: 2 },
    { ok: 2 },
  ],
  ['long strings are cut', { s: 'x'.repeat(600) }, { s: 'x'.repeat(512) }],
  ['long keys are left out', { ['k'.repeat(65)]: 1, k: 2 }, { k: 2 }],
];

describe('toScalarRecord', () => {
  it.each(cases)('%s', (_name, input, expected) => {
    const out = toScalarRecord(input);
    expect(out).toEqual(expected);
    if (out) expect(ScalarRecord.parse(out)).toEqual(out);
  });

  it('keeps at most 50 keys', () => {
    const big = Object.fromEntries(Array.from({ length: 80 }, (_, i) => [`k${i}`, i]));
    expect(Object.keys(toScalarRecord(big)!)).toHaveLength(50);
  });
});
