import type { Database } from '../adapters/d1/client';
import { getTargeting, getUserTraits } from '../adapters/d1/queries/targeting';
import { chooseFlow } from './evaluate';

/**
 * The flow the tenant's targeting rules give this user on this page, judged by the traits the tenant's
 * server stored (never by anything the browser sent). Shared by `POST /v1/targeting/resolve` and a journey
 * started without a flow, so both answer the same.
 */
export async function targetedFlow(
  db: Database,
  owner: { tenantId: string; userId: string },
  url: string,
): Promise<{ flowId: string | null; rule: number | null }> {
  const [{ rules }, traits] = await Promise.all([
    getTargeting(db, owner.tenantId),
    getUserTraits(db, owner.tenantId, owner.userId),
  ]);
  return chooseFlow(rules, { url, userId: owner.userId, traits, now: Date.now() });
}
