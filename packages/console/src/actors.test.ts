import { describe, expect, it } from 'vitest';
import { describeActor } from './actors';

describe('describeActor', () => {
  const emails = new Map([['m1', 'pm@example.com']]);
  it.each([
    ['member:m1', 'pm@example.com'],
    ['member:gone', 'a former member'],
    ['demo-secret', 'secret key demo-secret'],
    [null, 'the API'],
  ])('%s reads as %s', (actor, name) => {
    expect(describeActor(actor, emails)).toBe(name);
  });
});
