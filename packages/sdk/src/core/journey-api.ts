import type { FlowVersion, JourneyResponse, NextStepResponse } from '@smart-onboarding/protocol';
import { PATHS } from '@smart-onboarding/protocol';

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
 * Starts (or, as the edge makes it idempotent, finds) the user's journey through `flowId`
 * (`initializeUserJourney`), then asks for the step to show (`getNextOptimalStep`) and the flow's size.
 * Resolves undefined when the edge cannot be reached or refuses (the socket's `welcome` still follows).
 */
export async function startJourney(
  endpoint: string,
  userId: string,
  /** The user's credentials as headers (`credentialHeaders`). */
  headers: Record<string, string>,
  flowId: string,
): Promise<JourneyStart | undefined> {
  const url = journeyUrl(endpoint, userId);
  const call = async <T>(to: string, init: RequestInit = {}): Promise<T> => {
    const res = await fetch(to, { credentials: 'omit', ...init, headers: { ...headers, ...init.headers } });
    if (!res.ok) throw new Error(`${to}: ${res.status}`);
    return (await res.json()) as T;
  };
  try {
    const { journey } = await call<JourneyResponse>(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ flowId }),
    });
    const [next, flow] = await Promise.all([
      call<NextStepResponse>(`${url}/next`),
      call<FlowVersion>(`${endpoint}${PATHS.flows}/${encodeURIComponent(journey.flowId)}`).catch(
        () => undefined,
      ),
    ]);
    return {
      next,
      completed: journey.completedSteps.map((c) => c.stepId),
      total: flow?.flow.steps.length ?? 0,
    };
  } catch {
    return undefined;
  }
}
