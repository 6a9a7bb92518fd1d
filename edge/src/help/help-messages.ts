import type { ServerMessage } from '@smart-onboarding/protocol';
import type { HelpEvent } from './contextual-help';

/**
 * Help events as the WebSocket's `ServerMessage`s: each delta a `help_chunk`, then one `help_chunk` with
 * `done: true` and the final `help` (with its `source` and any `degradedReason`), so a widget can render
 * as text arrives and replace it with the final content.
 *
 * @example
 * for await (const m of helpMessages(provideContextualHelp(deps, req))) ws.send(JSON.stringify(m));
 */
export async function* helpMessages(events: AsyncIterable<HelpEvent>): AsyncGenerator<ServerMessage> {
  for await (const e of events) {
    if (e.type === 'delta') yield { type: 'help_chunk', helpId: e.helpId, delta: e.text, done: false };
    if (e.type === 'end') {
      yield { type: 'help_chunk', helpId: e.help.id, delta: '', done: true };
      yield { type: 'help', help: e.help };
    }
  }
}
