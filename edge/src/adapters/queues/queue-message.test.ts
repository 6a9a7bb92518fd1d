import { BehaviorEvent } from '@smart-onboarding/protocol';
import { describe, expect, it } from 'vitest';
import {
  EventQueueMessage,
  packForQueue,
  QUEUE_MESSAGE_MAX_BYTES,
  QUEUE_SEND_BATCH_MAX_BYTES,
} from './queue-message';

const bytes = (v: unknown) => new TextEncoder().encode(JSON.stringify(v)).length;
const events = (count: number, padding: number) =>
  Array.from({ length: count }, (_, i) =>
    BehaviorEvent.parse({
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      sessionId: 's',
      timestamp: 1,
      eventType: 'track',
      name: 'x',
      properties: { pad: 'p'.repeat(padding) },
    }),
  );

describe('packForQueue', () => {
  it.each([
    ['one small event', 1, 10, 1, 1],
    ['500 small events', 500, 10, 1, 1],
    ['500 events of half a KB', 500, 500, 3, 2],
  ])('%s: %i messages in %i sends', (_name, count, padding, messagesExpected, sendsExpected) => {
    const sends = packForQueue('t', 'u', events(count, padding), 1);
    const messages = sends.flat();
    expect(messages).toHaveLength(messagesExpected);
    expect(sends).toHaveLength(sendsExpected);
    expect(messages.flatMap((m) => m.events)).toHaveLength(count);
    for (const m of messages) {
      expect(bytes(m)).toBeLessThanOrEqual(QUEUE_MESSAGE_MAX_BYTES);
      expect(EventQueueMessage.safeParse(m).success).toBe(true);
    }
    for (const s of sends) expect(bytes(s)).toBeLessThanOrEqual(QUEUE_SEND_BATCH_MAX_BYTES + 100);
  });
});
