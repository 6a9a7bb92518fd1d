import type { BehaviorEvent } from '@smart-onboarding/protocol';
import { uuid } from '../transport/ids';

/** A `BehaviorEvent` before the envelope (id, session, time) is put on. */
export type EventBody = BehaviorEvent extends infer E
  ? E extends BehaviorEvent
    ? Omit<E, 'id' | 'sessionId' | 'timestamp'>
    : never
  : never;

/**
 * Puts the envelope on an event: a client-generated id (the edge deduplicates by it), the session, the
 * time, the page (`location.pathname + location.hash`, never the query: it may carry tokens; cut to the
 * wire's 1024 characters) and the step the user is on, unless the event names its own.
 *
 * @example
 * envelope({ eventType: 'page', action: 'view' }, sessionId, stepId, '/settings');
 */
export function envelope(
  body: EventBody,
  sessionId: string,
  stepId: string | undefined,
  path: string,
): BehaviorEvent {
  const e = {
    id: uuid(),
    sessionId,
    timestamp: Date.now(),
    context: { path: path.slice(0, 1024) },
    ...body,
  } as BehaviorEvent;
  if (!e.stepId && stepId) e.stepId = stepId;
  return e;
}
