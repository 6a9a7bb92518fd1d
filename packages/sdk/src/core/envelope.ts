import type { BehaviorEvent } from '@smart-onboarding/protocol';
import { uuid } from '../transport/ids';

/** A `BehaviorEvent` before the envelope (id, session, time) is put on. */
export type EventBody = BehaviorEvent extends infer E
  ? E extends BehaviorEvent
    ? Omit<E, 'id' | 'sessionId' | 'timestamp'>
    : never
  : never;

/**
 * The page as the edge is told it, on events and when a journey starts (targeting judges it): path and
 * hash, never the query (it may carry tokens), cut to the wire's 1024 characters.
 */
export const pagePath = () => (location.pathname + location.hash).slice(0, 1024);

/**
 * Puts the envelope on an event: a client-generated id (the edge deduplicates by it), the session, the
 * time, the page (`pagePath`) and the step the user is on, unless the event names its own.
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
    context: { path },
    ...body,
  } as BehaviorEvent;
  if (!e.stepId && stepId) e.stepId = stepId;
  return e;
}
