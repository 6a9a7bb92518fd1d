import { createHmac } from 'node:crypto';
import type { InterventionPlan, ServerMessage, StruggleMetrics } from '@smart-onboarding/protocol';
import { median } from '@smart-onboarding/stats';
import demo from '../src/dev/demo-tenant.json' with { type: 'json' };

/**
 * The live part of `pnpm simulate`: simulated users on the real local edge (`wrangler dev`, started fresh
 * by `startDevServer`), each with a journey started over HTTP with the demo tenant's secret key and a
 * browser-like WebSocket (publishable key and identity proof), reporting struggle the way the SDK does. It
 * measures the time from sending a struggle report to receiving the intervention over the socket (the
 * 300 ms budget), and the same decision over HTTP (`handleUserStruggle`) for scale.
 */
export interface LatencyFigures {
  samples: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function percentiles(ms: readonly number[]): LatencyFigures {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? Number.NaN;
  return { samples: s.length, p50: median(s), p95: at(0.95), p99: at(0.99), max: s.at(-1) ?? Number.NaN };
}

const identityProof = (userId: string) =>
  createHmac('sha256', demo.identitySecret).update(userId).digest('hex');

async function startJourney(base: string, userId: string): Promise<void> {
  const res = await fetch(`${base}/v1/journeys/${encodeURIComponent(userId)}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${demo.secretKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ flowId: demo.flowId, profile: { technicalProficiency: 'beginner' } }),
  });
  if (res.status !== 201 && res.status !== 200)
    throw new Error(`initializeUserJourney: ${res.status} ${await res.text()}`);
  await res.arrayBuffer();
}

function report(stepId: string): StruggleMetrics {
  return {
    score: 0.9,
    source: 'model',
    reasons: [{ code: 'rage_click', weight: 1 }],
    stepId,
    element: '#signup-form button',
    recentSignals: [],
    t: Date.now(),
  };
}

/** Opens a tab's socket, as the SDK does, and resolves once it is open. */
function openSocket(base: string, userId: string): Promise<WebSocket> {
  const url = new URL('/v1/socket', base.replace(/^http/, 'ws'));
  url.searchParams.set('key', demo.publishableKey);
  url.searchParams.set('user', userId);
  url.searchParams.set('user_hash', identityProof(userId));
  url.searchParams.set('session', `sim-${userId}`);
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url.toString());
    ws.addEventListener('open', () => resolve(ws), { once: true });
    ws.addEventListener('error', () => reject(new Error(`socket for ${userId} failed to open`)), {
      once: true,
    });
  });
}

function nextIntervention(ws: WebSocket): Promise<InterventionPlan> {
  return new Promise((resolve, reject) => {
    const onMessage = (event: MessageEvent) => {
      const message = JSON.parse(String(event.data)) as ServerMessage;
      if (message.type === 'intervention') {
        ws.removeEventListener('message', onMessage);
        resolve(message.plan);
      } else if (message.type === 'error') {
        ws.removeEventListener('message', onMessage);
        reject(new Error(`${message.error.code}: ${message.error.message}`));
      }
    };
    ws.addEventListener('message', onMessage);
  });
}

/**
 * @example
 * const figures = await measureInterventionLatency(server.url, { users: 20, reportsPerUser: 10 });
 */
export async function measureInterventionLatency(
  base: string,
  options: { users: number; reportsPerUser: number },
): Promise<{ socket: LatencyFigures; http: LatencyFigures; kinds: Record<string, number> }> {
  const socketMs: number[] = [];
  const httpMs: number[] = [];
  const kinds: Record<string, number> = {};
  for (let u = 0; u < options.users; u++) {
    const userId = `sim-live-${u}`;
    await startJourney(base, userId);
    const ws = await openSocket(base, userId);
    try {
      for (let r = 0; r < options.reportsPerUser; r++) {
        const waiting = nextIntervention(ws);
        const sent = performance.now();
        ws.send(JSON.stringify({ type: 'struggle', report: report('create-profile') }));
        const plan = await waiting;
        socketMs.push(performance.now() - sent);
        const kind = plan.holdout ? `${plan.kind} (holdout)` : plan.kind;
        kinds[kind] = (kinds[kind] ?? 0) + 1;
      }
      for (let r = 0; r < options.reportsPerUser; r++) {
        const sent = performance.now();
        const res = await fetch(`${base}/v1/journeys/${encodeURIComponent(userId)}/struggle`, {
          method: 'POST',
          headers: { authorization: `Bearer ${demo.secretKey}`, 'content-type': 'application/json' },
          body: JSON.stringify(report('create-profile')),
        });
        await res.arrayBuffer();
        if (!res.ok) throw new Error(`handleUserStruggle: ${res.status}`);
        httpMs.push(performance.now() - sent);
      }
    } finally {
      ws.close();
    }
  }
  return { socket: percentiles(socketMs), http: percentiles(httpMs), kinds };
}
