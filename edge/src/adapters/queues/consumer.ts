import type { Services } from '../../services';
import type { Database } from '../d1/client';
import { addEngagement, recordDeadLetter } from '../d1/queries/engagement';
import { EventQueueMessage } from './queue-message';

/** What the consumer does with one valid message; a parameter so tests can inject a failing store. */
type EngagementWriter = (db: Database, message: EventQueueMessage) => Promise<unknown>;

const writeEngagement: EngagementWriter = (db, m) => addEngagement(db, m.tenantId, m.userId, m.events);

/** Seconds before a failed message is tried again: 2, 4, 8, ... capped at 5 minutes. */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(300, 2 ** Math.max(1, attempts));
}

/**
 * The event queue's consumer. Each message is handled on its own: written and acknowledged, retried with
 * backoff when D1 fails (after `max_retries` Cloudflare moves it to the dead-letter queue), or, when it
 * can never succeed (it does not parse), sent to the dead-letter queue at once rather than retried.
 */
export async function consumeEvents(
  batch: MessageBatch<unknown>,
  { db, deadLetters }: Pick<Services, 'db' | 'deadLetters'>,
  write: EngagementWriter = writeEngagement,
) {
  for (const message of batch.messages) {
    const parsed = EventQueueMessage.safeParse(message.body);
    if (!parsed.success) {
      try {
        await deadLetters.send({
          queue: batch.queue,
          reason: `invalid message: ${parsed.error.issues[0]?.message ?? 'unknown'}`,
          body: message.body,
        });
        message.ack();
      } catch (err) {
        console.error('could not dead-letter a poison message', err);
        message.retry({ delaySeconds: retryDelaySeconds(message.attempts) });
      }
      continue;
    }
    try {
      await write(db, parsed.data);
      message.ack();
    } catch (err) {
      console.warn(`engagement write failed (attempt ${message.attempts}), retrying`, err);
      message.retry({ delaySeconds: retryDelaySeconds(message.attempts) });
    }
  }
}

/** The dead-letter queue's consumer: keeps each message in D1 (`dead_letters`) for a person to look at. */
export async function consumeDeadLetters(batch: MessageBatch<unknown>, { db }: Pick<Services, 'db'>) {
  for (const message of batch.messages) {
    const body = message.body as { reason?: unknown; body?: unknown } | null;
    const forwarded = body && typeof body === 'object' && typeof body.reason === 'string';
    await recordDeadLetter(
      db,
      batch.queue,
      forwarded ? (body.reason as string) : `gave up after ${message.attempts} attempts`,
      forwarded ? body.body : message.body,
    );
    message.ack();
  }
}
