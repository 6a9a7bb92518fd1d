import { randomUUID } from 'node:crypto';
import { userHash } from '@smart-onboarding/server';
import { DEMO_SECRET } from './console-page';

/** The demo tenant's browser key and identity secret (edge/src/dev/demo-tenant.json). */
const DEMO_PUBLISHABLE = 'pk_demo_local';
const DEMO_IDENTITY_SECRET = 'demo-identity-secret';

const server = { authorization: `Bearer ${DEMO_SECRET}`, 'content-type': 'application/json' };

const TOUCH = { path: '/m', pointer: 'touch', viewport: { w: 390, h: 844 } };
const MOUSE = { path: '/d', pointer: 'mouse', viewport: { w: 1440, h: 900 } };

/** Publishes a three-step flow with the secret key, as a tenant's server does. */
export async function publishFlow(edge: string, id: string) {
  const res = await fetch(`${edge}/v1/flows`, {
    method: 'POST',
    headers: server,
    body: JSON.stringify({
      id,
      name: 'Insight walk-through',
      steps: [
        { id: 'connect', title: 'Connect an account' },
        { id: 'goals', title: 'Set goals', prerequisites: ['connect'] },
        { id: 'post', title: 'Publish a post', prerequisites: ['goals'] },
      ],
    }),
  });
  if (res.status !== 201) throw new Error(`publish: ${res.status} ${await res.text()}`);
}

async function sendEvents(edge: string, user: string, events: unknown[]) {
  const res = await fetch(`${edge}/v1/events`, {
    method: 'POST',
    headers: {
      'x-so-key': DEMO_PUBLISHABLE,
      'x-so-user': user,
      'x-so-user-hash': await userHash(DEMO_IDENTITY_SECRET, user),
      // The demo tenant lets the SDK in from any local port.
      origin: 'http://127.0.0.1:5173',
      'content-type': 'application/json',
    },
    body: JSON.stringify({ sentAt: Date.now(), events }),
  });
  if (res.status !== 202) throw new Error(`events: ${res.status} ${await res.text()}`);
}

const base = () => ({ id: randomUUID(), sessionId: 'tab', timestamp: Date.now() });
const step = (stepId: string, action: string, context: unknown) => ({
  ...base(),
  eventType: 'step',
  stepId,
  action,
  context,
});
const rage = (stepId: string, selector: string) => ({
  ...base(),
  eventType: 'signal',
  stepId,
  signal: { type: 'rage_click', t: Date.now(), element: { selector }, evidence: { clicks: 4 } },
});

/** A selector a hostile page could report: markup that would run if the console rendered it as HTML. */
export const HOSTILE_SELECTOR = '<img src=x onerror="window.__pwned=1">';

/**
 * Six journeys through the public API: three phone users on the adaptive arm (one finishes after rage clicks
 * on a hostile element, two give up at the goals after rage clicks on its save button), three desktop users on the smart arm who finish.
 */
export async function seedJourneys(edge: string, flowId: string, prefix: string) {
  for (let i = 0; i < 6; i++) {
    const user = `${prefix}-${i}`;
    const phone = i < 3;
    const started = await fetch(`${edge}/v1/journeys/${user}`, {
      method: 'POST',
      headers: server,
      body: JSON.stringify({ flowId, profile: { traits: { so_arm: phone ? 'adaptive' : 'smart' } } }),
    });
    if (started.status !== 201) throw new Error(`journey: ${started.status} ${await started.text()}`);
    const ctx = phone ? TOUCH : MOUSE;
    const gaveUp = phone && i > 0;
    await sendEvents(edge, user, [step('connect', 'completed', ctx)]);
    // The SDK's struggle report at the goals: the edge decides an intervention (or a held-out one).
    const struggle = await fetch(`${edge}/v1/journeys/${user}/struggle`, {
      method: 'POST',
      headers: server,
      body: JSON.stringify({
        score: 0.93,
        source: 'rules',
        reasons: [{ code: 'rage_click', weight: 1 }],
        stepId: 'goals',
        element: 'button#save-goals',
        t: Date.now(),
      }),
    });
    if (struggle.status !== 200) throw new Error(`struggle: ${struggle.status} ${await struggle.text()}`);
    await sendEvents(edge, user, [
      ...(gaveUp ? [rage('goals', 'button#save-goals'), step('goals', 'abandoned', ctx)] : []),
      ...(i === 0 ? [rage('connect', HOSTILE_SELECTOR)] : []),
      ...(gaveUp ? [] : [step('goals', 'completed', ctx), step('post', 'completed', ctx)]),
    ]);
  }
}

/** A view's JSON as the tenant's server reads it with the secret key. */
export async function readJson<T>(edge: string, path: string): Promise<T> {
  const res = await fetch(`${edge}${path}`, { headers: server });
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** The same view's CSV, read with the secret key. */
export async function readCsv(edge: string, path: string) {
  const res = await fetch(`${edge}${path}`, { headers: server });
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.text();
}
