import type { FlowVersion } from '@smart-onboarding/protocol';
import type { JourneyState } from './journey-state';
import { fail, type Outcome, ok } from './outcome';
import type { JourneyOwner } from './owner';
import type { JourneyStore } from './store/journey-store';

/**
 * The first call claims the object for its (tenant, user); every later call must name the same owner, so a
 * mis-routed call can never read or change someone else's journey.
 */
export function claim(store: JourneyStore, owner: JourneyOwner): Outcome<void> {
  const stored = store.get('owner');
  if (!stored) {
    store.set('owner', { tenantId: owner.tenantId, userId: owner.userId });
    return ok(undefined);
  }
  if (stored.tenantId !== owner.tenantId || stored.userId !== owner.userId) {
    return fail(409, 'conflict', 'this journey object belongs to another user');
  }
  return ok(undefined);
}

/** The owner's journey and its pinned flow, or `not_found` before the journey was initialized. */
export function loadJourney(
  store: JourneyStore,
  owner: JourneyOwner,
): Outcome<{ state: JourneyState; flow: FlowVersion }> {
  const claimed = claim(store, owner);
  if (!claimed.ok) return claimed;
  const state = store.get('journey');
  const flow = store.get('flow');
  if (!state || !flow)
    return fail(404, 'not_found', `user ${owner.userId} has no journey; initialize one first`);
  return ok({ state, flow });
}
