import type { ForgottenJourney } from '../journey/journey-rpc';
import type { Services } from '../services';
import { recordTombstone } from './tombstones';
import { deleteUserRows, journeysByFlow } from './user-data';

/**
 * Forgets a user everywhere after the journey object has forgotten its own state: the tombstone first
 * (so the event consumer drops what is still queued, and undoes a write that raced it), then the flow
 * learners' record of the user's journey ids, then every D1 table of `USER_TABLES`.
 */
export async function forgetUser(
  { db, flowLearner }: Pick<Services, 'db' | 'flowLearner'>,
  owner: { tenantId: string; userId: string },
  forgotten: ForgottenJourney,
) {
  const { tenantId, userId } = owner;
  await recordTombstone(db, tenantId, userId, forgotten.forgottenAt);
  const byFlow = await journeysByFlow(db, tenantId, userId);
  for (const j of forgotten.journeys) byFlow.set(j.flowId, [...(byFlow.get(j.flowId) ?? []), j.journeyId]);
  for (const [flowId, ids] of byFlow) await flowLearner(tenantId, flowId).forgetJourneys([...new Set(ids)]);
  await deleteUserRows(db, tenantId, userId);
}
