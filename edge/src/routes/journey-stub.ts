import type { Env } from '../env';
import { ApiError } from '../http/errors';
import { type JourneyOwner, journeyObjectName } from '../journey/journey-object';
import type { Outcome } from '../journey/outcome';

/** The journey object of a (tenant, user), as a typed RPC stub. */
export function journeyStub(env: Env, owner: JourneyOwner) {
  return env.JOURNEY.get(env.JOURNEY.idFromName(journeyObjectName(owner)));
}

/** The value of an outcome, or its failure thrown as the matching `ApiError`. */
export function unwrap<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new ApiError(outcome.error.status, outcome.error.code, outcome.error.message);
  return outcome.value;
}
