import { describe, expect, it } from 'vitest';
import { demoEdge } from './demo';

describe('demoEdge', () => {
  it.each([
    ['the edge pnpm dev announces', { endpoint: 'http://127.0.0.1:41234' }, 'http://127.0.0.1:41234'],
    ['port 8787 of the page’s host without it', undefined, 'http://127.0.0.1:8787'],
    ['port 8787 when the announcement names no endpoint', {}, 'http://127.0.0.1:8787'],
  ])('%s', (_name, dev, expected) => {
    expect(
      demoEdge({ location: { protocol: 'http:', hostname: '127.0.0.1' }, SMART_ONBOARDING_DEV: dev }),
    ).toBe(expected);
  });
});
