import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEsmEntry } from './build';
import { type Harness, realClicks, sleep, snippet, startHarness } from './harness';
import { type Receiver, startReceiver } from './receiver';

// Capture itself, in real Chromium: the pointer kinds it tells apart, and teardowns that leave the page
// exactly as it was (listeners counted by the DevTools protocol, wrapped globals restored).
const capturePage = `<!doctype html><body>
<button id="b" style="position:absolute;left:40px;top:40px;width:120px;height:40px">b</button>
<iframe id="f" style="position:absolute;left:300px;top:40px;width:200px;height:100px" srcdoc="<p>frame</p>"></iframe>
<script type="module">
  import { startCapture } from '/capture.js';
  window.raw = [];
  window.originals = { push: history.pushState, replace: history.replaceState, fetch: window.fetch, open: XMLHttpRequest.prototype.open };
  window.start = () => { window.stop = startCapture(window, (e) => window.raw.push(e)); };
  window.ready = true;
</script></body>`;

let harness: Harness;
let receiver: Receiver;
let captureJs: string;

beforeAll(async () => {
  receiver = await startReceiver();
  captureJs = await buildEsmEntry('src/capture/index.ts');
  harness = await startHarness({
    '/capture': capturePage,
    '/private': `<!doctype html><body>
<div class="secret"><button id="pay" style="position:absolute;left:40px;top:40px;width:120px;height:40px">Pay 4242</button></div>
<input id="name" style="position:absolute;left:40px;top:120px">
${snippet(`SmartOnboarding.init({ publishableKey: 'pk_demo_local', endpoint: new URLSearchParams(location.search).get('endpoint'), user: { id: 'private', hash: 'x' }, mask: ['.secret'], model: false });`)}</body>`,
    '/sdk': `<!doctype html><body><button id="b" style="position:absolute;left:40px;top:40px;width:120px;height:40px">b</button>
${snippet(`window.originals = { push: history.pushState, fetch: window.fetch, open: XMLHttpRequest.prototype.open };`)}</body>`,
  });
});
afterAll(async () => {
  await harness?.close();
  await receiver?.close();
});

async function openCapture(options: { hasTouch?: boolean } = {}): Promise<Page> {
  const context = await harness.browser.newContext(options);
  const page = await context.newPage();
  await page.route('**/capture.js', (route) =>
    route.fulfill({ body: captureJs, contentType: 'text/javascript' }),
  );
  await page.goto(`${harness.site.url}/capture`);
  await page.waitForFunction(() => (window as unknown as { ready: boolean }).ready);
  return page;
}

/** Listeners on window and document, as the DevTools protocol lists them. */
async function listenerCounts(page: Page, cdp: CDPSession) {
  const counts: number[] = [];
  for (const expression of ['window', 'document']) {
    const { result } = await cdp.send('Runtime.evaluate', { expression });
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', {
      objectId: result.objectId!,
      depth: 0,
    });
    counts.push(listeners.length);
  }
  void page;
  return counts;
}

const raw = (page: Page) =>
  page.evaluate(() => (window as unknown as { raw: { type: string; pointer?: string }[] }).raw);

