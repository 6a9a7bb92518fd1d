import { afterEach, describe, expect, it, vi } from 'vitest';
import { type EventBody, envelope, pagePath } from './envelope';

interface At {
  sessionId: string;
  stepId: string | undefined;
  path: string;
}

const at: At = { sessionId: 's-1', stepId: undefined, path: '/settings#billing' };

describe('envelope', () => {
  it.each<[string, EventBody, Partial<At>, object]>([
    [
      'id, session, time and page',
      { eventType: 'page', action: 'view' },
      {},
      { sessionId: 's-1', context: { path: '/settings#billing' }, eventType: 'page', action: 'view' },
    ],
    [
      'the current step on an event without one',
      { eventType: 'track', name: 'x' },
      { stepId: 'connect' },
      { stepId: 'connect' },
    ],
    [
      'an event naming its own step keeps it',
      { eventType: 'step', stepId: 'profile', action: 'completed' },
      { stepId: 'connect' },
      { stepId: 'profile' },
    ],
  ])('%s', (_name, body, context, expected) => {
    const before = Date.now();
    const { sessionId, stepId, path } = { ...at, ...context };
    const e = envelope(body, sessionId, stepId, path);
    expect(e).toMatchObject(expected);
    expect(e.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(e.timestamp).toBeGreaterThanOrEqual(before);
    expect(e.timestamp).toBeLessThanOrEqual(Date.now());
  });

  it('gives every event its own id (the edge deduplicates by it)', () => {
    const ids = new Set(
      Array.from(
        { length: 100 },
        () => envelope({ eventType: 'page', action: 'view' }, at.sessionId, at.stepId, at.path).id,
      ),
    );
    expect(ids.size).toBe(100);
  });

  it('an event without a step, and no current step, carries none', () => {
    expect(envelope({ eventType: 'page', action: 'view' }, 's-1', undefined, '/')).not.toHaveProperty(
      'stepId',
    );
  });
});

describe('pagePath', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('is the path and hash, never the query, cut to the wire’s limit', () => {
    vi.stubGlobal('location', { pathname: '/app/projects', hash: '#tab', search: '?token=secret' });
    expect(pagePath()).toBe('/app/projects#tab');
    vi.stubGlobal('location', { pathname: `/${'a'.repeat(2000)}`, hash: '', search: '' });
    expect(pagePath()).toBe(`/${'a'.repeat(1023)}`);
  });
});
