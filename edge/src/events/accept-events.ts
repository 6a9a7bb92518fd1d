import {
  BehaviorEvent,
  type EventBatch,
  EventBatchEnvelope,
  type RejectedEvent,
} from '@smart-onboarding/protocol';

type Issue = { path: string; message: string };

const issuesOf = (error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }) =>
  error.issues.slice(0, 20).map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));

const readableId = (item: unknown) => {
  const id = item && typeof item === 'object' ? (item as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id.length > 0 && id.length <= 128 ? id : undefined;
};

/**
 * Reads a batch event by event: the envelope must hold, then each event is checked on its own, so the valid
 * ones are kept and each invalid one is named by its index and id. Used by `POST /v1/events` and the socket,
 * so both refuse the same things the same way. Pure.
 *
 * @example
 * const read = acceptEvents(JSON.parse(body));
 * if (read.ok) ingest(read.batch); // read.rejected: [{ index: 3, id: '…', code: 'validation_failed', message }]
 */
export function acceptEvents(
  body: unknown,
):
  | { ok: true; batch: EventBatch; rejected: RejectedEvent[]; indexes: number[] }
  | { ok: false; issues: Issue[] } {
  const envelope = EventBatchEnvelope.safeParse(body);
  if (!envelope.success) return { ok: false, issues: issuesOf(envelope.error) };
  const events: BehaviorEvent[] = [];
  const rejected: RejectedEvent[] = [];
  const indexes: number[] = [];
  envelope.data.events.forEach((item, index) => {
    const parsed = BehaviorEvent.safeParse(item);
    if (parsed.success) {
      events.push(parsed.data);
      indexes.push(index);
      return;
    }
    const id = readableId(item);
    const first = issuesOf(parsed.error)[0];
    rejected.push({
      index,
      ...(id ? { id } : {}),
      code: 'validation_failed',
      message: first ? `${first.path || 'event'}: ${first.message}` : 'not a BehaviorEvent',
    });
  });
  return { ok: true, batch: { sentAt: envelope.data.sentAt, events }, rejected, indexes };
}

/**
 * Every valid event of a batch refused because its user denied consent, each by its place in the batch
 * (`indexes` from `acceptEvents`) and id, with the stable code `consent_denied`: the client drops them.
 */
export function consentRefusals(batch: EventBatch, indexes: readonly number[]): RejectedEvent[] {
  return batch.events.map((e, i) => ({
    index: indexes[i] ?? i,
    id: e.id,
    code: 'consent_denied',
    message: 'the user denied consent; events are not accepted',
  }));
}
