import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { box, events, type Harness, html, shadowBox, startHarness, waitForEvent } from './harness';

const callbacks = `onShown: log('shown'), onStepChange: log('change'), onComplete: log('complete'),
  onDismiss: log('dismiss'), onTargetMissing: log('missing')`;

const pages: Record<string, string> = {
  '/late.html': html(
    `<main style="padding:40px"><p>Loading…</p></main>`,
    `W.mountTour({ steps: [{ id: 'a', title: 'Late target', body: 'It renders after a while.', target: { selector: '#late' } }], ${callbacks} });
     setTimeout(() => { const b = document.createElement('button'); b.id = 'late'; b.textContent = 'Late'; b.style.margin = '120px'; document.querySelector('main').append(b); }, 700);`,
  ),
  '/missing.html': html(
    `<main></main>`,
    `W.mountTour({ targetTimeoutMs: 300, steps: [
      { id: 'a', title: 'Nowhere', target: { selector: '#never' } },
      { id: 'b', title: 'Broken', target: { selector: '#[bad' } }], ${callbacks} });`,
  ),
  '/click.html': html(
    `<main style="padding:80px"><button id="before">Before</button>
      <button id="connect" style="margin-left:200px">Connect account</button><p id="clicks">0</p>
      <a id="link" href="#x">A link</a></main>`,
    `document.querySelector('#connect').addEventListener('click', () => { const c = document.querySelector('#clicks'); c.textContent = String(Number(c.textContent) + 1); });
     document.querySelector('#before').focus();
     window.tour = W.mountTour({ steps: [
       { id: 'connect', title: 'Connect', body: 'Click it.', target: { selector: '#connect' }, goal: { kind: 'click' } },
       { id: 'two', title: 'Second', body: 'A manual step.', target: { selector: '#clicks' }, variantId: 'plain',
         variants: [{ id: 'plain', style: 'simplified', title: 'Second', body: 'The simpler way to say it.' }] },
       { id: 'three', title: 'Third', body: 'Last.', goal: { kind: 'event', event: 'post_created' } }], ${callbacks} });`,
  ),
  '/moving.html': html(
    `<main style="padding:40px"><button id="mover" style="position:relative;left:0">Mover</button><div style="height:2000px"></div></main>`,
    `W.mountTour({ backdrop: false, steps: [{ id: 'a', title: 'Follow me', target: { selector: '#mover' } }], ${callbacks} });`,
  ),
  '/sticky.html': html(
    `<header style="position:sticky;top:0;height:80px;background:#234;color:#fff;z-index:5">Header</header>
     <div style="height:1600px"></div>
     <section id="tall" style="height:520px;background:#eee">A tall section</section>
     <div style="height:1200px"></div>`,
    `W.mountTour({ steps: [{ id: 'a', title: 'A tall target', target: { selector: '#tall' } }], ${callbacks} });`,
  ),
  '/nested.html': html(
    `<div style="height:900px"></div>
     <div id="scroller" style="height:200px;overflow:auto;border:1px solid #999">
       <div style="height:700px"></div><button id="deep">Deep inside</button><div style="height:700px"></div>
     </div><div style="height:900px"></div>`,
    `W.mountTour({ steps: [{ id: 'a', title: 'Nested', target: { selector: '#deep' } }], ${callbacks} });`,
  ),
  '/small.html': html(
    `<div style="height:1200px"></div><button id="far" style="margin:16px">Far below</button><div style="height:1200px"></div>`,
    `W.mountTour({ steps: [{ id: 'a', title: 'On a phone', body: 'Shown as a bottom sheet.', target: { selector: '#far' } }], ${callbacks} });`,
  ),
  '/spa.html': html(
    `<nav><button id="go">Go to settings</button></nav><main id="view"><h1>Home</h1><button id="home-cta">Start</button></main>`,
    `document.querySelector('#go').addEventListener('click', () => {
       history.pushState({}, '', '/settings');
       setTimeout(() => { document.querySelector('#view').innerHTML = '<h1>Settings</h1><button id="save">Save</button>'; }, 300);
     });
     W.mountTour({ steps: [
       { id: 'home', title: 'Go to settings', target: { selector: '#go' }, goal: { kind: 'navigate', route: '/settings' } },
       { id: 'save', title: 'Save', target: { selector: '#save', route: '/settings' }, goal: { kind: 'click' } }], ${callbacks} });`,
  ),
  '/shadow.html': html(
    `<main style="padding:60px"><x-editor></x-editor></main>`,
    `customElements.define('x-editor', class extends HTMLElement { connectedCallback() {
       const root = this.attachShadow({ mode: 'open' });
       root.innerHTML = '<div style="padding:20px"><button class="publish">Publish</button></div>';
       root.querySelector('.publish').addEventListener('click', () => { window.published = true; });
     } });
     W.mountTour({ steps: [
       { id: 'publish', title: 'Publish', target: { selector: 'button.publish', shadowHosts: ['x-editor'] }, goal: { kind: 'click' } },
       { id: 'done', title: 'Done' }], ${callbacks} });`,
  ),
  '/frame.html': html(
    `<main style="padding:50px"><iframe id="embed" src="/inner.html" style="width:500px;height:300px;border:4px solid #ccc;margin-left:30px"></iframe></main>`,
    `W.mountTour({ steps: [
       { id: 'frame', title: 'Inside the frame', target: { selector: '#inner', frame: '#embed' }, goal: { kind: 'click' } },
       { id: 'done', title: 'Done' }], ${callbacks} });`,
  ),
  '/inner.html': `<!doctype html><html><body style="margin:0"><div style="height:100px"></div><button id="inner" style="margin-left:40px">Inner button</button></body></html>`,
};

