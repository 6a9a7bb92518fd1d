import { describe, expect, it } from 'vitest';
import {
  type BreakerState,
  breakerAllows,
  breakerOnFailure,
  breakerOnSuccess,
  CircuitBreaker,
  closedBreaker,
  handleServiceUnavailable,
} from './circuit-breaker';

const opts = { failureThreshold: 3, openMs: 1000, halfOpenProbes: 1 };

describe('breaker transitions', () => {
  it.each<{
    name: string;
    state: BreakerState;
    event: 'allow' | 'success' | 'failure';
    now: number;
    allowed?: boolean;
    status: BreakerState['status'];
  }>([
    {
      name: 'closed lets requests through',
      state: closedBreaker(),
      event: 'allow',
      now: 0,
      allowed: true,
      status: 'closed',
    },
    {
      name: 'a failure below the threshold stays closed',
      state: { status: 'closed', failures: 1 },
      event: 'failure',
      now: 0,
      status: 'closed',
    },
    {
      name: 'the third consecutive failure opens',
      state: { status: 'closed', failures: 2 },
      event: 'failure',
      now: 0,
      status: 'open',
    },
    {
      name: 'open refuses before openMs',
      state: { status: 'open', openedAt: 0, failures: 3 },
      event: 'allow',
      now: 999,
      allowed: false,
      status: 'open',
    },
    {
      name: 'open lets one probe through after openMs',
      state: { status: 'open', openedAt: 0, failures: 3 },
      event: 'allow',
      now: 1000,
      allowed: true,
      status: 'half_open',
    },
    {
      name: 'half-open refuses a second probe',
      state: { status: 'half_open', inFlight: 1, failures: 3 },
      event: 'allow',
      now: 1001,
      allowed: false,
      status: 'half_open',
    },
    {
      name: 'a probe success closes',
      state: { status: 'half_open', inFlight: 1, failures: 3 },
      event: 'success',
      now: 1001,
      status: 'closed',
    },
    {
      name: 'a probe failure opens again',
      state: { status: 'half_open', inFlight: 1, failures: 3 },
      event: 'failure',
      now: 1001,
      status: 'open',
    },
    {
      name: 'a success resets the count',
      state: { status: 'closed', failures: 2 },
      event: 'success',
      now: 0,
      status: 'closed',
    },
  ])('$name', ({ state, event, now, allowed, status }) => {
    if (event === 'allow') {
      const r = breakerAllows(state, now, opts);
      expect(r.allowed).toBe(allowed);
      expect(r.state.status).toBe(status);
    } else {
      const next = event === 'success' ? breakerOnSuccess(state) : breakerOnFailure(state, now, opts);
      expect(next.status).toBe(status);
      if (event === 'success') expect(next.failures).toBe(0);
    }
  });
});

describe('handleServiceUnavailable (failures injected)', () => {
  it('falls back on failure, opens after the threshold, stops calling, then probes and recovers', async () => {
    let now = 0;
    const breaker = new CircuitBreaker('azure', opts, () => now);
    let calls = 0;
    let healthy = false;
    const call = async () => {
      calls++;
      if (!healthy) throw new Error('503');
      return 'live';
    };
    const fallback = (why: { kind: string }) => `fallback:${why.kind}`;
    for (let i = 0; i < 3; i++)
      expect(await handleServiceUnavailable(breaker, call, fallback)).toBe('fallback:failed');
    expect(breaker.state.status).toBe('open');
    expect(await handleServiceUnavailable(breaker, call, fallback)).toBe('fallback:circuit_open');
    expect(calls).toBe(3);
    now = 1000;
    expect(await handleServiceUnavailable(breaker, call, fallback)).toBe('fallback:failed');
    expect(breaker.state.status).toBe('open');
    now = 2000;
    healthy = true;
    expect(await handleServiceUnavailable(breaker, call, fallback)).toBe('live');
    expect(breaker.state.status).toBe('closed');
  });

  it('does not count a caller mistake against the service', async () => {
    const breaker = new CircuitBreaker('azure', { ...opts, failureThreshold: 1 });
    await handleServiceUnavailable(
      breaker,
      async () => Promise.reject(new Error('400')),
      () => 'x',
      { countsAsFailure: () => false },
    );
    expect(breaker.state.status).toBe('closed');
  });
});
