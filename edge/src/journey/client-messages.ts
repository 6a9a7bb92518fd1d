import type { ClientMessage, RejectedEvent } from '@smart-onboarding/protocol';
import { consentRefusals } from '../events/accept-events';
import type { JourneyModules } from './journey-modules';
import { nextStepOf } from './journey-view';
import type { JourneyOwner } from './owner';

/**
 * Answers one client message on its socket, the protocol's `ClientMessage` → `ServerMessage` exchange:
 * `hello` gets the journey and its current step, `ping` a `pong`, `events` an `ack` once the batch is
 * queued (naming the events refused one by one), `struggle` the intervention plan (and its follow-up after the answer).
 */
export async function answerClientMessage(
  m: Pick<JourneyModules, 'store' | 'sockets' | 'ingestion' | 'decideStruggle' | 'followUp'>,
  ws: WebSocket,
  owner: JourneyOwner,
  message: ClientMessage,
  waitUntil: (work: Promise<unknown>) => void,
  /** Events of an `events` message refused one by one when the frame was read: named in the ack. */
  rejected: readonly RejectedEvent[] = [],
  /** The place in the frame's batch of each event the batch kept. */
  indexes: readonly number[] = [],
): Promise<void> {
  const { sockets } = m;
  switch (message.type) {
    case 'hello': {
      const state = m.store.get('journey');
      const flow = m.store.get('flow');
      const step = state && flow ? nextStepOf(state, flow).step : null;
      return sockets.send(ws, { type: 'welcome', journeyId: state?.id ?? '', currentStep: step });
    }
    case 'ping':
      return sockets.send(ws, { type: 'pong', t: message.t });
    case 'events': {
      const named = rejected.length ? { rejected: [...rejected] } : {};
      if (message.batch.events.length === 0)
        return sockets.send(ws, { type: 'ack', ids: [], duplicates: 0, ...named });
      try {
        const result = await m.ingestion.ingest(owner, message.batch);
        if (!result.ok) return sockets.sendError(ws, result.error.code, result.error.message);
        const { ids, duplicates, consentDenied } = result.value;
        if (consentDenied) {
          const refused = [...rejected, ...consentRefusals(message.batch, indexes)];
          return sockets.send(ws, { type: 'ack', ids: [], duplicates: 0, rejected: refused });
        }
        return sockets.send(ws, { type: 'ack', ids, duplicates, ...named });
      } catch (err) {
        console.error('event ingestion over the socket failed', err);
        return sockets.sendError(ws, 'unavailable', 'events could not be queued; send them again');
      }
    }
    case 'struggle': {
      const result = await m.decideStruggle(owner, message.report);
      if (!result.ok) return sockets.sendError(ws, result.error.code, result.error.message);
      const { plan, followUp } = result.value;
      sockets.send(ws, { type: 'intervention', plan, reportedAt: message.report.t });
      if (followUp) waitUntil(m.followUp(owner, followUp));
      return;
    }
  }
}