describe('capture in real Chromium', () => {
  it('tells mouse, pen and touch apart', async () => {
    const page = await openCapture({ hasTouch: true });
    await page.evaluate(() => (window as unknown as { start(): void }).start());
    const cdp = await page.context().newCDPSession(page);
    await page.mouse.click(100, 60);
    await cdp.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x: 90, y: 55, pointerType: 'pen' });
    await cdp.send('Input.dispatchMouseEvent', {
      type: 'mousePressed',
      x: 90,
      y: 55,
      button: 'left',
      clickCount: 1,
      pointerType: 'pen',
    });
    await cdp.send('Input.dispatchMouseEvent', {
      type: 'mouseReleased',
      x: 90,
      y: 55,
      button: 'left',
      clickCount: 1,
      pointerType: 'pen',
    });
    await page.touchscreen.tap(100, 60);
    await sleep(200);
    const downs = (await raw(page)).filter((e) => e.type === 'down').map((e) => e.pointer);
    expect(downs).toEqual(['mouse', 'pen', 'touch']);
    await page.context().close();
  });

  it('its teardown removes every listener and wrapper, in the page and in same-origin frames', async () => {
    const page = await openCapture();
    const cdp = await page.context().newCDPSession(page);
    const before = await listenerCounts(page, cdp);
    await page.evaluate(() => (window as unknown as { start(): void }).start());
    const during = await listenerCounts(page, cdp);
    expect(
      during.map((n, i) => n > before[i]!),
      JSON.stringify({ before, during }),
    ).toEqual([true, true]);
    // The same-origin frame is captured too (coordinates moved into the top viewport)...
    await page.mouse.click(400, 90);
    await sleep(100);
    expect((await raw(page)).some((e) => e.type === 'click' && (e as { x?: number }).x === 400)).toBe(true);
    await page.evaluate(() => (window as unknown as { stop(): void }).stop());
    expect(await listenerCounts(page, cdp)).toEqual(before);
    const restored = await page.evaluate(() => {
      const o = (window as unknown as { originals: Record<string, unknown> }).originals;
      return [
        history.pushState === o.push,
        history.replaceState === o.replace,
        window.fetch === o.fetch,
        XMLHttpRequest.prototype.open === o.open,
      ];
    });
    expect(restored).toEqual([true, true, true, true]);
    // Nothing is recorded any more, in the page or the frame: no listener, no observer.
    const count = (await raw(page)).length;
    await page.mouse.click(100, 60);
    await page.mouse.click(400, 90);
    await page.evaluate(() => document.body.append(document.createElement('div')));
    await sleep(200);
    expect((await raw(page)).length).toBe(count);
    await page.context().close();
  });

  it('SmartOnboarding.shutdown() leaves the page as it found it and stops all traffic', async () => {
    const context = await harness.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${harness.site.url}/sdk`);
    const cdp = await context.newCDPSession(page);
    const count = async () => {
      const out: number[] = [];
      for (const expression of ['window', 'document']) {
        const { result } = await cdp.send('Runtime.evaluate', { expression });
        out.push(
          (await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId!, depth: 0 }))
            .listeners.length,
        );
      }
      return out;
    };
    await page.waitForFunction(
      () =>
        typeof (window as unknown as { SmartOnboarding: { status?: unknown } }).SmartOnboarding.status ===
        'function',
    );
    const before = await count();
    await page.evaluate(
      (endpoint) =>
        (window as unknown as { SmartOnboarding: { init(o: object): void } }).SmartOnboarding.init({
          publishableKey: 'pk_demo_local',
          endpoint,
          user: { id: 'shutdown', hash: 'x' },
          model: false,
        }),
      receiver.url,
    );
    await page.waitForFunction(
      () =>
        (
          window as unknown as { SmartOnboarding: { status(): { capturing: boolean } } }
        ).SmartOnboarding.status().capturing,
    );
    await realClicks(page, 3, 100, 60);
    await page.evaluate(() =>
      (window as unknown as { SmartOnboarding: { shutdown(): Promise<void> } }).SmartOnboarding.shutdown(),
    );
    expect(await count()).toEqual(before);
    const restored = await page.evaluate(() => {
      const o = (window as unknown as { originals: Record<string, unknown> }).originals;
      return [
        history.pushState === o.push,
        window.fetch === o.fetch,
        XMLHttpRequest.prototype.open === o.open,
      ];
    });
    expect(restored).toEqual([true, true, true]);
    // The queue was flushed on the way out, and nothing moves after.
    const sent = receiver.requests.length;
    expect(receiver.accepted.some((e) => e.eventType === 'signal')).toBe(true);
    await page.mouse.click(100, 60);
    await sleep(2500);
    expect(receiver.requests.length).toBe(sent);
    await context.close();
  });

  it('sends only signals, pages and scores: masked elements stay anonymous, typed text and pointer paths never leave', async () => {
    const context = await harness.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${harness.site.url}/private?endpoint=${encodeURIComponent(receiver.url)}`);
    await page.waitForFunction(
      () =>
        (
          window as unknown as { SmartOnboarding: { status?(): { capturing: boolean } } }
        ).SmartOnboarding.status?.().capturing,
    );
    const from = receiver.accepted.length;
    await page.mouse.move(300, 300, { steps: 20 });
    await realClicks(page, 3, 100, 60);
    await page.mouse.click(100, 130);
    await page.keyboard.type('Ada Lovelace', { delay: 10 });
    await page.waitForFunction(() =>
      (window as unknown as { seen: { signal: { type: string }[] } }).seen.signal.some(
        (s) => s.type === 'rage_click',
      ),
    );
    await page.evaluate(() =>
      (window as unknown as { SmartOnboarding: { shutdown(): Promise<void> } }).SmartOnboarding.shutdown(),
    );
    const sent = receiver.accepted.slice(from);
    const wire = JSON.stringify(sent);
    expect(new Set(sent.map((e) => e.eventType))).not.toContain(undefined);
    for (const e of sent)
      expect(['signal', 'page', 'features', 'struggle', 'track', 'engagement']).toContain(e.eventType);
    const rage = sent.find(
      (e) => e.eventType === 'signal' && (e.signal as { type: string }).type === 'rage_click',
    );
    const rageSignal = rage?.signal as { element?: { selector: string } } | undefined;
    expect(rageSignal?.element?.selector).toBe('[masked]');
    expect(wire).not.toMatch(/Lovelace|4242|#pay/);
    expect(wire).not.toMatch(/"type":"move"|"x":/);
    await context.close();
  });

  it('never throws into the host page, and stays silent in the console unless debug is on', async () => {
    const context = await harness.browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on(
      'console',
      (m) => m.text().includes('[smart-onboarding]') && problems.push(`console: ${m.text()}`),
    );
    await page.goto(`${harness.site.url}/sdk`);
    await page.waitForFunction(
      () =>
        typeof (window as unknown as { SmartOnboarding: { status?: unknown } }).SmartOnboarding.status ===
        'function',
    );
    const results = await page.evaluate(async (endpoint) => {
      const so = (window as unknown as { SmartOnboarding: Record<string, (...a: unknown[]) => unknown> })
        .SmartOnboarding;
      const calls: [string, unknown[]][] = [
        ['init', [undefined]],
        ['init', [{ publishableKey: 'pk_demo_local' }]],
        ['track', [{ not: 'a name' }, 'not properties']],
        ['identify', [undefined, 42]],
        ['setConsent', ['maybe']],
        ['setStep', ['Not A Slug!']],
        [
          'on',
          [
            'signal',
            () => {
              throw new Error('host listener bug');
            },
          ],
        ],
        [
          'init',
          [{ publishableKey: 'pk_demo_local', endpoint, user: { id: 'safe', hash: 'x' }, model: false }],
        ],
      ];
      const threw: string[] = [];
      for (const [m, args] of calls) {
        try {
          await so[m]!(...args);
        } catch (e) {
          threw.push(`${m}: ${e}`);
        }
      }
      return threw;
    }, receiver.url);
    expect(results).toEqual([]);
    await page.waitForFunction(
      () =>
        (
          window as unknown as { SmartOnboarding: { status(): { capturing: boolean } } }
        ).SmartOnboarding.status().capturing,
    );
    await realClicks(page, 3, 100, 60); // a rage click: the throwing listener runs
    await sleep(500);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('honours Do Not Track: consent granted by the site still captures and sends nothing', async () => {
    const context = await harness.browser.newContext();
    await context.addInitScript(() =>
      Object.defineProperty(Navigator.prototype, 'doNotTrack', { get: () => '1' }),
    );
    const page = await context.newPage();
    await page.goto(`${harness.site.url}/sdk`);
    const before = receiver.requests.length;
    await page.evaluate(
      (endpoint) =>
        (window as unknown as { SmartOnboarding: { init(o: object): void } }).SmartOnboarding.init({
          publishableKey: 'pk_demo_local',
          endpoint,
          user: { id: 'dnt', hash: 'x' },
          consent: 'granted',
        }),
      receiver.url,
    );
    await realClicks(page, 3, 100, 60);
    await sleep(1500);
    expect(
      await page.evaluate(() =>
        (window as unknown as { SmartOnboarding: { status(): object } }).SmartOnboarding.status(),
      ),
    ).toMatchObject({
      consent: 'denied',
      capturing: false,
    });
    expect(receiver.requests.length).toBe(before);
    await context.close();
  });
});
