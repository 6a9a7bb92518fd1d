import { createApp } from './app';
import type { Env } from './env';
import { consumeDeadLetters, consumeEvents } from './events/consumer';

export { JourneyObject } from './journey/journey-object';

const app = createApp();

export default {
  fetch: app.fetch,
  /** The event queue and its dead-letter queue (named `*-dlq`) are consumed here. */
  async queue(batch, env) {
    if (batch.queue.endsWith('-dlq')) await consumeDeadLetters(batch, env);
    else await consumeEvents(batch, env);
  },
} satisfies ExportedHandler<Env>;
