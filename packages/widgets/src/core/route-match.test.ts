import { describe, expect, it } from 'vitest';
import { matchRoute } from './route-match';

describe('matchRoute', () => {
  it.each([
    ['/', '/', true],
    ['/', '/settings', false],
    ['/settings', '/settings', true],
    ['/settings', '/settings/', true],
    ['/settings/', '/settings', true],
    ['/Settings', '/settings', true],
    ['/settings', '/settings/profile', false],
    ['/posts/:id', '/posts/42', true],
    ['/posts/:id', '/posts', false],
    ['/posts/:id', '/posts/42/edit', false],
    ['/posts/:id/edit', '/posts/42/edit', true],
    ['/settings/*', '/settings/a/b', true],
    ['/settings/*', '/settings', true],
    ['/a b', '/a%20b', true],
    ['/x', '/%E0%A4%A', false],
    ['/posts/:id', '/posts/42?tab=1', true],
    ['/posts', '/posts#top', true],
  ])('%s vs %s → %s', (pattern, path, expected) => {
    expect(matchRoute(pattern, path)).toBe(expected);
  });
});
