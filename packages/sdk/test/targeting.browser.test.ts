import { startDevServer } from '@smart-onboarding/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, userHash } from './backend';
import { type Harness, sleep, snippet, startHarness } from './harness';

// The script tag without `flow`: the real edge picks the flow by the tenant's targeting rules for the page
// the SDK is on, and the page gets that flow's first step. No rule for the page: no journey, no warning.
const page = `<!doctype html><html><body>
${snippet(`
const q = new URLSearchParams(location.search);
window.steps = [];
window.warnings = [];
const warn = console.warn;
console.warn = (...a) => { warnings.push(a.map(String).join(' ')); warn(...a); };
SmartOnboarding.on('step', (s) => steps.push(s && s.id));
SmartOnboarding.init({
  publishableKey: '${DEMO.publishableKey}',
  endpoint: q.get('endpoint'),
  user: { id: q.get('user'), hash: q.get('hash') },
  socket: false,
  model: false,
  widgets: false,
  debug: true,
  ...(q.get('flow') ? { flow: q.get('flow') } : {}),
});`)}
</body></html>`;

const SECRET_KEY = 'sk_demo_local';
let harness: Harness;
let edge: Awaited<ReturnType<typeof startDevServer>>;
let firstStep: string;
let targetedFlow: string;

beforeAll(async () => {
  [harness, edge] = await Promise.all([
    startHarness({ '/app/projects': page, '/pricing': page }),
    startDevServer(),
  ]);
  const admin = { authorization: `Bearer ${SECRET_KEY}`, 'content-type': 'application/json' };
  const flows = (await (await fetch(`${edge.url}/v1/flows`, { headers: admin })).json()) as {
    flows: { id: string }[];
  };
  const flowId = flows.flows[0]!.id;
  targetedFlow = flowId;
  const flow = (await (await fetch(`${edge.url}/v1/flows/${flowId}`, { headers: admin })).json()) as {
    flow: { steps: { id: string; prerequisites?: string[] }[] };
  };
  firstStep = flow.flow.steps.find((s) => !s.prerequisites?.length)!.id;
  const saved = await fetch(`${edge.url}/v1/admin/targeting`, {
    method: 'PUT',
    headers: { ...admin, 'if-match': '"0"' },
    body: JSON.stringify({ rules: [{ flowId, pages: ['/app/*'] }] }),
  });
  if (saved.status !== 200) throw new Error(`targeting answered ${saved.status}: ${await saved.text()}`);
}, 180_000);
afterAll(async () => {
  await Promise.all([harness?.close(), edge?.stop()]);
});

async function visit(path: string, flow?: string) {
  const user = `targeted-${path.replace(/\W/g, '')}-${flow ?? ''}-${Date.now()}`;
  const p = await harness.browser.newPage();
  const search = new URLSearchParams({
    endpoint: edge.url,
    user,
    hash: userHash(user),
    ...(flow ? { flow } : {}),
  });
  await p.goto(`${harness.site.url}${path}?${search}`);
  return p;
}

describe('init without flow (real edge)', () => {
  it('gets the targeted flow’s first step on a page the rules target', async () => {
    const p = await visit('/app/projects');
    await p.waitForFunction(() => (window as unknown as { steps: string[] }).steps.length > 0, undefined, {
      timeout: 30_000,
    });
    expect(await p.evaluate(() => (window as unknown as { steps: string[] }).steps)).toEqual([firstStep]);
    await p.close();
  });

  it('still takes a flow named in init, on a page no rule targets', async () => {
    const p = await visit('/pricing', targetedFlow);
    await p.waitForFunction(() => (window as unknown as { steps: string[] }).steps.length > 0, undefined, {
      timeout: 30_000,
    });
    expect(await p.evaluate(() => (window as unknown as { steps: string[] }).steps)).toEqual([firstStep]);
    await p.close();
  });

  it('starts nothing, quietly, on a page no rule targets', async () => {
    const p = await visit('/pricing');
    const answered = p.waitForResponse(
      (r) => r.request().method() === 'POST' && /\/v1\/journeys\//.test(r.url()),
      {
        timeout: 30_000,
      },
    );
    const res = await answered;
    expect(res.status()).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('no_flow');
    await sleep(500);
    const seen = await p.evaluate(() => {
      const w = window as unknown as { steps: string[]; warnings: string[] };
      return { steps: w.steps, warnings: w.warnings.filter((m) => /journey/.test(m)) };
    });
    expect(seen).toEqual({ steps: [], warnings: [] });
    await p.close();
  });
});
