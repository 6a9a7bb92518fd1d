import type { ContextualHelpRequest, ServerMessage } from '@smart-onboarding/protocol';
import { parseSse } from './sse';

/** Where to ask the edge for help for this user (`provideContextualHelp`), with the user's credentials. */
export interface HelpEndpoint {
  url: string;
  headers: Record<string, string>;
}

/**
 * Asks the edge for contextual help and hands each `help_chunk` and the final `help` to `onMessage` as
 * they stream in (server-sent events). Resolves true when a final `help` arrived, false otherwise (the
 * edge unreachable, an error answer, the stream cut): the caller then shows what it has.
 */
export async function requestHelp(
  endpoint: HelpEndpoint,
  request: ContextualHelpRequest,
  onMessage: (m: Extract<ServerMessage, { type: 'help' | 'help_chunk' }>) => void,
  signal?: AbortSignal,
): Promise<boolean> {
  try {
    const res = await fetch(endpoint.url, {
      method: 'POST',
      credentials: 'omit',
      headers: { ...endpoint.headers, 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify(request),
      ...(signal ? { signal } : {}),
    });
    if (!res.ok || !res.body) return false;
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    let complete = false;
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      const parsed = parseSse(buffer + value);
      buffer = parsed.rest;
      for (const data of parsed.data) {
        const m = JSON.parse(data) as ServerMessage;
        if (m.type === 'help' || m.type === 'help_chunk') onMessage(m);
        if (m.type === 'help') complete = true;
      }
    }
    return complete;
  } catch {
    return false;
  }
}
