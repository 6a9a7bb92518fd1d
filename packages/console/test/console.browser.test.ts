import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { type DevServer, launchChromium, startDevServer } from '@smart-onboarding/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  acceptWithPassword,
  DEMO_SECRET,
  expectAxeClean,
  inviteWithSecretKey,
  PASSWORD,
  SCREENSHOTS_DIR,
  tabTo,
} from './console-page';

/**
 * The console as a product manager meets it: served by the real edge under wrangler dev (local D1), in
 * Chromium with real input. The keyboard alone signs in and saves; axe finds nothing in light or dark.
 */
let edge: DevServer;
let browser: Browser;
let page: Page;
// Fixed addresses: every run starts from a fresh local state (startDevServer's own directory).
const email = 'pm@demo.test';
const flow = 'creator-studio';

beforeAll(async () => {
  edge = await startDevServer();
  browser = await launchChromium();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
  await edge?.stop();
});

const consoleUrl = () => `${edge.url}/console/`;

describe('the console', () => {
  it('is served by the edge at /console with a strict policy', async () => {
    const res = await fetch(`${edge.url}/console`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(await res.text()).toContain('/console/console.js');
    const script = await fetch(`${edge.url}/console/console.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toContain('javascript');
    expect((await fetch(`${edge.url}/console/nope.js`)).status).toBe(404);
  });

  it('accepts an invitation, then signs in with the keyboard alone', async () => {
    const token = await inviteWithSecretKey(edge.url, email, 'editor');
    await page.goto(`${consoleUrl()}#/accept?tenant=demo&token=${token}`);
    await page.getByLabel('Choose a password').fill('short');
    await page.getByRole('button', { name: 'Set my password' }).click();
    // The edge's own message, next to the field.
    await expect.poll(() => page.locator('#f-password-issues').textContent()).toContain('12');
    await page.getByLabel('Choose a password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Set my password' }).click();
    await page.getByText(`Welcome, ${email}`).waitFor();
    await expectAxeClean(page);

    await page.goto(consoleUrl());
    await page.getByRole('heading', { name: 'Sign in to Smart Onboarding' }).waitFor();
    await expectAxeClean(page);
    await tabTo(page, '#f-tenantId');
    // The team is remembered from the invitation.
    expect(await page.inputValue('#f-tenantId')).toBe('demo');
    await page.keyboard.press('Tab');
    await page.keyboard.type(email);
    await page.keyboard.press('Tab');
    await page.keyboard.type('not the password');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('invalid_credentials');
    // Focus stayed in the password field: select what was typed and type it again.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-password');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Flows' }).waitFor();
    expect(await page.locator('header .who').textContent()).toContain(`${email} (editor, team demo)`);
    await expectAxeClean(page);
  });

  it('edits a draft, shows the validation issue next to its field, saves with the keyboard, publishes', async () => {
    await page.getByRole('link', { name: 'Creator Studio: first post' }).click();
    await page.getByRole('heading', { name: `Flow ${flow}` }).waitFor();
    const title = page.locator('#f-steps-0-title');
    await title.waitFor();
    expect(await title.inputValue()).toBe('Create your profile');
    await expectAxeClean(page);

    // A cleared title is saved as typed, and the edge's issue lands under the Title field.
    await title.fill('');
    await page.getByRole('button', { name: 'Save draft' }).click();
    const issue = page.locator('#f-steps-0-title-issues');
    await issue.waitFor();
    expect(await title.getAttribute('aria-invalid')).toBe('true');
    expect(await title.getAttribute('aria-describedby')).toContain('f-steps-0-title-issues');
    expect(await page.getByRole('status').textContent()).toContain('problem(s) to fix');
    // Publishing an invalid draft is refused by the edge.
    await page.getByRole('button', { name: 'Publish' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('validation_failed');
    await expectAxeClean(page);
    await page.setViewportSize({ width: 1280, height: 900 });
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      const png = await page.screenshot({ caret: 'hide' });
      expect(png.length).toBeGreaterThan(10_000);
      // Names and times differ on each run: the README's images change only when asked for.
      if (process.env.CONSOLE_SCREENSHOTS)
        writeFileSync(path.join(SCREENSHOTS_DIR, `draft-editor-${colorScheme}.png`), png);
    }
    await page.emulateMedia({ colorScheme: 'light' });

    // The fix with the keyboard alone, from the Publish button: back to the problem's entry in the
    // summary, Enter moves focus to its field, type, Enter saves (a field's Enter submits the form).
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Publish');
    await tabTo(page, 'section.summary button', { backwards: true });
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-steps-0-title');
    await page.keyboard.type('Create your creator profile');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').textContent()).toContain('It validates');
    expect(await issue.count()).toBe(0);
    expect(await title.getAttribute('aria-invalid')).toBeNull();

    await page.getByRole('button', { name: 'Publish' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Published version 2.');
  });

  it('tells an editor when someone else saved first, and loses nothing', async () => {
    const draft = await fetch(`${edge.url}/v1/admin/flows/${flow}/draft`, {
      headers: { authorization: `Bearer ${DEMO_SECRET}` },
    });
    const body = (await draft.json()) as { definition: { name: string } };
    const other = await fetch(`${edge.url}/v1/admin/flows/${flow}/draft`, {
      method: 'PUT',
      headers: {
        authorization: `Bearer ${DEMO_SECRET}`,
        'content-type': 'application/json',
        'if-match': draft.headers.get('etag')!,
      },
      body: JSON.stringify({ ...body.definition, name: 'Renamed by a colleague' }),
    });
    expect(other.status).toBe(200);

    await page.locator('#f-name').fill('My rename');
    await page.getByRole('button', { name: 'Save draft' }).click();
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('Someone else saved this draft by secret key');
    expect(await page.locator('#f-name').inputValue()).toBe('My rename');
    await page.getByRole('button', { name: 'Load the latest draft' }).click();
    await expect.poll(() => page.locator('#f-name').inputValue()).toBe('Renamed by a colleague');
  });

  it('edits the same draft as raw JSON: text that is not JSON is refused beside it', async () => {
    await page.getByText('Raw JSON (variants and every other field)').click();
    const raw = page.getByLabel('Flow definition as JSON');
    const definition = JSON.parse(await raw.inputValue()) as { name: string; steps: unknown[] };
    await raw.fill('{ "name": ');
    await page.getByRole('button', { name: 'Apply JSON to the form' }).click();
    await expect.poll(() => page.locator('#f-raw-issues').textContent()).toContain('Not JSON');
    await raw.fill(JSON.stringify({ ...definition, name: 'Named in JSON' }));
    await page.getByRole('button', { name: 'Apply JSON to the form' }).click();
    expect(await page.locator('#f-name').inputValue()).toBe('Named in JSON');
    expect(await page.locator('#f-raw-issues').count()).toBe(0);
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('It validates');
  });

  it('asks before leaving a draft with unsaved changes', async () => {
    await page.locator('#f-name').fill('Not saved yet');
    const asked: string[] = [];
    page.once('dialog', (d) => {
      asked.push(d.message());
      return d.dismiss();
    });
    await page.getByRole('link', { name: 'History' }).click();
    await expect.poll(() => asked.length).toBe(1);
    expect(asked[0]).toContain('not saved');
    expect(await page.locator('#f-name').inputValue()).toBe('Not saved yet');
    expect(page.url()).not.toContain('/history');
    page.once('dialog', (d) => d.accept());
    await page.getByRole('link', { name: 'History' }).click();
    await page.locator('table.history').waitFor();
  });

  it('shows the history with what changed, and rolls back as a new version', async () => {
    await page.getByRole('link', { name: 'History' }).click();
    const rows = page.locator('table.history tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.first().textContent()).toContain(`v2`);
    expect(await rows.first().textContent()).toContain(email);
    await page.getByRole('button', { name: 'Changes in v2' }).click();
    const diff = page.getByRole('region', { name: 'Changes from version 1 to version 2' });
    await expect.poll(() => diff.textContent()).toContain('steps.create-profile.title');
    expect(await diff.textContent()).toContain('Create your creator profile');
    await expectAxeClean(page);

    await page.getByRole('button', { name: 'Roll back to v1' }).click();
    await page.getByRole('button', { name: 'Yes, make v1 live again' }).click();
    await expect
      .poll(() => page.getByRole('status').textContent())
      .toBe('Rolled back: version 3 has the definition of version 1.');
    await expect.poll(() => rows.count()).toBe(3);
    expect(await rows.first().textContent()).toContain('rollback to v1');
  });

  it('targets the flow: a bad rollout is refused next to its field, a good rule is saved', async () => {
    await page.getByRole('link', { name: 'Targeting' }).click();
    await page.getByRole('button', { name: 'Add a rule' }).click();
    await page.getByLabel('Pages (one pattern a line; none: every page)').fill('/app/*');
    await page.getByLabel('Rollout (% of matching users)').fill('150');
    await page.getByRole('button', { name: 'Save targeting' }).click();
    await page.locator('#f-rules-0-rolloutPercent-issues').waitFor();
    await expectAxeClean(page);
    await page.getByLabel('Rollout (% of matching users)').fill('50');
    await page.getByRole('button', { name: 'Save targeting' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Saved the targeting rules');
    const saved = await fetch(`${edge.url}/v1/admin/targeting`, {
      headers: { authorization: `Bearer ${DEMO_SECRET}` },
    });
    expect(((await saved.json()) as { rules: unknown[] }).rules).toEqual([
      { flowId: flow, enabled: true, pages: ['/app/*'], traits: [], rolloutPercent: 50 },
    ]);
  });

  it('keeps keys and the team to owners, and shows the audit log', async () => {
    await page.getByRole('link', { name: 'Keys' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('role_forbidden');
    await page.getByRole('link', { name: 'Audit log' }).click();
    const audit = page.locator('table.audit');
    await expect.poll(() => audit.textContent()).toContain('publishFlowDraft');
    expect(await audit.textContent()).toContain(`${email}publishFlowDraft`);
    expect(await audit.textContent()).toContain('rollbackFlow');
    expect(await audit.textContent()).toContain('setTargeting');
    await expectAxeClean(page);
  });

  it('lets an owner create, rotate and revoke keys, set origins and manage the team', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to Smart Onboarding' }).waitFor();
    const owner = 'owner@demo.test';
    await acceptWithPassword(edge.url, await inviteWithSecretKey(edge.url, owner, 'owner'));
    await page.getByLabel('E-mail').fill(owner);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // Signed in again on the screen the URL names (the audit log, where the editor signed out).
    await page.getByRole('heading', { name: 'Audit log' }).waitFor();
    expect(await page.locator('header .who').textContent()).toContain(`${owner} (owner, team demo)`);

    await page.getByRole('link', { name: 'Keys' }).click();
    const rows = page.locator('section[aria-labelledby=keys-title] tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    await page.getByRole('button', { name: 'New publishable key' }).click();
    const shown = page.locator('.secret code');
    await expect.poll(() => shown.textContent()).toMatch(/^pk_/);
    const created = (await shown.textContent())!;
    await expect.poll(() => rows.count()).toBe(3);
    const prefix = created.slice(0, 10);
    await page.getByRole('button', { name: `Rotate ${prefix}` }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Rotated');
    const rotated = (await shown.textContent())!;
    expect(rotated).not.toBe(created);
    // The old key is refused by the edge from now on.
    const withOld = await fetch(`${edge.url}/v1/flows/${flow}`, { headers: { 'x-so-key': created } });
    expect(withOld.status).toBe(401);
    await page.getByRole('button', { name: `Revoke ${rotated.slice(0, 10)}` }).click();
    await page.getByRole('button', { name: `Yes, revoke ${rotated.slice(0, 10)}` }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Revoked');
    await expectAxeClean(page);

    const origins = page.getByLabel('Origins that may use the publishable keys (one a line)');
    await origins.fill('http://127.0.0.1:*\nnot an origin');
    await page.getByRole('button', { name: 'Save origins' }).click();
    await expect.poll(() => page.locator('#f-allowedOrigins-issues').textContent()).toContain('line 2');
    await origins.fill('http://127.0.0.1:*\nhttp://localhost:*\nhttps://app.example.com');
    await page.getByRole('button', { name: 'Save origins' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Saved the allowed origins.');
    const saved = await fetch(`${edge.url}/v1/admin/origins`, {
      headers: { authorization: `Bearer ${DEMO_SECRET}` },
    });
    expect(((await saved.json()) as { allowedOrigins: string[] }).allowedOrigins).toContain(
      'https://app.example.com',
    );

    await page.getByRole('link', { name: 'Team' }).click();
    const invitee = 'writer@demo.test';
    await page.getByLabel('E-mail').fill(invitee);
    await page.getByRole('button', { name: 'Invite' }).click();
    await expect
      .poll(() => page.locator('.secret code').textContent())
      .toContain('#/accept?tenant=demo&token=');
    await page.getByLabel(`Role of ${invitee}`).selectOption('viewer');
    await expect.poll(() => page.getByRole('status').textContent()).toContain(`${invitee} is now viewer`);
    await expectAxeClean(page);
  });

  it('edits help articles one by one: a bad link is refused beside it, then saved, edited and deleted', async () => {
    await page.getByRole('link', { name: 'Help' }).click();
    await page.getByRole('heading', { name: 'Help articles' }).waitFor();
    await page.getByRole('button', { name: 'New article' }).click();
    await page.getByLabel('Id').fill('exporting');
    await page.getByLabel('Title').fill('Exporting a video');
    await page.getByLabel('Body (markdown)').fill('# Export\n\nPress **Export** in the top bar.');
    await page.getByLabel('Link (optional)').fill('javascript:alert(1)');
    await page.getByRole('button', { name: 'Save article' }).click();
    // The edge's refusal, next to the field it names.
    await expect.poll(() => page.locator('#f-url-issues').count()).toBe(1);
    await expectAxeClean(page);
    await page.getByLabel('Link (optional)').fill('https://docs.example.com/export');
    await page.getByRole('button', { name: 'Save article' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Saved “Exporting a video”');
    const library = async () =>
      (
        (await (
          await fetch(`${edge.url}/v1/help/articles`, { headers: { authorization: `Bearer ${DEMO_SECRET}` } })
        ).json()) as { articles: { id: string; title: string; body: string }[] }
      ).articles.find((a) => a.id === 'exporting');
    expect(await library()).toMatchObject({
      title: 'Exporting a video',
      body: '# Export\n\nPress **Export** in the top bar.',
    });

    await page.getByLabel('Title').fill('Exporting');
    await page.getByRole('button', { name: 'Save article' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Saved “Exporting”');
    expect((await library())?.title).toBe('Exporting');
    await expectAxeClean(page);

    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Delete article' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Deleted “Exporting”');
    expect(await library()).toBeUndefined();
    await expect.poll(() => page.getByRole('button', { name: 'Exporting', exact: true }).count()).toBe(0);
  });
});
