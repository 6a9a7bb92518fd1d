import { describe, expect, it } from 'vitest';
import { checklistCounts, completion } from './progress';

describe('completion', () => {
  it.each([
    [0, 4, 0, 0],
    [1, 4, 0.25, 25],
    [1, 3, 1 / 3, 33],
    [5, 4, 1, 100],
    [-1, 4, 0, 0],
    [1, 0, 0, 0],
    [1, Number.NaN, 0, 0],
  ])('%s of %s', (done, total, fraction, percent) => {
    expect(completion(done, total)).toEqual({ fraction, percent });
  });
});

describe('checklistCounts', () => {
  it.each([
    [[], { done: 0, total: 0, complete: false }],
    [[{ done: true }, { done: false }], { done: 1, total: 2, complete: false }],
    [[{ done: true }, { done: false, optional: true }], { done: 1, total: 2, complete: true }],
    [[{ done: true }, { done: true }], { done: 2, total: 2, complete: true }],
  ])('%j', (items, expected) => {
    expect(checklistCounts(items)).toEqual(expected);
  });
});
