import { realMouse } from '@smart-onboarding/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, signals, sleep, snippet, startHarness } from './harness';
import { type Receiver, startReceiver } from './receiver';

// Each scenario drives real CDP input (mouse, wheel, keyboard) on a fresh page with the script-tag SDK
// and checks the signals it raised through `SmartOnboarding.on('signal')`.
const PARAGRAPH = 'Connecting your accounts lets the studio schedule posts for you. '.repeat(6);
const page = (endpoint: string) => `<!doctype html><html><head><style>
  body { margin: 0; font: 16px/1.5 sans-serif }
  .abs { position: absolute }
  button { width: 120px; height: 40px }
</style></head><body>
<button id="dead" class="abs" style="left:40px;top:40px">Does nothing</button>
<div id="dead-div" class="abs" style="left:700px;top:110px;width:120px;height:40px;cursor:pointer;background:#36c;color:#fff;text-align:center;line-height:40px">Save</div>
<button id="works" class="abs" style="left:200px;top:40px" onclick="out.textContent = 'saved ' + Date.now()">Save</button>
<div class="abs" style="left:360px;top:40px"><button id="minus" style="width:40px">−</button><span id="count">0</span><button id="plus" style="width:40px" onclick="count.textContent = +count.textContent + 1">+</button></div>
<button id="boom" class="abs" style="left:40px;top:110px" onclick="setTimeout(() => { throw new Error('boom') })">Boom</button>
<button id="fail" class="abs" style="left:200px;top:110px" onclick="fetch('/missing-endpoint')">Load</button>
<a id="nav" class="abs" style="left:360px;top:110px" href="/b" onclick="event.preventDefault(); history.pushState({}, '', '/b')">Go to b</a>
<p id="para" class="abs" style="left:40px;top:170px;width:600px;margin:0">${PARAGRAPH}</p>
<form id="form" class="abs" style="left:40px;top:400px" onsubmit="event.preventDefault()"><input id="email" type="email" required style="width:200px;height:30px"><button id="submit" style="margin-left:10px">Send</button></form>
<shadow-card class="abs" style="left:40px;top:470px;display:block;width:140px;height:50px"></shadow-card>
<iframe id="frame" class="abs" style="left:300px;top:460px;width:300px;height:100px;border:0" srcdoc="<button id='frame-btn' style='position:absolute;left:10px;top:10px;width:120px;height:40px'>In frame</button>"></iframe>
<div id="out" class="abs" style="left:700px;top:40px"></div>
<div style="height:6000px"></div>
<script>
  customElements.define('shadow-card', class extends HTMLElement {
    connectedCallback() { this.attachShadow({ mode: 'open' }).innerHTML = '<button id="inner" style="width:120px;height:40px">Inside</button>'; }
  });
</script>
${snippet(`SmartOnboarding.init({ publishableKey: 'pk_demo_local', endpoint: '${endpoint}', model: false });`)}
</body></html>`;

let harness: Harness;
let receiver: Receiver;

beforeAll(async () => {
  receiver = await startReceiver();
  harness = await startHarness({ '/': page(receiver.url) });
});
afterAll(async () => {
  await harness?.close();
  await receiver?.close();
});

async function open(): Promise<Page> {
  const p = await harness.browser.newPage({ viewport: { width: 1000, height: 700 } });
  await p.goto(harness.site.url);
  await p.waitForFunction(
    () =>
      (
        window as unknown as { SmartOnboarding: { status(): { capturing: boolean } } }
      ).SmartOnboarding.status?.().capturing,
  );
  return p;
}

