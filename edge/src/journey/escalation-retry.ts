import type { EscalationTicket } from '@smart-onboarding/protocol';
import { database } from '../db/client';
import type { Env } from '../env';
import { d1EscalationStore } from '../escalation/d1-store';
import { retryEscalation } from '../escalation/escalate-to-human';
import { escalationDepsFromEnv } from '../escalation/from-env';
import type { EscalationContext } from '../escalation/payload';

/** A ticket whose webhook delivery is still pending, kept in the journey object until its alarm. */
export interface PendingEscalation {
  ticket: EscalationTicket;
  context: EscalationContext;
  retryAt: number;
}

/**
 * Another delivery round for every pending ticket that is due (the journey object's alarm calls it).
 * Returns what is still pending: not yet due, or due again later; delivered and dead-lettered tickets
 * leave the list (D1 keeps their final state).
 *
 * @example
 * this.write('escalations', await retryDueEscalations(this.env, pending, Date.now()));
 */
export async function retryDueEscalations(
  env: Env,
  pending: readonly PendingEscalation[],
  now: number,
): Promise<PendingEscalation[]> {
  const deps = escalationDepsFromEnv(
    env as unknown as Record<string, unknown>,
    d1EscalationStore(database(env.DB)),
  );
  const left: PendingEscalation[] = [];
  for (const p of pending) {
    if (p.retryAt > now) {
      left.push(p);
      continue;
    }
    try {
      const result = await retryEscalation(deps, p.ticket, p.context);
      if (result.retryAt !== undefined && result.ticket.status === 'pending')
        left.push({ ticket: result.ticket, context: p.context, retryAt: result.retryAt });
    } catch (err) {
      console.warn('escalation retry failed; trying again later', err);
      left.push({ ...p, retryAt: now + 60_000 });
    }
  }
  return left;
}
