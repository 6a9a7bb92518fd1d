import { evictDurableObject, runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { journeyObjectName } from '../src/journey/owner';
import { JourneyStore } from '../src/journey/store/journey-store';
import { DEMO } from './helpers';

/** The journey object of a demo-tenant user, as the routes reach it. */
export function journeyStubOf(userId: string, tenantId: string = DEMO.tenantId) {
  return env.JOURNEY.get(env.JOURNEY.idFromName(journeyObjectName({ tenantId, userId })));
}

type Stub = ReturnType<typeof journeyStubOf>;

/** Reads what a journey object has stored, through the typed store over its own storage. */
export function readStoredJourney<T>(stub: Stub, read: (store: JourneyStore) => T | Promise<T>): Promise<T> {
  return runInDurableObject(stub, (_instance, state) => read(new JourneyStore(state.storage)));
}

/**
 * Changes what a journey object has stored, then evicts the object, so its next call or alarm starts from
 * storage as a restart would (hibernated sockets stay open).
 */
export async function editStoredJourney<T>(
  stub: Stub,
  edit: (store: JourneyStore) => T | Promise<T>,
): Promise<T> {
  const result = await readStoredJourney(stub, edit);
  await evictDurableObject(stub);
  return result;
}
