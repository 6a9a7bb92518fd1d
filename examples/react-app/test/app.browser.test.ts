import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ExampleApp, startExampleApp } from '@smart-onboarding/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../build.mjs';

/**
 * The React example as its users meet it: built by its own build script, served over HTTP, run in
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

describe('React example (Teamspace)', () => {
  it('renders the checklist, progress and hint inside the React app', async () => {
    const { page } = await openApp();
    const checklist = page.locator('so-checklist section[aria-label="Set up your workspace"]');
    await checklist.waitFor();
    expect(await checklist.locator('.item').count()).toBe(3);
    expect(await checklist.locator('.eyebrow').textContent()).toBe('0 of 3 done');
    // Progress renders where the component stands: in the app's sticky header.
    const bar = page.locator('header.top so-progress [role=progressbar]');
    expect(await bar.getAttribute('aria-valuenow')).toBe('0');
    // The hint's beacon sits on the integrations heading and opens its tip on a real click.
    const beacon = page.locator('so-hint button').first();
    await beacon.waitFor();
    await beacon.click();
    await expect.poll(() => page.locator('so-hint').getByText('Bring your tools in').isVisible()).toBe(true);
    await page.close();
  });

  it('completes a checklist item on the real action, reports the goal to the edge, and keeps it across a reload', async () => {
    const { page, traffic } = await openApp();
    const item = page.locator('so-checklist .item', { hasText: 'Create your first project' });
    await item.waitFor();
    expect(await item.getAttribute('class')).toBe('item');

    await page.click('#project-name');
    await page.keyboard.type('Website relaunch');
    await page.click('#create-project');

    await expect.poll(() => item.getAttribute('class')).toBe('item done');
    expect(await page.locator('so-checklist .eyebrow').textContent()).toBe('1 of 3 done');
    expect(
      await page.locator('header.top so-progress [role=progressbar]').getAttribute('aria-valuenow'),
    ).toBe('33');
    expect(await page.locator('#projects li').textContent()).toBe('Website relaunch');

    const accepted = await traffic.waitForAccepted('project_created');
    expect(accepted.eventType).toBe('track');
    expect(traffic.socketOpened()).toBe(true);

    // A reload keeps the workspace, and with it the checklist.
    await page.reload();
    await expect
      .poll(() =>
        page.locator('so-checklist .item', { hasText: 'Create your first project' }).getAttribute('class'),
      )
      .toBe('item done');
    expect(await page.locator('#projects li').textContent()).toBe('Website relaunch');
    await page.close();
  });

  it('keeps the step open while the action fails (an invalid email is not an invite)', async () => {
    const { page } = await openApp();
    const item = page.locator('so-checklist .item', { hasText: 'Invite a teammate' });
    await item.waitFor();
    await page.click('#invite-email');
    await page.keyboard.type('not-an-email');
    await page.click('#invite-submit');
    await expect.poll(() => page.locator('#invite-error').textContent()).toContain('Enter an email');
    expect(await item.getAttribute('class')).toBe('item');

    await page.click('#invite-email', { clickCount: 3 });
    await page.keyboard.type('ada@example.com');
    await page.keyboard.press('Enter');
    await expect.poll(() => item.getAttribute('class')).toBe('item done');
    await page.close();
  });

  it('shows the edge’s intervention as a nudge when the user rage-clicks the locked integration', async () => {
    const { context, page, traffic, plan } = await example.rageClickUntilPlanned('#connect-jira');
    // The nudge points at the element the user struggled with, and accepting it is reported.
    expect(plan.target?.selector).toContain('connect-jira');
    const title = page.locator('so-nudge #so-nudge-title');
    await expect.poll(() => title.textContent()).toBe(plan.title);
    expect(await page.locator('so-nudge .card.pop').count()).toBe(1);
    await page.locator('so-nudge button.primary').click();
    await expect.poll(() => page.locator('so-nudge').count()).toBe(0);
    await traffic.waitForAccepted('nudge_accepted');
    await context.close();
  });

  it('puts the checklist in the page on a phone, instead of over it', async () => {
    const context = await example.browser.newContext({
      viewport: { width: 390, height: 760 },
      isMobile: true,
    });
    const page = await context.newPage();
    await page.goto(`${example.app.url}/index.html`);
    const checklist = page.locator('main so-checklist section[aria-label="Set up your workspace"]');
    await checklist.waitFor();
    expect(await checklist.evaluate((el) => getComputedStyle(el).position)).not.toBe('fixed');
    expect(await page.locator('body > so-checklist').count()).toBe(0);
    await context.close();
  });
});
