/** Wraps functions so they never throw into the host page. */
type Guard = <A extends unknown[], R>(fn: (...args: A) => R) => (...args: A) => R | undefined;

/**
 * The SDK's rule for its own errors: a guarded function returns undefined instead of throwing, and the error
 * goes to `warn` (silent unless debug mode). Every public method and every callback the page or the edge can
 * reach is guarded.
 *
 * @example
 * const guard = createGuard(warn);
 * const track = guard((name: string) => send(name));
 */
export const createGuard =
  (warn: (...args: unknown[]) => void): Guard =>
  (fn) =>
  (...args) => {
    try {
      return fn(...args);
    } catch (err) {
      warn(err);
      return undefined;
    }
  };
