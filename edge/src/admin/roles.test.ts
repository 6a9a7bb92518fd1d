import { describe, expect, it } from 'vitest';
import { can } from './roles';

describe('roles', () => {
  it.each([
    ['viewer', 'read', true],
    ['viewer', 'author', false],
    ['viewer', 'manage', false],
    ['editor', 'read', true],
    ['editor', 'author', true],
    ['editor', 'manage', false],
    ['owner', 'read', true],
    ['owner', 'author', true],
    ['owner', 'manage', true],
  ] as const)('%s may %s: %s', (role, permission, expected) => {
    expect(can(role, permission)).toBe(expected);
  });
});
