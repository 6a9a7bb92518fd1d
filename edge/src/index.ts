// First, before any protocol schema exists: zod 4 copies methods onto each schema as it is made, so
// `.openapi()` (which the OpenAPI document needs on every protocol schema) must be added to zod before.
import '@hono/zod-openapi';
import { pruneProcessedEvents } from './adapters/d1/queries/engagement';
import { consumeDeadLetters, consumeEvents } from './adapters/queues/consumer';
import { createApp } from './app';
import type { Env } from './env';
import { SEEN_EVENTS_TTL_MS } from './journey/ingestion';
import { enforceRetention } from './privacy/retention';
import { servicesFor } from './services';

export { JourneyObject } from './journey/journey-object';
export { FlowLearnerObject } from './learning/flow-learner-object';

const app = createApp();

export default {
  fetch: app.fetch,
  /** The event queue and its dead-letter queue (named `*-dlq`) are consumed here. */
  async queue(batch, env) {
    if (batch.queue.endsWith('-dlq')) await consumeDeadLetters(batch, servicesFor(env));
    else await consumeEvents(batch, servicesFor(env));
  },
  /**
   * Daily upkeep (wrangler.jsonc `triggers`): forgets counted event ids a day after journey objects stop
   * recognising them as duplicates, since no retry can come later than that, and every row older than its
   * tenant's retention for its data class (`privacy/retention.ts`; training events 90 days by default).
   */
  async scheduled(controller, env) {
    const { db } = servicesFor(env);
    await pruneProcessedEvents(db, controller.scheduledTime - SEEN_EVENTS_TTL_MS - 86_400_000);
    await enforceRetention(db, controller.scheduledTime);
  },
} satisfies ExportedHandler<Env>;
