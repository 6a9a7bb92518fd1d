import type { ClientMessage } from '@smart-onboarding/protocol';
import type { JourneyModules } from './journey-modules';
import { nextStepOf } from './journey-view';
import type { JourneyOwner } from './owner';

/**
 * Answers one client message on its socket, the protocol's `ClientMessage` → `ServerMessage` exchange:
 * `hello` gets the journey and its current step, `ping` a `pong`, `events` an `ack` once the batch is
 * queued, `struggle` the intervention plan (and its follow-up after the answer).
 */
export async function answerClientMessage(
  m: Pick<JourneyModules, 'store' | 'sockets' | 'ingestion' | 'decideStruggle' | 'followUp'>,
  ws: WebSocket,
  owner: JourneyOwner,
  message: ClientMessage,
  waitUntil: (work: Promise<unknown>) => void,
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
      try {
        const result = await m.ingestion.ingest(owner, message.batch);
        if (!result.ok) return sockets.sendError(ws, result.error.code, result.error.message);
        return sockets.send(ws, { type: 'ack', ids: result.value.ids, duplicates: result.value.duplicates });
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
