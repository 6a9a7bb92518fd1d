import type { FlowVersion, JourneyResponse, NextStepResponse } from '@smart-onboarding/protocol';
import { PATHS } from '@smart-onboarding/protocol';
import { fetchJson } from '../transport/http';

/** Where a journey stands when the page starts: the step to show and how far along the user is. */
export interface JourneyStart {
  next: NextStepResponse;
  completed: string[];
  /** Steps in the flow (the progress bar's total). */
  total: number;
}

/** The user's journey resource (`/v1/journeys/{user}`); its `/next` and `/help` hang below it. */
export const journeyUrl = (endpoint: string, userId: string) =>
  `${endpoint}${PATHS.journeys}/${encodeURIComponent(userId)}`;

/**
 * Starts (or, as the edge makes it idempotent, finds) the user's journey through `flowId`, or without one
 * through the flow the tenant's targeting gives the user on `path` (`initializeUserJourney`), then asks for the step to show (`getNextOptimalStep`) and the flow's size.
 * Resolves undefined when the edge cannot be reached or refuses (no flow targets the user, too) (the socket's `welcome` still follows).
 */
export async function startJourney(
  endpoint: string,
  userId: string,
  /** The user's credentials as headers (`credentialHeaders`). */
  headers: Record<string, string>,
  flowId: string | undefined,
  /** The page, as events carry it: targeting judges it when there is no `flowId`. */
  path: string,
): Promise<JourneyStart | undefined> {
  const url = journeyUrl(endpoint, userId);
  // One set of headers for every call: the reads are preflighted for the credentials anyway.
  const call = <T>(to: string, init?: RequestInit) =>
    fetchJson<T>(to, { ...init, headers: { ...headers, 'content-type': 'application/json' } });
  const begun = await call<JourneyResponse>(url, {
    method: 'POST',
    body: JSON.stringify({ flowId, path }),
  });
  if (!begun) return undefined;
  const [next, flow] = await Promise.all([
    call<NextStepResponse>(`${url}/next`),
    call<FlowVersion>(`${endpoint}${PATHS.flows}/${encodeURIComponent(begun.journey.flowId)}`),
  ]);
  return (
    next && {
      next,
      completed: begun.journey.completedSteps.map((c) => c.stepId),
      total: flow?.flow.steps.length ?? 0,
    }
  );
}
