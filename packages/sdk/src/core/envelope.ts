import type { BehaviorEvent } from '@smart-onboarding/protocol';
import { uuid } from '../transport/ids';

/** A `BehaviorEvent` before the envelope (id, session, time) is put on. */
export type EventBody = BehaviorEvent extends infer E
  ? E extends BehaviorEvent
    ? Omit<E, 'id' | 'sessionId' | 'timestamp'>
    : never
  : never;

/** What the envelope is made of at the moment an event is sent. */
export interface EnvelopeContext {
  sessionId: string;
  /** The step the user is on, for events that do not name one. */
  stepId: string | undefined;
  /** `location.pathname + location.hash` (never the query: it may carry tokens). */
  path: string;
}

/**
 * Puts the envelope on an event: a client-generated id (the edge deduplicates by it), the session, the
 * time, the page (cut to the wire's 1024 characters) and the current step unless the event names its own.
 *
 * @example
 * envelope({ eventType: 'page', action: 'view' }, { sessionId, stepId, path: '/settings' });
 */
export function envelope(body: EventBody, c: EnvelopeContext): BehaviorEvent {
  const e = {
    id: uuid(),
    sessionId: c.sessionId,
    timestamp: Date.now(),
    context: { path: c.path.slice(0, 1024) },
    ...body,
  } as BehaviorEvent;
  if (!e.stepId && c.stepId) e.stepId = c.stepId;
  return e;
}
