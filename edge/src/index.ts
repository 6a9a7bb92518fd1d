import { createApp } from './app';
import { database } from './db/client';
import { pruneProcessedEvents, pruneTrainingEvents, TRAINING_EVENTS_TTL_MS } from './db/queries/engagement';
import type { Env } from './env';
import { consumeDeadLetters, consumeEvents } from './events/consumer';
import { SEEN_EVENTS_TTL_MS } from './journey/journey-object';

export { JourneyObject } from './journey/journey-object';
export { FlowLearnerObject } from './learning/flow-learner-object';

const app = createApp();

export default {
  fetch: app.fetch,
  /** The event queue and its dead-letter queue (named `*-dlq`) are consumed here. */
  async queue(batch, env) {
    if (batch.queue.endsWith('-dlq')) await consumeDeadLetters(batch, env);
    else await consumeEvents(batch, env);
  },
  /**
   * Daily upkeep (wrangler.jsonc `triggers`): forgets counted event ids a day after journey objects stop
   * recognising them as duplicates, since no retry can come later than that, and training events older
   * than 90 days.
   */
  async scheduled(controller, env) {
    const db = database(env.DB);
    await pruneProcessedEvents(db, controller.scheduledTime - SEEN_EVENTS_TTL_MS - 86_400_000);
    await pruneTrainingEvents(db, controller.scheduledTime - TRAINING_EVENTS_TTL_MS);
  },
} satisfies ExportedHandler<Env>;
