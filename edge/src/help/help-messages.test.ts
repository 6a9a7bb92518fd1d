import { ServerMessage } from '@smart-onboarding/protocol';
import { describe, expect, it } from 'vitest';
import type { HelpEvent } from './contextual-help';
import { helpMessages } from './help-messages';

async function* events(): AsyncGenerator<HelpEvent> {
  yield { type: 'start', helpId: 'h1', source: 'generated', cached: false };
  yield { type: 'delta', helpId: 'h1', text: 'Pick a ' };
  yield { type: 'delta', helpId: 'h1', text: 'slot.' };
  yield { type: 'end', help: { id: 'h1', source: 'generated', text: 'Pick a slot.', sources: [] } };
}

describe('helpMessages', () => {
  it('turns help events into valid server messages, chunks then the final help', async () => {
    const out: ServerMessage[] = [];
    for await (const m of helpMessages(events())) out.push(ServerMessage.parse(m));
    expect(out.map((m) => m.type)).toEqual(['help_chunk', 'help_chunk', 'help_chunk', 'help']);
    expect(
      out
        .slice(0, 2)
        .map((m) => (m.type === 'help_chunk' ? m.delta : ''))
        .join(''),
    ).toBe('Pick a slot.');
    expect(out[2]).toMatchObject({ type: 'help_chunk', done: true });
  });
});
