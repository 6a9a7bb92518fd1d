import { type ServerMessage, ServerMessage as ServerMessageSchema } from '@smart-onboarding/protocol';
import { describe, expect, it } from 'vitest';
import { api, browserHeaders, DEMO, json, uniqueUser } from './helpers';

/** The `data:` lines of a server-sent event stream, as protocol messages, with their event names. */
function parseSse(text: string): Array<{ event: string; message: ServerMessage }> {
  return text
    .split('\n\n')
    .filter((block) => block.trim())
    .map((block) => {
      const lines = block.split('\n');
      const event =
        lines
          .find((l) => l.startsWith('event:'))
          ?.slice(6)
          .trim() ?? 'message';
      const data = lines
        .filter((l) => l.startsWith('data:'))
        .map((l) => l.slice(5).trim())
        .join('\n');
      return { event, message: ServerMessageSchema.parse(JSON.parse(data)) };
    });
}

async function journeyFor(user: string) {
  const res = await api(`/v1/journeys/${user}`, {
    method: 'POST',
    headers: await browserHeaders(user),
    body: JSON.stringify({ flowId: DEMO.flowId }),
  });
  expect(res.status).toBe(201);
}

describe('POST /v1/journeys/{userId}/help (provideContextualHelp)', () => {
  it('streams help for the current step as server-sent events, authored when Azure OpenAI fails, saying why', async () => {
    const user = uniqueUser('help');
    await journeyFor(user);
    const res = await api(`/v1/journeys/${user}/help`, {
      method: 'POST',
      headers: await browserHeaders(user),
      body: JSON.stringify({ element: '#signup-form button', question: 'where do I save?' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events = parseSse(await res.text());
    expect(events.at(-1)?.event).toBe('help');
    const last = events.at(-1)!.message;
    expect(last.type === 'help' && last.help).toMatchObject({
      source: 'authored',
      stepId: 'create-profile',
      degradedReason: expect.any(String),
    });
    expect(events.some((e) => e.message.type === 'help_chunk' && e.message.done)).toBe(true);
    for (const e of events) expect(e.event).toBe(e.message.type);
  });

  it.each([
    ['a step the flow does not have', { stepId: 'no-such-step' }, true, 404, 'not_found'],
    ['a user without a journey', {}, false, 404, 'not_found'],
    ['a body that is not a help request', { question: 42 }, true, 400, 'validation_failed'],
  ])('answers %s with a JSON error before any stream', async (_name, body, withJourney, status, code) => {
    const user = uniqueUser('helpbad');
    if (withJourney) await journeyFor(user);
    const res = await api(`/v1/journeys/${user}/help`, {
      method: 'POST',
      headers: await browserHeaders(user),
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(status);
    expect(await json(res)).toMatchObject({ error: { code } });
  });
});
