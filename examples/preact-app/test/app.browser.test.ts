import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ExampleApp, startExampleApp } from '@smart-onboarding/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../build.mjs';

/**
 * The Preact example as its users meet it: built by its own build script, served over HTTP, run in
 * Chromium against the real local edge (`pnpm dev`'s demo), driven with real (CDP) input.
 */
const appRoot = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'public');

let example: ExampleApp;

beforeAll(async () => {
  example = await startExampleApp({ root: appRoot, build: buildApp });
});
afterAll(async () => {
  await example?.close();
});

const openApp = () => example.open();

const tourHeading = (page: Page) => page.locator('so-layer [role=dialog] h2');
const checklistItem = (page: Page, title: string) =>
  page.locator('so-layer section[aria-label="Get cooking"] .item', { hasText: title });

describe('Preact example (Pantry)', () => {
  it('renders the tour, checklist and progress inside the Preact app', async () => {
    const { page } = await openApp();
    await expect.poll(() => tourHeading(page).textContent()).toBe('Save your first recipe');
    const checklist = page.locator('so-layer section[aria-label="Get cooking"]');
    expect(await checklist.locator('.item').count()).toBe(3);
    expect(await checklist.locator('.eyebrow').textContent()).toBe('0 of 3 done');
    const bar = page.locator('header.top [data-so-widget] [role=progressbar]');
    expect(await bar.getAttribute('aria-valuenow')).toBe('0');
    await page.close();
  });

  it('advances the tour and completes checklist items on the real clicks, reports them to the edge, and resumes after a reload', async () => {
    const { page, traffic } = await openApp();
    await expect.poll(() => tourHeading(page).textContent()).toBe('Save your first recipe');
    const addItem = checklistItem(page, 'Save your first recipe');
    expect(await addItem.getAttribute('class')).toContain('item');
    expect(await addItem.getAttribute('class')).not.toContain('done');

    await page.click('#add-recipe');
    await expect.poll(() => addItem.getAttribute('class')).toBe('item done');
    expect(await page.locator('.recipe strong').first().textContent()).toBe('Shakshuka');
    // The next step's target rendered only now, after the click: the tour waited for it.
    await expect.poll(() => tourHeading(page).textContent()).toBe('Plan tonight’s dinner');

    await page.click('.recipe [data-plan]');
    await expect
      .poll(() => checklistItem(page, 'Plan tonight’s dinner').getAttribute('class'))
      .toBe('item done');
    await expect.poll(() => tourHeading(page).textContent()).toBe('Make your shopping list');
    expect(
      await page.locator('header.top [data-so-widget] [role=progressbar]').getAttribute('aria-valuenow'),
    ).toBe('67');

    const accepted = await traffic.waitForAccepted('meal_planned');
    expect(accepted.eventType).toBe('track');
    await traffic.waitForAccepted('recipe_added');
    expect(traffic.socketOpened()).toBe(true);

    // A reload mid-tour resumes at the first open step, with the plan and the checklist kept.
    await page.reload();
    await expect.poll(() => tourHeading(page).textContent()).toBe('Make your shopping list');
    expect(await checklistItem(page, 'Plan tonight’s dinner').getAttribute('class')).toBe('item done');
    expect(await page.locator('#plan li').textContent()).toBe('Shakshuka');
    await page.close();
  });

  it('does not complete the shopping-list step when there is nothing planned', async () => {
    const { page } = await openApp();
    const item = checklistItem(page, 'Make your shopping list');
    await item.waitFor();
    await page.click('#make-list');
    await expect
      .poll(() => page.locator('#shopping [role=status]').textContent())
      .toContain('Plan a meal first');
    expect(await item.getAttribute('class')).toBe('item');
    await page.close();
  });
  it('shows the edge’s intervention as a nudge when the user rage-clicks the import button that does nothing', async () => {
    const { context, page, traffic, plan } = await example.rageClickUntilPlanned(
      '#import-recipe',
      async (p) => {
        await expect.poll(() => tourHeading(p).textContent()).toBe('Save your first recipe');
        await p.keyboard.press('Escape');
        await expect.poll(() => tourHeading(p).count()).toBe(0);
      },
    );
    // The nudge points at the element the user struggled with, and accepting it is reported.
    expect(plan.target?.selector).toContain('import-recipe');
    const card = page.locator('so-layer .card', { has: page.locator('#so-nudge-title') });
    const title = card.locator('#so-nudge-title');
    await expect.poll(() => title.textContent()).toBe(plan.title);
    expect(await card.getAttribute('class')).toContain('pop');
    await card.locator('button.primary').click();
    await expect.poll(() => page.locator('so-layer #so-nudge-title').count()).toBe(0);
    await traffic.waitForAccepted('nudge_accepted');
    await context.close();
  });

  it('puts the checklist in the page on a phone, so the tour’s bottom sheet is not covered', async () => {
    const context = await example.browser.newContext({
      viewport: { width: 390, height: 760 },
      isMobile: true,
    });
    const page = await context.newPage();
    await page.goto(`${example.app.url}/index.html`);
    await page.locator('main [data-so-widget] section[aria-label="Get cooking"]').waitFor();
    expect(await page.locator('so-layer section[aria-label="Get cooking"]').count()).toBe(0);
    await expect.poll(() => tourHeading(page).textContent()).toBe('Save your first recipe');
    // The sheet is on top where it stands: the topmost element at its heading is the heading itself.
    const box = (await tourHeading(page).boundingBox())!;
    const onTop = await page.evaluate(
      ([x, y]) => {
        let el = document.elementFromPoint(x!, y!);
        while (el?.shadowRoot?.elementFromPoint(x!, y!) && el.shadowRoot.elementFromPoint(x!, y!) !== el)
          el = el.shadowRoot.elementFromPoint(x!, y!);
        return el?.textContent ?? '';
      },
      [box.x + 4, box.y + box.height / 2],
    );
    expect(onTop).toBe('Save your first recipe');
    await context.close();
  });
});
