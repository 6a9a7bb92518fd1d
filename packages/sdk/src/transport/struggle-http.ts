import type { InterventionPlan, ServerMessage, StruggleMetrics } from '@smart-onboarding/protocol';
import { PATHS } from '@smart-onboarding/protocol';
import { type Credentials, endpointUrl } from './credentials';
import { fetchJson } from './http';

/**
 * A struggle report over HTTP, for pages where no WebSocket gets through (proxies, some corporate
 * networks): `POST /v1/journeys/{userId}/struggle` (`handleUserStruggle`) answers with the
 * intervention plan, returned as the `intervention` message the socket would have pushed, so the SDK
 * shows it the same way. Undefined when there is no user yet or the edge does not answer: the queued
 * `struggle` event still carries the report.
 */
export async function reportStruggleOverHttp(
  endpoint: string,
  credentials: Credentials,
  report: StruggleMetrics,
): Promise<Extract<ServerMessage, { type: 'intervention' }> | undefined> {
  const user = credentials.userId;
  // Credentials in the query, as for every other request of the transport; JSON costs a preflight anyway.
  const answer =
    user &&
    (await fetchJson<{ plan: InterventionPlan }>(
      endpointUrl(endpoint, `${PATHS.journeys}/${encodeURIComponent(user)}/struggle`, credentials),
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(report) },
    ));
  return answer ? { type: 'intervention', plan: answer.plan, reportedAt: report.t } : undefined;
}
