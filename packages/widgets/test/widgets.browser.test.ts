import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { box, events, type Harness, html, shadowBox, startHarness, waitForEvent } from './harness';

const plan = (over: Record<string, unknown> = {}) =>
  JSON.stringify({
    id: 'plan-1',
    kind: 'hint',
    title: 'Stuck on scheduling?',
    body: 'Pick a date, then press Schedule.',
    reason: 'rage_click on #schedule',
    holdout: false,
    createdAt: 1,
    target: { selector: '#schedule' },
    ...over,
  });

const app = `<main style="padding:60px"><button id="before">Before</button>
  <button id="schedule" style="margin:80px">Schedule</button><div class="card" id="page-card">Page card</div></main>`;

const pages: Record<string, string> = {
  '/checklist.html': html(
    `<main></main>`,
    `window.list = W.mountChecklist({ title: 'Set up your studio', onItemClick: log('item'), onComplete: log('complete'), onDismiss: log('dismiss'),
      items: [{ id: 'connect', title: 'Connect an account', done: true }, { id: 'goals', title: 'Set your goals', description: 'Two minutes.' },
              { id: 'invite', title: 'Invite a teammate', optional: true }] });`,
  ),
  '/hint.html': html(
    `<main style="padding:60px"></main>`,
    `W.mountHint({ target: '#late', title: 'Schedule for later', body: 'Pick a time.', onShown: log('shown'), onOpen: log('open'), onDismiss: log('dismiss') });
     setTimeout(() => { const b = document.createElement('button'); b.id = 'late'; b.textContent = 'Schedule'; b.style.margin = '100px'; document.querySelector('main').append(b); }, 400);`,
  ),
  '/help.html': html(
    app,
    `async function* answer() {
       for (const d of ['To schedule a post, ', 'open **Calendar**.\\n\\n', '- pick a date\\n', '- press \`Schedule\`\\n', '<img src=x onerror="window.pwned=1">']) {
         await new Promise((r) => setTimeout(r, 150)); yield d;
       }
     }
     window.panel = W.mountHelpPanel({ title: 'How do I schedule?', stream: answer(),
       help: { id: 'h1', source: 'generated', targetSelector: '#schedule', sources: [{ articleId: 'a1', title: 'Scheduling posts', url: 'https://help.example.com/scheduling' }] },
       onShown: log('shown'), onStreamComplete: log('complete'), onClose: log('close') });`,
  ),
  '/help-incremental.html': html(
    app,
    `window.panel = W.mountHelpPanel({ streaming: true, help: { id: 'h2', source: 'authored', text: '' }, onStreamComplete: log('complete') });`,
  ),
  '/nudge.html': html(
    app,
    `W.mountNudge({ plan: ${plan()}, onShown: log('shown'), onAccept: log('accept'), onDismiss: log('dismiss') });`,
  ),
  '/nudge-kinds.html': html(
    app,
    `W.mountNudge({ plan: ${plan({ id: 'held', holdout: true })}, onShown: log('shown-holdout') });
     W.mountNudge({ plan: ${plan({ id: 'none', kind: 'none' })}, onShown: log('shown-none') });
     W.mountNudge({ plan: { ...${plan({ id: 'exp', kind: 'ai_help', target: undefined })}, expiresAt: Date.now() + 400 }, onShown: log('shown-exp'), onDismiss: (p, outcome) => window.events.push({ type: 'dismiss', e: { id: p.id, outcome } }) });`,
  ),
  '/progress.html': html(
    `<div id="slot" style="width:320px;padding:20px"></div>`,
    `window.bar = W.mountProgress({ done: 2, total: 5, onComplete: log('complete') }, { container: document.querySelector('#slot') });`,
  ),
  '/isolation.html': html(
    app,
    `W.mountNudge({ plan: ${plan({ target: undefined })}, messages: { notNow: 'Später', acceptHint: 'Zeig es mir' } });`,
    `<style>* { color: rgb(255, 0, 0) !important; font-family: serif !important; } button { background: lime !important; padding: 40px !important; }
      :root { --so-accent: rgb(200, 0, 100); } .card { background: rgb(1, 2, 3); }</style>`,
  ),
  '/elements.html': `<!doctype html><html lang="en"><head><title>elements</title></head><body>
    <main style="padding:60px"><button id="publish">Publish</button>
    <so-progress done="1" total="4" label="Studio setup"></so-progress>
    <so-hint id="hint" target="#publish" heading="Publish when ready" body="It goes live at once." open></so-hint>
    <so-tour id="tour"></so-tour></main>
    <script>
      window.events = [];
      // Set before the bundle loads: the element must pick it up when it upgrades.
      document.querySelector('#tour').steps = [{ id: 'a', title: 'Custom element tour', target: { selector: '#publish' } }];
      for (const t of ['so-shown', 'so-dismiss', 'so-complete']) document.addEventListener(t, (e) => window.events.push({ type: t, e: e.target.id || e.target.localName }));
    </script>
    <script src="/dist/widgets.iife.js"></script></body></html>`,
  '/theme.html': html(
    app,
    `window.mount = (theme) => W.mountNudge({ plan: ${plan({ target: undefined })}, theme });`,
  ),
};

