import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { box, type Harness, html, shadowBox, startHarness, waitForEvent } from './harness';

// What a new visitor meets in the first minutes: a tour that never takes the keyboard away, cards that
// leave the controls around their target free, numbering that agrees with the progress bar, and steps
// on another page that say where they are.

const compose = `<main style="padding:40px;max-width:560px">
  <h1>Compose</h1>
  <div id="card"><label for="caption">Caption</label>
    <textarea id="caption" rows="5" style="display:block;width:100%"></textarea>
    <fieldset><legend>Destinations</legend><label><input type="checkbox" checked> instagram</label></fieldset>
    <details><summary id="advanced">Advanced options</summary><select id="slot"><option>None</option></select></details>
    <button id="schedule">Schedule</button></div></main>`;

const profileTour = `W.mountTour({ steps: [{ id: 'profile', title: 'Create your profile', body: 'Two details.',
  target: { selector: '#signup-form', route: '/signup' } }], onShown: log('shown') });`;

const pages: Record<string, string> = {
  // The app tracks a draft after three characters and the next step starts while the user types.
  '/typing.html': html(
    compose,
    `window.tour = W.mountTour({ steps: [{ id: 'write', title: 'Write', body: 'A caption.', target: { selector: '#caption' } }], onShown: log('shown') });
     document.querySelector('#caption').addEventListener('input', (e) => {
       if (e.target.value.length === 3 && !window.next) {
         window.tour.destroy();
         window.next = W.mountTour({ steps: [{ id: 'schedule', title: 'Schedule it', body: 'Pick a slot.', target: { selector: '#schedule' } }], onShown: log('next') });
       }
     });`,
  ),
  '/compose.html': html(
    compose,
    `W.mountTour({ steps: [{ id: 'write', title: 'Write your first post', body: 'Write a caption and choose where it goes.', target: { selector: '#caption' } }], onShown: log('shown') });`,
  ),
  '/channels.html': html(
    `<main style="padding:40px"><ul style="list-style:none;padding:0;width:420px">
      ${['instagram', 'tiktok', 'youtube'].map((c) => `<li style="display:flex;justify-content:space-between;padding:12px;border:1px solid #ccc;margin-bottom:8px"><span>${c}</span><button id="connect-${c}">Connect</button></li>`).join('')}
     </ul></main>`,
    `W.mountTour({ steps: [{ id: 'connect', title: 'Connect a social account', body: 'Connect at least one channel.', target: { selector: '#connect-instagram' } }], onShown: log('shown') });`,
  ),
  '/numbered.html': html(
    `<main style="padding:40px"><button id="go">Go</button></main>`,
    `W.mountTour({ numbering: { first: 3, total: 5 }, steps: [{ id: 'c', title: 'Third of five', target: { selector: '#go' }, goal: { kind: 'click' } }], onShown: log('shown') });`,
  ),
  '/last.html': html(
    `<main style="padding:40px"><button id="go">Go</button></main>`,
    `W.mountTour({ numbering: { first: 5, total: 5 }, steps: [{ id: 'e', title: 'Last of five', target: { selector: '#go' }, goal: { kind: 'click' } }], onShown: log('shown') });`,
  ),
  '/start.html': html(
    `<main style="padding:40px"><input id="name" aria-label="Name"></main>`,
    `document.querySelector('#name').focus();
     ${profileTour}`,
  ),
  '/signup': html(`<form id="signup-form" style="margin:40px"><input aria-label="Name"></form>`, profileTour),
  '/progress.html': html(
    `<div id="box" style="width:240px;margin:40px"></div>`,
    `W.mountProgress({ done: 1, total: 5, label: 'Next: Connect a social account to publish' }, { container: document.querySelector('#box') });`,
  ),
};

let h: Harness;
beforeAll(async () => {
  h = await startHarness(pages);
});
afterAll(() => h?.close());

const card = (page: Page) => shadowBox(page, 'so-tour', '.card');
const overlaps = (
  a: { top: number; left: number; bottom: number; right: number },
  b: { top: number; left: number; bottom: number; right: number },
) => a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top;

describe('the first run, in Chromium', () => {
  it('never takes focus from a field the user types in, when a step starts or ends', async () => {
    const page = await h.open('/typing.html');
    await waitForEvent(page, 'shown');
    await page.click('#caption');
    // Human-paced typing: the next step starts after the third character.
    await page.keyboard.type('Behind the scenes', { delay: 60 });
    await waitForEvent(page, 'next');
    await page.keyboard.type('!', { delay: 60 });
    expect(await page.inputValue('#caption')).toBe('Behind the scenes!');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('caption');
    await page.context().close();
  });

  it('still takes focus into its card when the user is not in a field', async () => {
    const page = await h.open('/compose.html');
    await waitForEvent(page, 'shown');
    expect(await page.evaluate(() => document.activeElement?.tagName.toLowerCase())).toBe('so-tour');
    await page.context().close();
  });

  it('places the card clear of the target and the controls next to it', async () => {
    const page = await h.open('/compose.html');
    await waitForEvent(page, 'shown');
    await page.waitForFunction(() =>
      document.querySelector('so-tour')!.shadowRoot!.querySelector('[data-placed]'),
    );
    const c = (await card(page))!;
    for (const selector of ['#caption', '#advanced', '#schedule', 'fieldset'])
      expect(overlaps(c, await box(page, selector)), selector).toBe(false);
    await page.context().close();

    const list = await h.open('/channels.html');
    await waitForEvent(list, 'shown');
    await list.waitForFunction(() =>
      document.querySelector('so-tour')!.shadowRoot!.querySelector('[data-placed]'),
    );
    const c2 = (await card(list))!;
    for (const selector of ['#connect-instagram', '#connect-tiktok', '#connect-youtube'])
      expect(overlaps(c2, await box(list, selector)), selector).toBe(false);
    await list.context().close();
  });

  it('numbers the step in the whole journey when told where it sits', async () => {
    const page = await h.open('/numbered.html');
    await waitForEvent(page, 'shown');
    expect(await page.locator('so-tour .card .eyebrow').textContent()).toBe('Step 3 of 5');
    // Its goal met, the card says that step is done: the tour is not complete after step 3 of 5.
    const said = page.locator('so-tour [role=status]');
    await page.click('#go');
    await expect.poll(() => said.textContent()).toBe('Step 3 of 5 done');
    await page.context().close();
    const last = await h.open('/last.html');
    await waitForEvent(last, 'shown');
    await last.click('#go');
    await expect.poll(() => last.locator('so-tour [role=status]').textContent()).toBe('Tour complete');
    await last.context().close();
  });

  it('shows a step that lives on another page, with a link there, and leaves focus alone', async () => {
    const page = await h.open('/start.html');
    const cardText = page.locator('so-tour .card');
    await expect.poll(() => cardText.count()).toBe(1);
    expect(await page.locator('so-tour .card .title').textContent()).toBe('Create your profile');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('name');
    await page.locator('so-tour .card a').click();
    await page.waitForURL('**/signup');
    await waitForEvent(page, 'shown');
    expect(await page.locator('so-tour [role=dialog] .title').textContent()).toBe('Create your profile');
    await page.context().close();
  });

  it('keeps the progress label on one line, however long', async () => {
    const page = await h.open('/progress.html');
    const row = await shadowBox(page, 'so-progress', '.row');
    expect(row!.height).toBeLessThan(26);
    await page.context().close();
  });
});
