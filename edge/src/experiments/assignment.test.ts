import { describe, expect, it } from 'vitest';
import { assignVariant } from './assignment';

const variants = [
  { name: 'smart', weight: 1 },
  { name: 'adaptive', weight: 3 },
];
const users = Array.from({ length: 10_000 }, (_, i) => `user-${i}`);

describe('assignVariant: random across users, stable per user', () => {
  it('gives a user the same variant every time', () => {
    const e = { id: 'arms', salt: 'salt-1' };
    for (const u of users.slice(0, 200))
      expect(assignVariant(e, u, variants)).toBe(assignVariant({ ...e }, u, [...variants]));
  });

  it('splits users by the weights (within 2 points at 10,000 users)', () => {
    const e = { id: 'arms', salt: 'salt-1' };
    const adaptive = users.filter((u) => assignVariant(e, u, variants).name === 'adaptive').length;
    expect(adaptive / users.length).toBeGreaterThan(0.73);
    expect(adaptive / users.length).toBeLessThan(0.77);
  });

  it('draws a new split for a new salt, independent of the first', () => {
    const even = [
      { name: 'a', weight: 1 },
      { name: 'b', weight: 1 },
    ];
    const first = users.map((u) => assignVariant({ id: 'x', salt: 's1' }, u, even).name);
    const second = users.map((u) => assignVariant({ id: 'x', salt: 's2' }, u, even).name);
    const same = first.filter((v, i) => v === second[i]).length / users.length;
    // Independent splits agree about half the time; the same split would agree always.
    expect(same).toBeGreaterThan(0.47);
    expect(same).toBeLessThan(0.53);
  });
});