let h: Harness;
beforeAll(async () => {
  h = await startHarness(pages);
});
afterAll(() => h?.close());

describe('Checklist', () => {
  it('shows progress, starts unfinished items, collapses, and completes when required items are done', async () => {
    const page = await h.open('/checklist.html');
    const list = page.locator('so-checklist');
    expect(await list.locator('.eyebrow').first().textContent()).toBe('1 of 3 done');
    expect(await list.locator('button.item').count()).toBe(2);
    await list.locator('button.item', { hasText: 'Set your goals' }).click();
    expect(await waitForEvent(page, 'item')).toMatchObject({ id: 'goals' });
    const toggle = list.locator('button.toggle');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await list.locator('ul').isHidden()).toBe(true);
    await page.evaluate(() =>
      (window as unknown as { list: { update(p: object): void } }).list.update({
        items: [
          { id: 'connect', title: 'Connect an account', done: true },
          { id: 'goals', title: 'Set your goals', done: true },
          { id: 'invite', title: 'Invite a teammate', optional: true },
        ],
      }),
    );
    await waitForEvent(page, 'complete');
    expect(await list.locator('[role=status]').textContent()).toBe('All done. Nice work!');
    await page.context().close();
  });
});

describe('Hint', () => {
  it('puts a beacon on a late target; it opens a tip with focus, Esc returns focus, "Got it" ends it', async () => {
    const page = await h.open('/hint.html');
    await waitForEvent(page, 'shown');
    const target = await box(page, '#late');
    const beacon = (await shadowBox(page, 'so-hint', '.beacon'))!;
    expect(Math.round(beacon.left + 12)).toBe(Math.round(target.right));
    expect(Math.round(beacon.top + 12)).toBe(Math.round(target.top));
    await page.mouse.click(beacon.left + 12, beacon.top + 12);
    await waitForEvent(page, 'open');
    const hint = page.locator('so-hint');
    await expect
      .poll(() => page.evaluate(() => document.querySelector('so-hint')!.shadowRoot!.activeElement?.id))
      .toBe('so-hint-tip');
    expect(await hint.locator('.beacon').getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Escape');
    expect(await hint.locator('[role=dialog]').count()).toBe(0);
    expect(
      await page.evaluate(() => document.querySelector('so-hint')!.shadowRoot!.activeElement?.className),
    ).toBe('beacon');
    await page.keyboard.press('Enter');
    await hint.locator('.primary').click();
    await waitForEvent(page, 'dismiss');
    expect(await hint.locator('.beacon').count()).toBe(0);
    await page.context().close();
  });
});

describe('HelpPanel', () => {
  it('renders streamed AI help as it arrives, says it is generated, lists sources and rings the target', async () => {
    const page = await h.open('/help.html');
    await waitForEvent(page, 'shown');
    const panel = page.locator('so-help-panel');
    expect(await panel.locator('.badge').textContent()).toBe('Generated by AI. It can make mistakes.');
    expect(await panel.locator('.badge').getAttribute('data-source')).toBe('generated');
    // Partial text shows before the stream ends, while the region is marked busy.
    await expect.poll(() => panel.locator('.body').textContent()).toContain('To schedule a post');
    expect(await panel.locator('.scroll').getAttribute('aria-busy')).toBe('true');
    expect(await panel.locator('[role=status]').textContent()).toBe('Writing an answer…');
    const done = await waitForEvent(page, 'complete');
    expect(done).toContain('open **Calendar**');
    expect(await panel.locator('[role=status]').textContent()).toBe('Answer complete');
    expect(await panel.locator('.scroll').getAttribute('aria-busy')).toBe('false');
    expect(await panel.locator('strong').textContent()).toBe('Calendar');
    expect(await panel.locator('.body li').allTextContents()).toEqual(['pick a date', 'press Schedule']);
    // Model output is text, never markup.
    expect(await panel.locator('img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    const link = panel.locator('.sources a');
    expect(await link.textContent()).toBe('Scheduling posts');
    expect(await link.getAttribute('href')).toBe('https://help.example.com/scheduling');
    const target = await box(page, '#schedule');
    const ring = (await shadowBox(page, 'so-help-panel', '.spot'))!;
    expect(Math.round(ring.left - target.left)).toBe(-6);
    expect(await panel.locator('button', { hasText: 'Show me where' }).count()).toBe(1);
    await page.keyboard.press('Escape');
    await waitForEvent(page, 'close');
    await page.context().close();
  });

  it('on a phone, "Show me where" scrolls the target into the space above the sheet', async () => {
    const page = await h.open('/help.html', { width: 375, height: 667 });
    await waitForEvent(page, 'complete');
    await page.evaluate(() => {
      const spacer = document.createElement('div');
      spacer.style.height = '1500px';
      document.querySelector('main')!.prepend(spacer);
      document.querySelector('main')!.append(spacer.cloneNode());
    });
    const sheet = (await shadowBox(page, 'so-help-panel', '.panel'))!;
    expect(sheet.left).toBe(0);
    await page.locator('so-help-panel button', { hasText: 'Show me where' }).click();
    await expect
      .poll(async () => {
        const t = await box(page, '#schedule');
        return t.top >= 0 && t.bottom <= sheet.top;
      })
      .toBe(true);
    await page.context().close();
  });

  it('takes incremental props, and says when help is authored', async () => {
    const page = await h.open('/help-incremental.html');
    const panel = page.locator('so-help-panel');
    expect(await panel.locator('.badge').textContent()).toBe('Written by the product team');
    type Panel = { panel: { update(p: object): void } };
    await page.evaluate(() =>
      (window as unknown as Panel).panel.update({
        help: { id: 'h2', source: 'authored', text: 'Open the calendar' },
      }),
    );
    expect(await panel.locator('.body').textContent()).toBe('Open the calendar');
    expect(await events(page)).toEqual([]);
    await page.evaluate(() => (window as unknown as Panel).panel.update({ streaming: false }));
    expect(await waitForEvent(page, 'complete')).toBe('Open the calendar');
    await page.context().close();
  });
});

describe('Nudge', () => {
  it('shows an intervention beside its target without stealing focus; accept and dismiss report back', async () => {
    const page = await h.open('/nudge.html');
    await page.focus('#before');
    const shown = await waitForEvent(page, 'shown');
    expect(shown).toMatchObject({ id: 'plan-1', kind: 'hint' });
    const nudge = page.locator('so-nudge');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('before');
    expect(await nudge.locator('[role=status]').textContent()).toBe('Suggestion: Stuck on scheduling?');
    await page.waitForFunction(() =>
      document.querySelector('so-nudge')!.shadowRoot!.querySelector('[data-placed]'),
    );
    const card = (await shadowBox(page, 'so-nudge', '[role=dialog]'))!;
    const target = await box(page, '#schedule');
    expect(card.top).toBeGreaterThan(target.bottom);
    await nudge.locator('.primary').click();
    expect(await waitForEvent(page, 'accept')).toMatchObject({ id: 'plan-1' });
    expect(await nudge.locator('[role=dialog]').count()).toBe(0);
    await page.context().close();
  });

  it('shows nothing for holdout and "none" plans, and reports an expired one as ignored', async () => {
    const page = await h.open('/nudge-kinds.html');
    expect(await waitForEvent(page, 'dismiss')).toEqual({ id: 'exp', outcome: 'ignored' });
    const types = (await events(page)).map((e) => e.type);
    expect(types).toEqual(['shown-exp', 'dismiss']);
    expect(await page.locator('so-nudge [role=dialog]').count()).toBe(0);
    await page.context().close();
  });
});

describe('Progress', () => {
  it('is a labelled progressbar that reports completion', async () => {
    const page = await h.open('/progress.html');
    const bar = page.locator('so-progress [role=progressbar]');
    expect(await bar.getAttribute('aria-valuenow')).toBe('40');
    expect(await bar.getAttribute('aria-valuetext')).toBe('2 of 5 steps');
    expect(await bar.getAttribute('aria-label')).toBe('Onboarding progress');
    expect(await page.evaluate(() => document.querySelector('#slot so-progress') !== null)).toBe(true);
    await page.evaluate(() =>
      (window as unknown as { bar: { update(p: object): void } }).bar.update({ done: 5 }),
    );
    await waitForEvent(page, 'complete');
    expect(await bar.getAttribute('aria-valuenow')).toBe('100');
    await page.context().close();
  });
});

describe('shadow-root isolation, theming and i18n', () => {
  it('keeps page styles out and its own in, takes --so-* variables and translated strings', async () => {
    const page = await h.open('/isolation.html');
    const primary = page.locator('so-nudge .primary');
    const style = await primary.evaluate((el) => {
      const s = getComputedStyle(el);
      return { bg: s.backgroundColor, color: s.color, font: s.fontFamily, padding: s.paddingTop };
    });
    expect(style.bg).toBe('rgb(200, 0, 100)');
    expect(style.color).not.toBe('rgb(255, 0, 0)');
    expect(style.font).toBe('system-ui, sans-serif');
    expect(style.padding).toBe('7px');
    expect(
      await page.evaluate(() => getComputedStyle(document.querySelector('#page-card')!).backgroundColor),
    ).toBe('rgb(1, 2, 3)');
    expect(
      await page.evaluate(() => getComputedStyle(document.querySelector('#page-card')!).borderTopWidth),
    ).toBe('0px');
    expect(await primary.textContent()).toBe('Zeig es mir');
    expect(await page.locator('so-nudge .btn:not(.primary)').textContent()).toBe('Später');
    await page.context().close();
  });

  it('follows prefers-color-scheme, and an explicit theme overrides it', async () => {
    const page = await h.open('/theme.html');
    const bg = async (theme: string) => {
      await page.evaluate((t) => {
        document.querySelector('so-nudge')?.remove();
        (window as unknown as { mount(t: string): void }).mount(t);
      }, theme);
      return page.locator('so-nudge .card').evaluate((el) => getComputedStyle(el).backgroundColor);
    };
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await bg('auto')).toBe('rgb(255, 255, 255)');
    expect(await bg('dark')).toBe('rgb(28, 30, 37)');
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await bg('auto')).toBe('rgb(28, 30, 37)');
    expect(await bg('light')).toBe('rgb(255, 255, 255)');
    await page.context().close();
  });

  it('honours prefers-reduced-motion', async () => {
    const page = await h.open('/theme.html');
    const animation = async () => {
      await page.evaluate(() => {
        document.querySelector('so-nudge')?.remove();
        (window as unknown as { mount(t: string): void }).mount('auto');
      });
      return page.locator('so-nudge .card').evaluate((el) => getComputedStyle(el).animationName);
    };
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    expect(await animation()).toBe('so-in');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    expect(await animation()).toBe('none');
    await page.context().close();
  });
});

describe('custom elements', () => {
  it('render from attributes, pick up properties set before upgrade, and fire DOM events', async () => {
    const page = await h.open('/elements.html');
    expect(await page.locator('so-progress [role=progressbar]').getAttribute('aria-valuenow')).toBe('25');
    expect(await page.locator('so-progress .row').textContent()).toContain('Studio setup');
    await expect
      .poll(() => page.locator('so-hint [role=dialog] h2').textContent())
      .toBe('Publish when ready');
    await expect
      .poll(async () => (await events(page)).map((e) => `${e.type}:${e.e}`))
      .toContain('so-shown:tour');
    expect(await page.locator('so-tour [role=dialog] h2').textContent()).toBe('Custom element tour');
    expect(await page.evaluate(() => (document.querySelector('#hint') as HTMLElement).title)).toBe(
      'Publish when ready',
    );
    expect(await page.evaluate(() => document.querySelector('#hint')!.hasAttribute('title'))).toBe(false);
    await page.locator('so-tour .x').click();
    await expect
      .poll(async () => (await events(page)).map((e) => `${e.type}:${e.e}`))
      .toContain('so-dismiss:tour');
    await page.context().close();
  });
});
