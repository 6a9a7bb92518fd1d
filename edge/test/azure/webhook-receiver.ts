import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { text } from 'node:stream/consumers';

/**
 * A help desk's webhook endpoint, as a local HTTP server: it checks the
 * `x-smart-onboarding-signature: sha256=<hex>` header (HMAC-SHA256 over `<timestamp>.<nonce>.<body>` with
 * the shared secret, from `x-smart-onboarding-timestamp` and `x-smart-onboarding-nonce`) with Node's own crypto, so the edge's
 * signing is verified by an independent implementation, and it can fail the first attempts.
 *
 * `POST /__control/hooks/{name}` with `{ secret, failFirst?, failStatus?, retryAfterSeconds?, delayMs? }` arms a hook;
 * `GET /__control/hooks/{name}` returns every attempt with its verification result.
 */

interface HookAttempt {
  at: number;
  status: number;
  signatureValid: boolean;
  timestamp: string | null;
  body: unknown;
}

interface HookState {
  secret: string;
  failFirst: number;
  failStatus: number;
  retryAfterSeconds?: number;
  /** Answers this late (to test the sender's timeout). */
  delayMs?: number;
  attempts: HookAttempt[];
}

export interface WebhookReceiver {
  /** Base URL; hooks live at `${url}/hooks/{name}`. */
  url: string;
  close(): Promise<void>;
}

function verify(
  secret: string,
  timestamp: string | null,
  nonce: string | null,
  body: string,
  header: string | null,
): boolean {
  if (!timestamp || !nonce || !header?.startsWith('sha256=')) return false;
  const expected = createHmac('sha256', secret).update(`${timestamp}.${nonce}.${body}`).digest();
  const given = Buffer.from(header.slice('sha256='.length), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Starts the receiver on a free port of 127.0.0.1. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const hooks = new Map<string, HookState>();
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const control = url.pathname.match(/^\/__control\/hooks\/([^/]+)$/);
    const body = await text(req);
    if (control) {
      const name = decodeURIComponent(control[1]!);
      if (req.method === 'POST') {
        const config = JSON.parse(body) as Partial<HookState> & { secret: string };
        hooks.set(name, {
          secret: config.secret,
          failFirst: config.failFirst ?? 0,
          failStatus: config.failStatus ?? 503,
          ...(config.retryAfterSeconds !== undefined ? { retryAfterSeconds: config.retryAfterSeconds } : {}),
          ...(config.delayMs !== undefined ? { delayMs: config.delayMs } : {}),
          attempts: [],
        });
        res.writeHead(204).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ attempts: hooks.get(name)?.attempts ?? [] }));
      return;
    }
    const hook = url.pathname.match(/^\/hooks\/([^/]+)$/);
    const state = hook ? hooks.get(decodeURIComponent(hook[1]!)) : undefined;
    if (!state || req.method !== 'POST') {
      res.writeHead(404).end();
      return;
    }
    const timestamp = req.headers['x-smart-onboarding-timestamp'];
    const signature = req.headers['x-smart-onboarding-signature'];
    const nonce = req.headers['x-smart-onboarding-nonce'];
    const ts = typeof timestamp === 'string' ? timestamp : null;
    const signatureValid = verify(
      state.secret,
      ts,
      typeof nonce === 'string' ? nonce : null,
      body,
      typeof signature === 'string' ? signature : null,
    );
    let parsed: unknown = null;
    try {
      parsed = JSON.parse(body);
    } catch {
      // recorded as null: the test then fails on the body, which is the point
    }
    let status = 200;
    if (!signatureValid) status = 401;
    else if (state.attempts.filter((a) => a.signatureValid).length < state.failFirst)
      status = state.failStatus;
    state.attempts.push({ at: Date.now(), status, signatureValid, timestamp: ts, body: parsed });
    if (state.delayMs) await new Promise((r) => setTimeout(r, state.delayMs));
    if (res.destroyed) return;
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (status === 429 && state.retryAfterSeconds !== undefined)
      headers['retry-after'] = String(state.retryAfterSeconds);
    res.writeHead(status, headers);
    res.end(JSON.stringify(status === 200 ? { ok: true } : { ok: false }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
