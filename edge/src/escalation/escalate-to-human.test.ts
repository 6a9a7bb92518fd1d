import type { StruggleMetrics } from '@smart-onboarding/protocol';
import { seededRandom } from '@smart-onboarding/stats';
import { describe, expect, it } from 'vitest';
import { armHook, hookAttempts, standInsAvailable } from '../../test/azure/control';
import { sampleFlow } from '../intelligence/test-flow';
import { sleep } from '../resilience/retry';
import { DEFAULT_DELIVERY } from './deliver';
import {
  type EscalationDeps,
  escalateToHuman,
  memoryEscalationStore,
  retryEscalation,
} from './escalate-to-human';

const SECRET = 'whsec_0123456789abcdef';
const step = sampleFlow.steps.find((s) => s.id === 'schedule-post')!;
const report: StruggleMetrics = {
  score: 0.93,
  source: 'model',
  reasons: [{ code: 'dead_click', weight: 1 }],
  stepId: 'schedule-post',
  element: '#schedule-button',
  recentSignals: [{ type: 'dead_click', t: 5, evidence: { count: 4 } }],
  t: 5,
};
const fast = { ...DEFAULT_DELIVERY, inline: { baseMs: 20, maxMs: 2000, factor: 2 }, timeoutMs: 3000 };
const ctx = { tenantId: 'acme', user: { id: 'u-42', email: 'ada@example.com' }, flowId: 'creator-studio' };

function deps(url: string, extra: Partial<EscalationDeps> = {}) {
  const store = memoryEscalationStore();
  const d: EscalationDeps = {
    store,
    webhook: { url, secret: SECRET, format: 'json' },
    fetch: (input, init) => fetch(input, init),
    sleep: (ms) => sleep(ms),
    random: seededRandom(4),
    now: Date.now,
    options: fast,
    ...extra,
  };
  return { d, store };
}
const input = (id: string) => ({
  id,
  userId: 'u-42',
  report,
  step,
  position: { index: 5, of: 5 },
  now: Date.now(),
});

describe.skipIf(!standInsAvailable())('escalateToHuman against a local webhook receiver', () => {
  it('retries through two failures and delivers a signed generic JSON ticket', async () => {
    const name = `json-${crypto.randomUUID()}`;
    const url = await armHook(name, { secret: SECRET, failFirst: 2, failStatus: 503 });
    const { d, store } = deps(url);
    const r = await escalateToHuman(d, input(`ticket-${name}`), ctx);
    expect(r.ticket).toMatchObject({ status: 'delivered', attempts: 3 });
    const attempts = await hookAttempts(name);
    expect(attempts.map((a) => [a.status, a.signatureValid])).toEqual([
      [503, true],
      [503, true],
      [200, true],
    ]);
    expect(attempts[2]!.body).toMatchObject({
      type: 'smart_onboarding.escalation',
      user: { id: 'u-42', email: 'ada@example.com' },
      ticket: { id: `ticket-${name}`, stepId: 'schedule-post', recentSignals: [{ type: 'dead_click' }] },
    });
    expect((attempts[2]!.body as { ticket: { summary: string } }).ticket.summary).toContain('Schedule it');
    expect(store.rows.get(`ticket-${name}`)?.ticket.status).toBe('delivered');
  });

  it('posts Slack-compatible text and blocks, signed too', async () => {
    const name = `slack-${crypto.randomUUID()}`;
    const url = await armHook(name, { secret: SECRET });
    const { d } = deps(url);
    d.webhook = { url, secret: SECRET, format: 'slack' };
    const r = await escalateToHuman(d, input(`ticket-${name}`), ctx);
    expect(r.ticket.status).toBe('delivered');
    const [attempt] = await hookAttempts(name);
    expect(attempt!.signatureValid).toBe(true);
    expect(attempt!.body).toMatchObject({
      text: 'Onboarding help needed: ada@example.com on schedule-post',
      blocks: expect.any(Array),
    });
  });

  it('waits what a 429 asks before trying again', async () => {
    const name = `throttle-${crypto.randomUUID()}`;
    const url = await armHook(name, { secret: SECRET, failFirst: 1, failStatus: 429, retryAfterSeconds: 1 });
    const r = await escalateToHuman(deps(url).d, input(`ticket-${name}`), ctx);
    expect(r.ticket.status).toBe('delivered');
    const [first, second] = await hookAttempts(name);
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(1000);
  });

  it('dead-letters at once on an answer that retrying cannot fix (a wrong secret: 401)', async () => {
    const name = `secret-${crypto.randomUUID()}`;
    const url = await armHook(name, { secret: 'the-receiver-has-another-secret' });
    const { d, store } = deps(url);
    const r = await escalateToHuman(d, input(`ticket-${name}`), ctx);
    expect(r.ticket).toMatchObject({ status: 'dead_lettered', attempts: 1 });
    expect(r.lastError).toBe('HTTP 401: not retryable');
    expect(store.rows.get(`ticket-${name}`)).toMatchObject({
      ticket: { status: 'dead_lettered' },
      lastError: 'HTTP 401: not retryable',
    });
  });

  it('hands a still-failing ticket to a later retry, and dead-letters it after maxAttempts', async () => {
    const name = `down-${crypto.randomUUID()}`;
    const url = await armHook(name, { secret: SECRET, failFirst: 100, failStatus: 500 });
    const { d, store } = deps(url, { options: { ...fast, inlineAttempts: 2, maxAttempts: 5 } });
    const first = await escalateToHuman(d, input(`ticket-${name}`), ctx);
    expect(first.ticket).toMatchObject({ status: 'pending', attempts: 2 });
    expect(first.retryAt).toBeGreaterThan(Date.now());
    expect(store.rows.get(`ticket-${name}`)?.retryAt).toBe(first.retryAt);
    // What the journey object's alarm does when retryAt comes.
    const second = await retryEscalation(d, first.ticket, ctx);
    expect(second.ticket).toMatchObject({ status: 'pending', attempts: 4 });
    const third = await retryEscalation(d, second.ticket, ctx);
    expect(third.ticket).toMatchObject({ status: 'dead_lettered', attempts: 5 });
    expect(third.lastError).toMatch(/gave up after 5 attempts/);
    expect((await hookAttempts(name)).length).toBe(5);
    expect((await retryEscalation(d, third.ticket, ctx)).attempts).toEqual([]);
  });

  it('times out a webhook that does not answer, and dead-letters it after its attempts', async () => {
    const name = `slow-${crypto.randomUUID()}`;
    const url = await armHook(name, { secret: SECRET, delayMs: 2000 });
    const { d } = deps(url, { options: { ...fast, timeoutMs: 200, inlineAttempts: 2, maxAttempts: 2 } });
    const r = await escalateToHuman(d, input(`ticket-${name}`), ctx);
    expect(r.ticket).toMatchObject({ status: 'dead_lettered', attempts: 2 });
    expect(r.attempts.map((a) => a.error)).toEqual([
      expect.stringMatching(/TimeoutError/),
      expect.stringMatching(/TimeoutError/),
    ]);
  });
});

describe('escalateToHuman without a webhook', () => {
  it('stores the ticket, pending, saying why', async () => {
    const store = memoryEscalationStore();
    const r = await escalateToHuman(
      { store, webhook: undefined, fetch, sleep, random: Math.random, now: Date.now },
      input('ticket-none'),
      ctx,
    );
    expect(r.ticket.status).toBe('pending');
    expect(store.rows.get('ticket-none')).toMatchObject({ lastError: 'no escalation webhook configured' });
  });
});
