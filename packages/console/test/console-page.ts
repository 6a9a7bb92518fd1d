import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The demo tenant's secret key (edge/src/dev/demo-tenant.json): a tenant's server inviting its first member. */
export const DEMO_SECRET = 'sk_demo_local';
export const PASSWORD = 'correct horse battery staple';

/** Invites `email` with the secret key, as a platform team does once; answers the invitation token. */
export async function inviteWithSecretKey(edge: string, email: string, role: 'owner' | 'editor' | 'viewer') {
  const res = await fetch(`${edge}/v1/admin/members`, {
    method: 'POST',
    headers: { authorization: `Bearer ${DEMO_SECRET}`, 'content-type': 'application/json' },
    body: JSON.stringify({ email, role }),
  });
  if (res.status !== 201) throw new Error(`invite: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { invitationToken: string }).invitationToken;
}

/** Accepts an invitation over the API (the console's own accept screen is tested once, with the editor). */
export async function acceptWithPassword(edge: string, token: string) {
  const res = await fetch(`${edge}/v1/admin/invitations/accept`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ tenantId: 'demo', token, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`accept: ${res.status} ${await res.text()}`);
}

/** Runs axe-core in the page (WCAG 2.x A and AA, best practices) and answers its violations. */
async function axeViolations(page: Page) {
  // Evaluated over CDP: the console's policy (script-src 'self') rightly refuses an injected script tag.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected as a page global.
    const axe = (window as any).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return result.violations.map(
      (v: { id: string; help: string; nodes: { target: string[] }[] }) =>
        `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
    );
  });
}

/** Presses Tab (or Shift+Tab) until `selector` has focus, at most `limit` times; fails if it never does. */
export async function tabTo(
  page: Page,
  selector: string,
  options: { backwards?: boolean; limit?: number } = {},
) {
  for (let i = 0; i < (options.limit ?? 40); i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press(options.backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** The README's screenshots: `CONSOLE_SCREENSHOTS=1 npx vitest run --project console-browser`. */
export const SCREENSHOTS_DIR = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  'docs',
  'console',
);

/** No axe violation on the screen shown, in light and in dark; leaves the page light. */
export async function expectAxeClean(page: Page) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    expect(await axeViolations(page), `${colorScheme}: ${page.url()}`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}
