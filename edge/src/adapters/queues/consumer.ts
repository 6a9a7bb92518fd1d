import { overtakenBy, tombstoneOf } from '../../privacy/tombstones';
import { deleteUserRows } from '../../privacy/user-data';
import type { Services } from '../../services';
import type { Database } from '../d1/client';
import { addEngagement, recordDeadLetter } from '../d1/queries/engagement';
import { EventQueueMessage } from './queue-message';

/** What the consumer does with one valid message; a parameter so tests can inject a failing store. */
type EngagementWriter = (db: Database, message: EventQueueMessage) => Promise<unknown>;

const writeEngagement: EngagementWriter = (db, m) => addEngagement(db, m.tenantId, m.userId, m.events);

/**
 * Writes a message unless a deletion of its user overtook it, and deletion wins a race: when the user was
 * deleted while this write ran (the tombstone appeared after the first look), the user's rows are
 * deleted again, so what the write re-created is gone too (issue 12, hole 4).
 */
async function writeUnlessDeleted(db: Database, m: EventQueueMessage, write: EngagementWriter) {
  if (overtakenBy(await tombstoneOf(db, m.tenantId, m.userId), m.at)) return;
  await write(db, m);
  if (overtakenBy(await tombstoneOf(db, m.tenantId, m.userId), m.at))
    await deleteUserRows(db, m.tenantId, m.userId);
}

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
      await writeUnlessDeleted(db, parsed.data, write);
      message.ack();
    } catch (err) {
      console.warn(`engagement write failed (attempt ${message.attempts}), retrying`, err);
      message.retry({ delaySeconds: retryDelaySeconds(message.attempts) });
    }
  }
}

/** The tenant and user a dead-lettered body names, when it names them as an event message does. */
function ownerOf(body: unknown): { tenantId: string; userId: string; at?: number } | null {
  if (!body || typeof body !== 'object') return null;
  const { tenantId, userId, at } = body as Record<string, unknown>;
  if (typeof tenantId !== 'string' || typeof userId !== 'string') return null;
  return { tenantId, userId, ...(typeof at === 'number' ? { at } : {}) };
}

/** How a dead letter is kept; a parameter so tests can play a D1 outage. */
type DeadLetterWriter = typeof recordDeadLetter;

/**
 * The dead-letter queue's consumer: keeps each message in D1 (`dead_letters`) for a person to look at,
 * under the user it names, so the user's export and deletion include it. A message for a user deleted
 * since it was enqueued is dropped: deletion wins here too. When D1 fails, the message (not the batch)
 * is retried with the same backoff as events, so an outage of minutes loses nothing (wrangler.jsonc
 * gives it 10 attempts, about half an hour).
 */
export async function consumeDeadLetters(
  batch: MessageBatch<unknown>,
  { db }: Pick<Services, 'db'>,
  keep: DeadLetterWriter = recordDeadLetter,
) {
  for (const message of batch.messages) {
    const body = message.body as { reason?: unknown; body?: unknown } | null;
    const forwarded = body && typeof body === 'object' && typeof body.reason === 'string';
    const kept = forwarded ? body.body : message.body;
    const owner = ownerOf(kept);
    try {
      if (owner && overtakenBy(await tombstoneOf(db, owner.tenantId, owner.userId), owner.at)) {
        message.ack();
        continue;
      }
      await keep(
        db,
        batch.queue,
        forwarded ? (body.reason as string) : `gave up after ${message.attempts} attempts`,
        kept,
        owner,
      );
      message.ack();
    } catch (err) {
      console.warn(`dead letter not kept (attempt ${message.attempts}), retrying`, err);
      message.retry({ delaySeconds: retryDelaySeconds(message.attempts) });
    }
  }
}
