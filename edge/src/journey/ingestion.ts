import type { BehaviorEvent, EventBatch } from '@smart-onboarding/protocol';
import { packForQueue } from '../adapters/queues/queue-message';
import { consentOf } from '../privacy/consent';
import type { Services } from '../services';
import type { IngestResult } from './journey-rpc';
import { type Outcome, ok } from './outcome';
import type { JourneyOwner } from './owner';
import { claim } from './ownership';
import type { JourneyStore } from './store/journey-store';

/** Event ids are remembered this long, which bounds how late a retry may come and still be recognised. */
export const SEEN_EVENTS_TTL_MS = 7 * 24 * 3600 * 1000;

/**
 * Accepting a user's event batches: ids seen before are dropped, the rest go on the event queue, and only
 * then are their ids remembered (so a failed enqueue is retried by the client, not lost). Batches are
 * taken one at a time, so a retried batch racing its original is counted once. What the new events change
 * in the journey is left to `onFresh`.
 *
 * @example
 * const ingestion = new EventIngestion({ store, services, onFresh: (owner, events) => apply(owner, events) });
 * const result = await ingestion.ingest(owner, batch); // { accepted, duplicates, ids }
 */
export class EventIngestion {
  private chain: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly deps: {
      store: JourneyStore;
      services: Pick<Services, 'events' | 'db'>;
      onFresh(owner: JourneyOwner, events: BehaviorEvent[]): Promise<void>;
    },
  ) {}

  ingest(owner: JourneyOwner, batch: EventBatch): Promise<Outcome<IngestResult>> {
    const run = this.chain.then(() => this.ingestNow(owner, batch));
    this.chain = run.catch(() => undefined);
    return run;
  }

  private async ingestNow(owner: JourneyOwner, batch: EventBatch): Promise<Outcome<IngestResult>> {
    const { store, services } = this.deps;
    const claimed = claim(store, owner);
    if (!claimed.ok) return claimed;
    // Read per batch, not cached here: a denial recorded by the tenant's server takes effect at once.
    const consent = await consentOf(services.db, owner.tenantId, owner.userId);
    if (consent?.state === 'denied') return ok({ accepted: 0, duplicates: 0, ids: [], consentDenied: true });
    const ids = batch.events.map((e) => e.id);
    const seen = store.seenEventIds(ids);
    // A deleted user's events from before the deletion count as seen: acknowledged, never queued again.
    const forgottenAt = store.get('forgottenAt') ?? -1;
    const fresh: BehaviorEvent[] = [];
    for (const event of batch.events) {
      if (seen.has(event.id) || event.timestamp <= forgottenAt) continue;
      seen.add(event.id);
      fresh.push(event);
    }
    if (fresh.length > 0) {
      store.set('lastActivityAt', Date.now());
      for (const messages of packForQueue(owner.tenantId, owner.userId, fresh, Date.now())) {
        await services.events.sendBatch(messages.map((body) => ({ body, contentType: 'json' as const })));
      }
      const now = Date.now();
      store.rememberEventIds(
        fresh.map((e) => e.id),
        now,
        now - SEEN_EVENTS_TTL_MS,
      );
      await this.deps.onFresh(owner, fresh);
    }
    return ok({ accepted: fresh.length, duplicates: batch.events.length - fresh.length, ids });
  }
}
