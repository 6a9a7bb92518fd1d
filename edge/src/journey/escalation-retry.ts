import type { EscalationTicket } from '@smart-onboarding/protocol';
import { type EscalationDeps, retryEscalation } from '../escalation/escalate-to-human';
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
 * store.set('escalations', await retryDueEscalations(services.escalation, pending, Date.now()));
 */
export async function retryDueEscalations(
  deps: EscalationDeps,
  pending: readonly PendingEscalation[],
  now: number,
): Promise<PendingEscalation[]> {
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
