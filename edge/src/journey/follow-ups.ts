import { escalateToHuman } from '../escalation/escalate-to-human';
import type { Services } from '../services';
import type { AlarmScheduler } from './alarm-scheduler';
import type { JourneyOwner } from './owner';
import type { SocketHub } from './socket-hub';
import type { JourneyStore } from './store/journey-store';
import type { StruggleFollowUp } from './struggle-follow-up';

/**
 * The work a plan needs after it reached the user: AI help generated (or authored) and streamed to the
 * user's tabs as `help_chunk` and `help` messages, or a person asked through the help-desk webhook, the
 * ticket kept for the alarm to retry while delivery is pending. Failures are logged: the plan was shown.
 */
export async function runFollowUp(
  deps: {
    store: JourneyStore;
    alarms: AlarmScheduler;
    sockets: SocketHub;
    services: Pick<Services, 'help' | 'escalation'>;
  },
  owner: JourneyOwner,
  followUp: StruggleFollowUp,
): Promise<void> {
  const { store, alarms, sockets, services } = deps;
  try {
    if (followUp.kind === 'ai_help') {
      for await (const message of services.help.messages(followUp.request)) sockets.broadcast(message);
      return;
    }
    const result = await escalateToHuman(services.escalation, followUp.input, followUp.context);
    if (result.retryAt !== undefined && result.ticket.status === 'pending') {
      store.set('escalations', [
        ...store.get('escalations'),
        { ticket: result.ticket, context: followUp.context, retryAt: result.retryAt },
      ]);
      await alarms.armAt(result.retryAt);
    }
  } catch (err) {
    console.error(`${followUp.kind} follow-up failed for ${owner.userId}`, err);
  }
}
