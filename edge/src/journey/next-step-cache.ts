import { cacheKeys } from '../adapters/upstash/hot-cache';
import type { Services } from '../services';
import { nextStepOf } from './journey-view';
import type { JourneyOwner } from './owner';
import type { JourneyStore } from './store/journey-store';

const NEXT_STEP_CACHE_TTL_S = 300;

/**
 * The next step in the hot cache (Upstash, when configured), written through by the object so a read after
 * a write sees it. Writes run in order, each writing the state current when it runs: the last write wins
 * with the newest.
 */
export class NextStepCache {
  private chain: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly deps: {
      store: JourneyStore;
      services: Pick<Services, 'cache'>;
      waitUntil(work: Promise<unknown>): void;
    },
  ) {}

  refresh(owner: JourneyOwner): Promise<unknown> {
    const { store, services } = this.deps;
    if (!services.cache.enabled) return Promise.resolve();
    this.chain = this.chain.then(async () => {
      const state = store.get('journey');
      const flow = store.get('flow');
      const key = cacheKeys.nextStep(owner.tenantId, owner.userId);
      if (!state || !flow) await services.cache.delete(key);
      else await services.cache.set(key, nextStepOf(state, flow), NEXT_STEP_CACHE_TTL_S);
    });
    this.deps.waitUntil(this.chain);
    return this.chain;
  }

  /** Waits until every cache write so far has landed. */
  async settled(): Promise<void> {
    await this.chain;
  }

  async forget(owner: JourneyOwner): Promise<void> {
    const { cache } = this.deps.services;
    if (cache.enabled) await cache.delete(cacheKeys.nextStep(owner.tenantId, owner.userId));
  }
}
