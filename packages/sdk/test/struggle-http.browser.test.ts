import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Backend, DEMO, startBackend, userHash } from './backend';
import { type Harness, realClicks, snippet, startHarness } from './harness';

// The struggle path where no WebSocket gets through: the SDK reports over HTTP, the real edge decides
// (`handleUserStruggle`) and answers with the intervention, and the SDK hands it to the page.
const page = `<!doctype html><html><body>
<button id="dead" style="position:absolute;left:40px;top:40px;width:120px;height:40px">Save</button>
${snippet(`
const q = new URLSearchParams(location.search);
window.times = {};
SmartOnboarding.on('struggle', () => { times.struggle ??= performance.now(); });
SmartOnboarding.on('intervention', () => { times.intervention ??= performance.now(); });
SmartOnboarding.init({
  publishableKey: '${DEMO.publishableKey}',
  endpoint: q.get('endpoint'),
  user: { id: q.get('user'), hash: q.get('hash') },
  socket: q.get('socket') !== 'false',
  model: false,
});`)}
</body></html>`;

let harness: Harness;
let backend: Backend;

beforeAll(async () => {
  [harness, backend] = await Promise.all([startHarness({ '/': page }), startBackend()]);
});
afterAll(async () => {
  await Promise.all([harness?.close(), backend?.close()]);
});

type Seen = {
  seen: { intervention: { kind: string }[] };
  times: { struggle?: number; intervention?: number };
};

async function rageAtDeadButton(socket: boolean) {
  const user = `struggle-${socket ? 'socket' : 'http'}-${Date.now()}`;
  const p: Page = await harness.browser.newPage();
  const sockets: string[] = [];
  p.on('websocket', (ws) => sockets.push(ws.url()));
  const search = new URLSearchParams({
    endpoint: backend.url,
    user,
    hash: userHash(user),
    socket: String(socket),
  });
  await p.goto(`${harness.site.url}/?${search}`);
  await p.waitForFunction(
    (want) =>
      (
        window as unknown as { SmartOnboarding: { status?(): { channel: string } } }
      ).SmartOnboarding.status?.().channel === want,
    socket ? 'socket' : 'http',
    { timeout: 20_000 },
  );
  await realClicks(p, 3, 100, 60);
  await p.waitForFunction(() => (window as unknown as Seen).seen.intervention.length > 0, undefined, {
    timeout: 10_000,
  });
  const result = await p.evaluate(() => {
    const w = window as unknown as Seen;
    return { plan: w.seen.intervention[0]!, ms: w.times.intervention! - w.times.struggle! };
  });
  await p.close();
  return { ...result, sockets };
}

describe(`struggle to intervention over HTTP (${process.env.SDK_TEST_BACKEND === 'receiver' ? 'test receiver' : 'real edge'})`, () => {
  it('answers a struggle report sent over HTTP with its intervention, and no socket is opened', async () => {
    const http = await rageAtDeadButton(false);
    expect(http.sockets).toEqual([]);
    expect(http.plan.kind).not.toBe('none');
    // Not a timing assertion (the machine is shared): a figure for the log; the bench measures it.
    console.log(`struggle to intervention over HTTP: ${http.ms.toFixed(0)} ms`);
    expect(http.ms).toBeGreaterThan(0);
  });

  it('gives the same kind of intervention over the socket', async () => {
    const [socket, http] = [await rageAtDeadButton(true), await rageAtDeadButton(false)];
    expect(socket.sockets.length).toBeGreaterThan(0);
    expect(http.plan.kind).toBe(socket.plan.kind);
  });
});