let h: Harness;
beforeAll(async () => {
  h = await startHarness(pages);
});
afterAll(() => h?.close());

describe('Tour in Chromium', () => {
  it('waits for a target that renders late, then anchors to it without reporting it missing', async () => {
    const page = await h.open('/late.html');
    await page.waitForTimeout(300);
    expect(await events(page)).toEqual([]);
    expect(await shadowBox(page, 'so-tour', '[role=dialog]')).toBeNull();
    await waitForEvent(page, 'shown');
    const target = await box(page, '#late');
    await page.waitForFunction(() =>
      document.querySelector('so-tour')!.shadowRoot!.querySelector('[data-placed]'),
    );
    const pop = (await shadowBox(page, 'so-tour', '[role=dialog]'))!;
    expect(pop.top).toBeGreaterThan(target.bottom);
    expect(pop.top - target.bottom).toBeLessThan(40);
    expect((await events(page)).map((e) => e.type)).toEqual(['shown']);
    await page.context().close();
  });

  it('never skips a step whose target does not come: it reports it and shows the step centred', async () => {
    const page = await h.open('/missing.html');
    const missing = await waitForEvent(page, 'missing');
    expect(missing).toMatchObject({ index: 0, reason: 'timeout' });
    await waitForEvent(page, 'shown');
    const dialog = page.locator('so-tour [role=dialog]');
    await expect.poll(() => dialog.getAttribute('class')).toContain('center');
    expect(await dialog.textContent()).toContain('not visible yet');
    await page.keyboard.press('ArrowRight');
    const invalid = await waitForEvent(page, 'missing', 2);
    expect(invalid).toMatchObject({ index: 1, reason: 'invalid_selector' });
    await page.context().close();
  });

  it('advances when the user really clicks the target, and the page still gets its click', async () => {
    const page = await h.open('/click.html');
    await waitForEvent(page, 'shown');
    const dialog = page.locator('so-tour [role=dialog]');
    expect(await dialog.textContent()).toContain('Click the highlighted element');
    expect(await dialog.locator('.primary').count()).toBe(0);
    const t = await box(page, '#connect');
    await page.mouse.click(t.left + t.width / 2, t.top + t.height / 2);
    const change = await waitForEvent(page, 'change');
    expect(change).toMatchObject({ from: 0, index: 1, reason: 'goal' });
    expect(await page.textContent('#clicks')).toBe('1');
    // The variant the optimizer chose is what the user reads.
    await expect
      .poll(() => page.locator('so-tour [role=dialog] .body').textContent())
      .toBe('The simpler way to say it.');
    // A step with an event goal completes when the app reports that event.
    await page.evaluate(() => (window as unknown as { tour: { goTo(id: string): void } }).tour.goTo('three'));
    await page.evaluate(() =>
      dispatchEvent(new CustomEvent('smart-onboarding:track', { detail: { name: 'post_created' } })),
    );
    await waitForEvent(page, 'complete');
    expect(await page.locator('so-tour [role=dialog]').count()).toBe(0);
    await page.context().close();
  });

  it('is driven by the keyboard: focus moves in, arrows move, Tab cycles with the target, Esc returns focus', async () => {
    const page = await h.open('/click.html');
    await waitForEvent(page, 'shown');
    const focused = () =>
      page.evaluate(() => {
        let a: Element | null = document.activeElement;
        while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
        return a
          ? `${a.tagName.toLowerCase()}${a.id ? `#${a.id}` : ''}${a.getAttribute('role') ? `[${a.getAttribute('role')}]` : ''}${a.className && typeof a.className === 'string' ? `.${a.className.split(' ').join('.')}` : ''}`
          : null;
      });
    await expect.poll(focused).toBe('div[dialog].card.pop');
    // Step 1 waits for a click, so the right arrow does not skip it; Tab reaches the real target.
    await page.keyboard.press('ArrowRight');
    expect((await events(page)).filter((e) => e.type === 'change')).toEqual([]);
    const stops: string[] = [];
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Tab');
      stops.push((await focused())!);
    }
    expect(stops).toEqual(['button.x', 'button#connect', 'button.x']);
    await page.keyboard.press('Shift+Tab');
    expect(await focused()).toBe('button#connect');
    await page.keyboard.press('Enter');
    await waitForEvent(page, 'change');
    await expect.poll(focused).toBe('div[dialog].card.pop');
    // Step changes are announced politely.
    await expect.poll(() => page.locator('so-tour [role=status]').textContent()).toBe('Step 2 of 3: Second');
    await page.keyboard.press('ArrowRight');
    expect(await waitForEvent(page, 'change', 2)).toMatchObject({ from: 1, index: 2, reason: 'next' });
    await page.keyboard.press('ArrowLeft');
    expect(await waitForEvent(page, 'change', 3)).toMatchObject({ from: 2, index: 1, reason: 'back' });
    await page.keyboard.press('Escape');
    expect(await waitForEvent(page, 'dismiss')).toMatchObject({ index: 1 });
    await expect.poll(focused).toBe('button#before');
    await page.context().close();
  });

  it('re-anchors when the target moves', async () => {
    const page = await h.open('/moving.html');
    await waitForEvent(page, 'shown');
    await page.waitForFunction(() =>
      document.querySelector('so-tour')!.shadowRoot!.querySelector('[data-placed]'),
    );
    const before = (await shadowBox(page, 'so-tour', '.spot'))!;
    await page.evaluate(() => {
      (document.querySelector('#mover') as HTMLElement).style.left = '300px';
      (document.querySelector('#mover') as HTMLElement).style.top = '150px';
    });
    await expect
      .poll(async () => {
        const spot = (await shadowBox(page, 'so-tour', '.spot'))!;
        const target = await box(page, '#mover');
        return [Math.round(spot.left - target.left), Math.round(spot.top - target.top)];
      })
      .toEqual([-6, -6]);
    const after = (await shadowBox(page, 'so-tour', '.spot'))!;
    expect(after.left - before.left).toBeCloseTo(300, 0);
    const pop = (await shadowBox(page, 'so-tour', '[role=dialog]'))!;
    const target = await box(page, '#mover');
    expect(pop.top).toBeGreaterThan(target.bottom);
    // The user scrolls the page: popover and spotlight scroll with the target.
    await page.mouse.move(500, 500);
    await page.mouse.wheel(0, 120);
    await page.waitForFunction(() => scrollY >= 100);
    await expect
      .poll(async () => {
        const spot = (await shadowBox(page, 'so-tour', '.spot'))!;
        const moved = (await shadowBox(page, 'so-tour', '[role=dialog]'))!;
        const t = await box(page, '#mover');
        return [Math.round(spot.top - t.top), Math.round(moved.top - pop.top + (target.top - t.top))];
      })
      .toEqual([-6, 0]);
    await page.context().close();
  });

  it('scrolls a target clear of a sticky header', async () => {
    const page = await h.open('/sticky.html', { width: 1000, height: 600 });
    await waitForEvent(page, 'shown');
    // A target taller than the free band is aligned under the header, never under it.
    await expect
      .poll(async () => {
        const top = (await box(page, '#tall')).top;
        return top >= 80 && top < 100;
      })
      .toBe(true);
    await page.context().close();
  });

  it('scrolls a target into view inside a nested scroll container', async () => {
    const page = await h.open('/nested.html');
    await waitForEvent(page, 'shown');
    await expect
      .poll(async () => {
        const t = await box(page, '#deep');
        const c = await box(page, '#scroller');
        return t.top >= c.top && t.bottom <= c.bottom && c.top >= 0 && c.bottom <= 700;
      })
      .toBe(true);
    await page.context().close();
  });

  it('shows a bottom sheet on a small screen, with the target visible above it', async () => {
    const page = await h.open('/small.html', { width: 375, height: 667 });
    await waitForEvent(page, 'shown');
    const dialog = page.locator('so-tour [role=dialog]');
    expect(await dialog.getAttribute('class')).toContain('sheet');
    await expect.poll(async () => (await shadowBox(page, 'so-tour', '[role=dialog]'))!.bottom).toBe(667);
    const sheet = (await shadowBox(page, 'so-tour', '[role=dialog]'))!;
    expect(sheet.width).toBe(375);
    await expect
      .poll(async () => (await box(page, '#far')).bottom <= sheet.top && (await box(page, '#far')).top >= 0)
      .toBe(true);
    await page.context().close();
  });

  it('spans SPA routes: waits for the route of the next step, and completes by a real click there', async () => {
    const page = await h.open('/spa.html');
    await waitForEvent(page, 'shown');
    const go = await box(page, '#go');
    await page.mouse.click(go.left + go.width / 2, go.top + go.height / 2);
    expect(await waitForEvent(page, 'change')).toMatchObject({ index: 1, reason: 'goal' });
    const shown = await waitForEvent(page, 'shown', 2);
    expect(shown).toMatchObject({ index: 1 });
    expect(await page.evaluate(() => location.pathname)).toBe('/settings');
    const save = await box(page, '#save');
    await page.mouse.click(save.left + save.width / 2, save.top + save.height / 2);
    await waitForEvent(page, 'complete');
    await page.context().close();
  });

  it('reaches targets inside shadow roots', async () => {
    const page = await h.open('/shadow.html');
    await waitForEvent(page, 'shown');
    const r = await page.evaluate(() => {
      const b = document
        .querySelector('x-editor')!
        .shadowRoot!.querySelector('button')!
        .getBoundingClientRect();
      return { x: b.left + b.width / 2, y: b.top + b.height / 2, left: b.left };
    });
    const spot = (await shadowBox(page, 'so-tour', '.spot'))!;
    expect(Math.round(spot.left - r.left)).toBe(-6);
    await page.mouse.click(r.x, r.y);
    expect(await waitForEvent(page, 'change')).toMatchObject({ index: 1, reason: 'goal' });
    expect(await page.evaluate(() => (window as unknown as { published?: boolean }).published)).toBe(true);
    await page.context().close();
  });

  it('reaches targets inside same-origin iframes, lining the spotlight up across the frame', async () => {
    const page = await h.open('/frame.html');
    await waitForEvent(page, 'shown');
    const frame = await box(page, '#embed');
    const inner = await page
      .frameLocator('#embed')
      .locator('#inner')
      .evaluate((el) => {
        const r = el.getBoundingClientRect();
        return { left: r.left, top: r.top, width: r.width, height: r.height };
      });
    const x = frame.left + 4 + inner.left;
    const y = frame.top + 4 + inner.top;
    await expect
      .poll(async () => {
        const spot = (await shadowBox(page, 'so-tour', '.spot'))!;
        return [Math.round(spot.left - x), Math.round(spot.top - y)];
      })
      .toEqual([-6, -6]);
    await page.mouse.click(x + inner.width / 2, y + inner.height / 2);
    expect(await waitForEvent(page, 'change')).toMatchObject({ index: 1, reason: 'goal' });
    await page.context().close();
  });
});