async function center(p: Page, selector: string, frame?: string) {
  const root = frame ? p.frameLocator(frame) : p;
  const box = await root.locator(selector).boundingBox();
  if (!box) throw new Error(`no box for ${selector}`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

// Every click goes through a mouse that gives the click counts Chromium gives (1, 2, 3, 3…).
const mice = new WeakMap<Page, ReturnType<typeof realMouse>>();
function click(p: Page, x: number, y: number): Promise<number> {
  if (!mice.has(p)) mice.set(p, realMouse(p));
  return mice.get(p)!.click(x, y);
}

async function clicks(p: Page, at: { x: number; y: number }, n: number, gapMs: number) {
  const counts: number[] = [];
  for (let i = 0; i < n; i++) {
    counts.push(await click(p, at.x, at.y));
    await sleep(gapMs);
  }
  return counts;
}

const types = async (p: Page) => (await signals(p)).map((s) => s.type);
async function waitFor(p: Page, type: string, timeout = 5000) {
  await p.waitForFunction(
    (t) =>
      (window as unknown as { seen: { signal: { type: string }[] } }).seen.signal.some((s) => s.type === t),
    type,
    { timeout },
  );
  return (await signals(p)).find((s) => s.type === type)!;
}

describe('signals in real Chromium, from CDP input', () => {
  it('rage_click fires on three fast clicks on a button that does nothing', async () => {
    const p = await open();
    await clicks(p, await center(p, '#dead'), 3, 120);
    const rage = await waitFor(p, 'rage_click');
    expect(rage.element?.selector).toBe('#dead');
    expect(rage.evidence.clicks).toBe(3);
    await p.close();
  });

  it('rage_click fires on four real clicks (counts 1, 2, 3, 3) on a dead div styled as a button', async () => {
    const p = await open();
    expect(await clicks(p, await center(p, '#dead-div'), 4, 60)).toEqual([1, 2, 3, 3]);
    const rage = await waitFor(p, 'rage_click');
    expect(rage.element?.selector).toBe('#dead-div');
    expect(rage.evidence.clicks).toBeGreaterThanOrEqual(3);
    await p.close();
  });

  it('stays quiet on fast deliberate clicking of a stepper (and it is no dead click: the count changes)', async () => {
    const p = await open();
    await clicks(p, await center(p, '#plus'), 6, 100);
    await sleep(1300);
    expect(await p.locator('#count').textContent()).toBe('6');
    expect(await types(p)).toEqual([]);
    await p.close();
  });

  it('stays quiet when a double click selects a word and a triple click a paragraph', async () => {
    const p = await open();
    const para = await center(p, '#para');
    await p.mouse.dblclick(para.x, para.y);
    await sleep(600);
    await p.mouse.click(para.x, para.y, { clickCount: 3 });
    await sleep(1300);
    expect(await p.evaluate(() => getSelection()?.toString().length)).toBeGreaterThan(20);
    expect(await types(p)).toEqual([]);
    await p.close();
  });

  it('dead_click fires after a click nothing answers; a click that updates the page stays quiet', async () => {
    const p = await open();
    await click(p, ...(Object.values(await center(p, '#works')) as [number, number]));
    await sleep(1300);
    expect(await types(p)).toEqual([]);
    await click(p, ...(Object.values(await center(p, '#dead')) as [number, number]));
    const dead = await waitFor(p, 'dead_click');
    expect(dead.element?.selector).toBe('#dead');
    await p.close();
  });

  it('error_click fires on a click followed by a JS error, and by a failed request', async () => {
    const p = await open();
    await click(p, ...(Object.values(await center(p, '#boom')) as [number, number]));
    expect((await waitFor(p, 'error_click')).evidence.errorKind).toBe('js');
    await sleep(1200);
    await click(p, ...(Object.values(await center(p, '#fail')) as [number, number]));
    await p.waitForFunction(
      () =>
        (window as unknown as { seen: { signal: { type: string }[] } }).seen.signal.filter(
          (s) => s.type === 'error_click',
        ).length === 2,
    );
    const [, request] = (await signals(p)).filter((s) => s.type === 'error_click');
    expect(request?.evidence).toMatchObject({ errorKind: 'request', status: 404 });
    await p.close();
  });

  it('thrashed_cursor fires on a shaken pointer, not on a long straight movement', async () => {
    const p = await open();
    await p.mouse.move(100, 600);
    await p.mouse.move(900, 650, { steps: 40 });
    await sleep(300);
    expect(await types(p)).not.toContain('thrashed_cursor');
    for (let i = 0; i < 8; i++) await p.mouse.move(i % 2 ? 300 : 500, 620, { steps: 6 });
    await waitFor(p, 'thrashed_cursor');
    await p.close();
  });

  it('excessive_scroll fires on scrolling back and forth, not while reading down a long page', async () => {
    const p = await open();
    await p.mouse.move(500, 300);
    for (let i = 0; i < 10; i++) {
      await p.mouse.wheel(0, 150);
      await sleep(120);
    }
    await p.mouse.wheel(0, -60);
    await sleep(300);
    expect(await types(p)).not.toContain('excessive_scroll');
    for (const dy of [900, -800, 800, -800]) {
      await p.mouse.wheel(0, dy);
      await sleep(250);
    }
    expect((await waitFor(p, 'excessive_scroll')).evidence.reversals).toBeGreaterThanOrEqual(3);
    await p.close();
  });

  it('quick_back fires when the user goes to a page and comes straight back', async () => {
    const p = await open();
    await click(p, ...(Object.values(await center(p, '#nav')) as [number, number]));
    await sleep(500);
    await p.goBack();
    const back = await waitFor(p, 'quick_back');
    expect(back.evidence).toMatchObject({ from: '/b', to: '/', back: true });
    await p.close();
  });

  it('hesitation fires when the pointer rests on a button without using it, not when it passes over', async () => {
    const p = await open();
    const works = await center(p, '#works');
    await p.mouse.move(works.x - 200, works.y + 300);
    await p.mouse.move(works.x, works.y, { steps: 5 });
    await p.mouse.move(works.x + 200, works.y + 300, { steps: 5 });
    await sleep(3300);
    expect(await types(p)).toEqual([]);
    await p.mouse.move(works.x, works.y, { steps: 5 });
    const hesitation = await waitFor(p, 'hesitation', 6000);
    expect(hesitation.evidence.kind).toBe('hover');
    expect(hesitation.element?.selector).toBe('#works');
    await p.close();
  });

  it('form_struggle fires on repeated corrections, not on typing a value once', async () => {
    const p = await open();
    await click(p, ...(Object.values(await center(p, '#email')) as [number, number]));
    await p.keyboard.type('ana@example.com', { delay: 20 });
    await p.keyboard.press('Tab');
    await sleep(300);
    expect(await types(p)).toEqual([]);
    await click(p, ...(Object.values(await center(p, '#email')) as [number, number]));
    for (let i = 0; i < 3; i++) {
      await p.keyboard.press('Backspace');
      await p.keyboard.press('Backspace');
      await p.keyboard.type('xy', { delay: 20 });
    }
    const struggle = await waitFor(p, 'form_struggle');
    expect(struggle.element?.selector).toBe('#email');
    expect(struggle.evidence.corrections).toBe(3);
    await p.close();
  });

  it('form_struggle fires on repeated validation errors', async () => {
    const p = await open();
    const submit = await center(p, '#submit');
    await click(p, submit.x, submit.y);
    await sleep(400);
    await click(p, submit.x, submit.y);
    expect((await waitFor(p, 'form_struggle')).evidence.invalids).toBe(2);
    await p.close();
  });

  it('sees into open shadow roots and same-origin iframes', async () => {
    const p = await open();
    await clicks(p, await center(p, '#inner'.replace('#inner', 'shadow-card')), 3, 120);
    expect((await waitFor(p, 'rage_click')).element?.selector).toBe('#inner');
    const inFrame = await center(p, '#frame-btn', '#frame');
    await clicks(p, inFrame, 3, 120);
    await p.waitForFunction(
      () =>
        (window as unknown as { seen: { signal: { type: string }[] } }).seen.signal.filter(
          (s) => s.type === 'rage_click',
        ).length === 2,
    );
    const [, frameRage] = (await signals(p)).filter((s) => s.type === 'rage_click');
    expect(frameRage?.element?.selector).toBe('#frame-btn');
    await p.close();
  });

  it('struggle: the rules scorer turns a rage click into on(struggle) and a struggle event up the wire', async () => {
    const p = await open();
    const from = receiver.accepted.length;
    await clicks(p, await center(p, '#dead'), 3, 120);
    await p.waitForFunction(
      () => (window as unknown as { seen: { struggle: unknown[] } }).seen.struggle.length > 0,
      undefined,
      { timeout: 5000 },
    );
    const seen = await p.evaluate(
      () =>
        (
          window as unknown as {
            seen: {
              struggle: { score: number; reasons: { code: string }[]; source: string }[];
              scorer: unknown[];
            };
          }
        ).seen,
    );
    expect(seen.struggle[0]?.source).toBe('rules');
    expect(seen.struggle[0]?.reasons.map((r) => r.code)).toContain('rage_click');
    expect(seen.scorer).toContainEqual({ active: 'rules', detail: 'disabled' });
    await p.waitForFunction(
      () =>
        (window as unknown as { SmartOnboarding: { status(): { queued: number } } }).SmartOnboarding.status()
          .queued === 0,
    );
    const sent = receiver.accepted.slice(from);
    expect(sent.some((e) => e.eventType === 'struggle' && e.source === 'rules')).toBe(true);
    expect(sent.some((e) => e.eventType === 'signal')).toBe(true);
    // Feature windows go up as numbers, stamped with their schema.
    const windowsSent = () => receiver.accepted.slice(from).filter((e) => e.eventType === 'features');
    for (let waited = 0; !windowsSent().length && waited < 10_000; waited += 250) await sleep(250);
    const windows = windowsSent();
    expect(windows.length).toBeGreaterThan(0);
    const first = windows[0]!.window as { schema: string; values: number[] };
    expect(first.schema).toBe('fw1');
    await p.close();
  });
});
