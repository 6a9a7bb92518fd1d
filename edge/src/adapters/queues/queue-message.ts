import { BehaviorEvent, Id } from '@smart-onboarding/protocol';
import { z } from 'zod';

/** What the journey object enqueues: accepted events of one user, already deduplicated. */
export const EventQueueMessage = z.object({
  v: z.literal(1),
  tenantId: Id,
  userId: Id,
  events: z.array(BehaviorEvent).min(1),
  /**
   * When the journey object enqueued it (its clock): the consumer drops a message a deletion overtook
   * (`user_tombstones`). Absent on messages from before this field, which count as enqueued at 0.
   */
  at: z.number().int().nonnegative().optional(),
});
export type EventQueueMessage = z.infer<typeof EventQueueMessage>;

/** Cloudflare Queues limits: 128 KB per message, 256 KB and 100 messages per `sendBatch`. */
export const QUEUE_MESSAGE_MAX_BYTES = 120_000;
export const QUEUE_SEND_BATCH_MAX_BYTES = 240_000;
const QUEUE_SEND_BATCH_MAX_MESSAGES = 100;

const size = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length;

/**
 * Splits a user's events into messages under the message limit, then groups messages into `sendBatch`
 * calls under the batch limits. Pure: the caller sends.
 */
export function packForQueue(
  tenantId: string,
  userId: string,
  events: BehaviorEvent[],
  at: number,
): EventQueueMessage[][] {
  const envelope = size({ v: 1, tenantId, userId, at, events: [] });
  const messages: EventQueueMessage[] = [];
  let current: BehaviorEvent[] = [];
  let bytes = envelope;
  for (const event of events) {
    const eventBytes = size(event) + 1;
    if (current.length > 0 && bytes + eventBytes > QUEUE_MESSAGE_MAX_BYTES) {
      messages.push({ v: 1, tenantId, userId, at, events: current });
      current = [];
      bytes = envelope;
    }
    current.push(event);
    bytes += eventBytes;
  }
  if (current.length > 0) messages.push({ v: 1, tenantId, userId, at, events: current });

  const sends: EventQueueMessage[][] = [];
  let group: EventQueueMessage[] = [];
  let groupBytes = 0;
  for (const message of messages) {
    const messageBytes = size(message);
    if (
      group.length > 0 &&
      (groupBytes + messageBytes > QUEUE_SEND_BATCH_MAX_BYTES ||
        group.length >= QUEUE_SEND_BATCH_MAX_MESSAGES)
    ) {
      sends.push(group);
      group = [];
      groupBytes = 0;
    }
    group.push(message);
    groupBytes += messageBytes;
  }
  if (group.length > 0) sends.push(group);
  return sends;
}
