import { describe, expect, it } from 'vitest';
import { type Outcome, outcomeOf } from './http';

const cases: [number, Outcome][] = [
  [202, 'sent'],
  [200, 'sent'],
  [400, 'rejected'],
  [413, 'rejected'],
  [415, 'rejected'],
  [422, 'rejected'],
  [401, 'retry'],
  [403, 'retry'],
  [408, 'retry'],
  [429, 'retry'],
  [500, 'retry'],
  [503, 'retry'],
  [0, 'retry'],
];

describe('outcomeOf', () => {
  it.each(cases)('%i means %s', (status, expected) => {
    expect(outcomeOf(status)).toBe(expected);
  });
});
