/**
 * A circuit breaker as a pure state machine (the clock is passed in), so its state can live in a Durable
 * Object's memory or storage and its transitions are tested with tables.
 *
 * closed → (after `failureThreshold` consecutive failures) → open → (after `openMs`) → half-open, where up
 * to `halfOpenProbes` requests go through: a success closes the circuit, a failure opens it again.
 */
interface BreakerOptions {
  failureThreshold: number;
  openMs: number;
  halfOpenProbes: number;
}

const DEFAULT_BREAKER: BreakerOptions = { failureThreshold: 5, openMs: 30_000, halfOpenProbes: 1 };

export type BreakerState =
  | { status: 'closed'; failures: number }
  | { status: 'open'; openedAt: number; failures: number }
  | { status: 'half_open'; inFlight: number; failures: number };

export const closedBreaker = (): BreakerState => ({ status: 'closed', failures: 0 });

/** Whether a request may go out now, and the state after letting it (half-open counts its probes). */
export function breakerAllows(
  state: BreakerState,
  now: number,
  options: BreakerOptions = DEFAULT_BREAKER,
): { allowed: boolean; state: BreakerState } {
  switch (state.status) {
    case 'closed':
      return { allowed: true, state };
    case 'open':
      if (now - state.openedAt < options.openMs) return { allowed: false, state };
      return { allowed: true, state: { status: 'half_open', inFlight: 1, failures: state.failures } };
    case 'half_open':
      if (state.inFlight >= options.halfOpenProbes) return { allowed: false, state };
      return { allowed: true, state: { ...state, inFlight: state.inFlight + 1 } };
  }
}

export function breakerOnSuccess(_state: BreakerState): BreakerState {
  return closedBreaker();
}

export function breakerOnFailure(
  state: BreakerState,
  now: number,
  options: BreakerOptions = DEFAULT_BREAKER,
): BreakerState {
  const failures = state.failures + 1;
  if (state.status === 'half_open') return { status: 'open', openedAt: now, failures };
  if (state.status === 'open') return state;
  return failures >= options.failureThreshold
    ? { status: 'open', openedAt: now, failures }
    : { status: 'closed', failures };
}

/** Milliseconds until an open circuit lets a probe through; 0 when not open. */
function breakerRetryInMs(
  state: BreakerState,
  now: number,
  options: BreakerOptions = DEFAULT_BREAKER,
): number {
  return state.status === 'open' ? Math.max(0, state.openedAt + options.openMs - now) : 0;
}

/**
 * A mutable holder around the pure machine, for one outside service in one isolate or Durable Object.
 *
 * @example
 * const azureBreaker = new CircuitBreaker('azure-openai');
 * const help = await handleServiceUnavailable(azureBreaker, () => callAzure(), (why) => authoredHelp(why));
 */
export class CircuitBreaker {
  state: BreakerState = closedBreaker();
  constructor(
    readonly service: string,
    readonly options: BreakerOptions = DEFAULT_BREAKER,
    private readonly now: () => number = Date.now,
  ) {}
  tryAcquire(): boolean {
    const r = breakerAllows(this.state, this.now(), this.options);
    this.state = r.state;
    return r.allowed;
  }
  success(): void {
    this.state = breakerOnSuccess(this.state);
  }
  failure(): void {
    this.state = breakerOnFailure(this.state, this.now(), this.options);
  }
  retryInMs(): number {
    return breakerRetryInMs(this.state, this.now(), this.options);
  }
}

/** Why a call fell back. */
type FallbackReason = { kind: 'circuit_open'; retryInMs: number } | { kind: 'failed'; error: unknown };

/**
 * The seed's `handleServiceUnavailable`: calls the service through its breaker; when the circuit is open
 * or the call fails, answers with the fallback instead, told why.
 *
 * @example
 * const r = await handleServiceUnavailable(breaker, () => azure.chat(...), (why) => authored(why));
 */
export async function handleServiceUnavailable<T>(
  breaker: CircuitBreaker,
  call: () => Promise<T>,
  fallback: (reason: FallbackReason) => T | Promise<T>,
  options: { countsAsFailure?: (error: unknown) => boolean } = {},
): Promise<T> {
  if (!breaker.tryAcquire()) return fallback({ kind: 'circuit_open', retryInMs: breaker.retryInMs() });
  try {
    const value = await call();
    breaker.success();
    return value;
  } catch (error) {
    // A caller's own mistake (a 400) says nothing about the service's health.
    if (options.countsAsFailure?.(error) ?? true) breaker.failure();
    else breaker.success();
    return fallback({ kind: 'failed', error });
  }
}
