import type { InterventionPlan } from '@smart-onboarding/protocol';
import type { Page, Request, WebSocket } from 'playwright-core';

interface SentEvent {
  id: string;
  eventType: string;
  name?: string;
}

/**
 * Watches what a page's SDK sends to the edge, over the WebSocket (`events` frames, answered by `ack`)
 * or batched HTTP (`POST /v1/events`, answered by 202), so a test can wait until the edge has accepted
 * a given `track` event.
 */
export function watchEdgeTraffic(page: Page, edgeUrl: string) {
  const sent: SentEvent[] = [];
  const accepted = new Set<string>();
  const interventions: InterventionPlan[] = [];
  let socketOpened = false;

  const record = (body: string | undefined) => {
    try {
      const parsed = JSON.parse(body ?? '');
      const batch = parsed.type === 'events' ? parsed.batch : parsed;
      if (Array.isArray(batch?.events)) sent.push(...batch.events);
      return batch?.events as SentEvent[] | undefined;
    } catch {
      return undefined;
    }
  };

  page.on('websocket', (ws: WebSocket) => {
    if (!ws.url().includes('/v1/socket')) return;
    socketOpened = true;
    ws.on('framesent', ({ payload }) => record(String(payload)));
    ws.on('framereceived', ({ payload }) => {
      try {
        const message = JSON.parse(String(payload));
        if (message.type === 'ack') for (const id of message.ids) accepted.add(id);
        if (message.type === 'intervention') interventions.push(message.plan);
      } catch {
        // not JSON: not ours to judge here
      }
    });
  });
  page.on('requestfinished', async (request: Request) => {
    if (!request.url().startsWith(`${edgeUrl}/v1/events`) || request.method() !== 'POST') return;
    const events = record(request.postData() ?? undefined);
    // The page may close between the request finishing and this read (the test ended): that answer is
    // no longer anyone's to wait for, so it is dropped instead of surfacing as an unhandled rejection.
    const response = await request.response().catch(() => null);
    if (response?.status() === 202) for (const e of events ?? []) accepted.add(e.id);
  });

  return {
    socketOpened: () => socketOpened,
    /** The intervention plans the edge pushed down the socket, in order. */
    interventions,
    /** Resolves with the event once a `track` event called `name` has been accepted by the edge. */
    async waitForAccepted(name: string, timeoutMs = 15_000): Promise<SentEvent> {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const hit = sent.find((e) => e.eventType === 'track' && e.name === name && accepted.has(e.id));
        if (hit) return hit;
        await new Promise((r) => setTimeout(r, 100));
      }
      const names = sent.map((e) => `${e.eventType}:${e.name ?? ''}:${accepted.has(e.id) ? 'ok' : '…'}`);
      throw new Error(`the edge did not accept "${name}" within ${timeoutMs} ms; sent: ${names.join(', ')}`);
    },
  };
}
