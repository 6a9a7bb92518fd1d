import { readFileSync } from 'node:fs';
import { type DevServer, launchChromium, startDevServer } from '@smart-onboarding/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import {
  AZURE_TEST_API_KEY,
  type AzureOpenAIStandIn,
  type Behaviour,
  type ReceivedRequest,
  startAzureOpenAIStandIn,
} from '../../../edge/test/azure/azure-openai-server';

/** The stand-in's deployment names for this project (one per project keeps concurrent tests apart). */
const CHAT_DEPLOYMENT = 'e2e-chat';
const EMBEDDING_DEPLOYMENT = 'e2e-embeddings';
const SECRET_KEY = 'sk_demo_local';
const PUBLISHABLE_KEY = 'pk_demo_local';

interface FlowStep {
  id: string;
  title: string;
  target?: { route?: string };
  variants: { id: string; title: string }[];
}
const flow = JSON.parse(
  readFileSync(new URL('../../creator-studio/public/flow.json', import.meta.url), 'utf8'),
) as { steps: FlowStep[] };

/** Every title a step can show under (its own and its variants'). */
const titlesOf = (stepId: string) => {
  const step = flow.steps.find((s) => s.id === stepId)!;
  return [step.title, ...(step.variants ?? []).map((v) => v.title)];
};

export interface Demo {
  azure: AzureOpenAIStandIn;
  server: DevServer;
  browser: Browser;
  studio: string;
  close(): Promise<void>;
}

/** The README's demo (`scripts/dev.mjs`: edge + examples) with AI help pointed at the Azure stand-in. */
export async function startDemo(): Promise<Demo> {
  const azure = await startAzureOpenAIStandIn();
  const server = await startDevServer({
    examples: true,
    // From a fresh clone the demo builds the widgets, the SDK, the React and Preact examples and the
    // model's assets before the edge starts: give it time.
    timeoutMs: 240_000,
    env: {
      AZURE_OPENAI_ENDPOINT: azure.endpoint,
      AZURE_OPENAI_API_KEY: AZURE_TEST_API_KEY,
      AZURE_OPENAI_CHAT_DEPLOYMENT: CHAT_DEPLOYMENT,
      AZURE_OPENAI_EMBEDDING_DEPLOYMENT: EMBEDDING_DEPLOYMENT,
    },
  });
  const browser = await launchChromium();
  const studio = server.examples['creator-studio'];
  if (!studio) throw new Error(`the demo did not serve creator-studio:\n${server.output()}`);
  return {
    azure,
    server,
    browser,
    studio,
    close: async () => {
      await browser.close();
      await server.stop();
      await azure.close();
    },
  };
}

/**
 * In the page, before any script: times from the third click on `#schedule-button` (the event's own
 * timestamp, taken when the browser received the CDP input) to the first moment a nudge's dialog that
 * was not on screen at that click has a box, watched by mutation observers on the document and on each
 * widget's shadow root, and checked on every frame from the third click on. A nudge already showing (the
 * model may answer the first click) is not the rage click's answer.
 */
const LATENCY_PROBE = () => {
  const probe = {
    clicks: [] as number[],
    nudgeAt: 0,
    plans: [] as { kind: string; holdout: boolean }[],
    help: [] as unknown[],
  };
  (window as unknown as { __probe: typeof probe }).__probe = probe;
  const dialogs = () =>
    [...document.querySelectorAll('so-nudge')].flatMap((n) => [
      ...(n.shadowRoot?.querySelectorAll('[role="dialog"]') ?? []),
    ]);
  let before = new Set<Element>();
  const shown = () =>
    dialogs().some((d) => {
      const box = d.getBoundingClientRect();
      return !before.has(d) && box.width > 0 && box.height > 0;
    });
  const watched = new WeakSet<Node>();
  const check = () => {
    for (const host of document.querySelectorAll('so-nudge'))
      if (host.shadowRoot && !watched.has(host.shadowRoot)) {
        watched.add(host.shadowRoot);
        new MutationObserver(check).observe(host.shadowRoot, {
          childList: true,
          subtree: true,
          attributes: true,
        });
      }
    if (!probe.nudgeAt && probe.clicks.length >= 3 && shown()) probe.nudgeAt = performance.now();
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
  // A shadow root attached after its host was inserted (or a card laid out a frame later) causes no
  // mutation the observers above see: a per-frame check from the third click on closes that gap.
  const poll = () => {
    check();
    if (!probe.nudgeAt) requestAnimationFrame(poll);
  };
  document.addEventListener(
    'click',
    (e) => {
      if (!(e.target as Element | null)?.closest?.('#schedule-button')) return;
      probe.clicks.push(e.timeStamp);
      if (probe.clicks.length !== 3) return;
      before = new Set(dialogs());
      requestAnimationFrame(poll);
    },
    true,
  );
};

/** A new visitor (fresh storage: a new anonymous user) on the demo. */
export async function newVisitor(
  demo: Demo,
  options: { consent?: 'denied'; knownBeginner?: boolean; saysOffline?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await demo.browser.newContext({
    viewport: { width: 1280, height: 800 },
    reducedMotion: 'reduce',
  });
  if (options.knownBeginner) {
    // The tenant's server already knows this visitor as a beginner (its sign-up survey said so) and
    // started the journey with that profile; the SDK finds the journey (its start is idempotent).
    const anon = await fetch(`${demo.server.url}/v1/identity/anonymous?key=${PUBLISHABLE_KEY}`, {
      method: 'POST',
    });
    if (!anon.ok) throw new Error(`anonymous identity: ${anon.status} ${await anon.text()}`);
    const identity = (await anon.json()) as { userId: string; userHash: string };
    const started = await fetch(`${demo.server.url}/v1/journeys/${encodeURIComponent(identity.userId)}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${SECRET_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        flowId: 'creator-studio',
        profile: { technicalProficiency: 'beginner', previousExperience: 'none' },
      }),
    });
    if (!started.ok) throw new Error(`initializeUserJourney: ${started.status} ${await started.text()}`);
    await context.addInitScript(
      ([key, value]) => localStorage.setItem(key!, value!),
      [`so_anon:${PUBLISHABLE_KEY}`, JSON.stringify(identity)],
    );
  }
  // Some VPNs, captive portals and sandboxes make the browser report offline while the network works.
  if (options.saysOffline)
    await context.addInitScript(() =>
      Object.defineProperty(Navigator.prototype, 'onLine', { configurable: true, get: () => false }),
    );
  if (options.consent === 'denied')
    await context.addInitScript(() => localStorage.setItem('creator-studio:consent', 'denied'));
  await context.addInitScript(LATENCY_PROBE);
  const page = await context.newPage();
  // E2E_DEBUG=1: the page's console (open the demo with ?debug for the SDK's own warnings).
  if (process.env.E2E_DEBUG) page.on('console', (m) => console.log(`[page] ${m.text()}`));
  return { context, page };
}

/** The anonymous user the SDK adopted in this page (null until it has one). */
export const userOf = (page: Page) =>
  page.evaluate(
    (key) => JSON.parse(localStorage.getItem(`so_anon:${key}`) ?? 'null') as { userId: string } | null,
    PUBLISHABLE_KEY,
  );

/** The edge's own view of the journey, read with the secret key as the tenant's server would. */
export async function journeyOf(demo: Demo, userId: string) {
  const res = await fetch(`${demo.server.url}/v1/journeys/${encodeURIComponent(userId)}`, {
    headers: { authorization: `Bearer ${SECRET_KEY}` },
  });
  if (!res.ok) throw new Error(`getJourney: ${res.status} ${await res.text()}`);
  return (
    (await res.json()) as {
      journey: {
        currentStep: { id: string } | null;
        completedSteps: { stepId: string }[];
        status: string;
        interventions: { id: string; kind: string; outcome?: string }[];
      };
    }
  ).journey;
}

/** The step the edge says this page's user is on, once the journey exists. */
export async function edgeStep(demo: Demo, page: Page): Promise<string | null> {
  for (let i = 0; i < 100; i++) {
    const user = await userOf(page);
    if (user) {
      const res = await fetch(`${demo.server.url}/v1/journeys/${encodeURIComponent(user.userId)}/next`, {
        headers: { authorization: `Bearer ${SECRET_KEY}` },
      });
      if (res.ok) return ((await res.json()) as { step: { id: string } | null }).step?.id ?? null;
    }
    await page.waitForTimeout(100);
  }
  throw new Error('the journey never started');
}

/** Waits until the tour shows `stepId` (under its title or one of its variants'). */
export async function expectTourOn(page: Page, stepId: string) {
  const titles = titlesOf(stepId);
  await page
    .waitForFunction(
      (titles) => {
        const el = document.querySelector('so-tour')?.shadowRoot?.querySelector('#so-tour-title');
        return !!el && titles.includes(el.textContent?.trim() ?? '') && el.getBoundingClientRect().width > 0;
      },
      titles,
      { timeout: 15_000 },
    )
    .catch(async (err) => {
      const seen = await page.evaluate(() =>
        [...document.querySelectorAll('so-tour')].map(
          (t) => t.shadowRoot?.innerHTML.slice(0, 400) ?? '(no shadow)',
        ),
      );
      throw new Error(`the tour did not show ${stepId} on ${page.url()}; tours: ${JSON.stringify(seen)}`, {
        cause: err,
      });
    });
}

/**
 * The tour card and the progress bar count the same journey: "Step 3 of 5" on the card while the bar
 * says "2 of 5 steps" (not "Step 1 of 1" beside "x of 5").
 */
async function expectNumberingAgrees(page: Page) {
  const read = () =>
    page.evaluate(() => ({
      card: document.querySelector('so-tour')?.shadowRoot?.querySelector('.eyebrow')?.textContent?.trim(),
      bar: document
        .querySelector('so-progress')
        ?.shadowRoot?.querySelector('[role="progressbar"]')
        ?.getAttribute('aria-valuetext'),
    }));
  const agree = ({ card, bar }: { card?: string; bar?: string | null }) => {
    const c = /^Step (\d+) of (\d+)$/.exec(card ?? '');
    const b = /^(\d+) of (\d+) steps$/.exec(bar ?? '');
    return !!c && !!b && Number(c[1]) === Number(b[1]) + 1 && c[2] === b[2];
  };
  await expect.poll(read, { timeout: 15_000 }).toSatisfy(agree);
}

const clickNav = (page: Page, href: string) => page.click(`.sidebar a[href="${href}"]`);

/** A step on another page waits for its route: the user goes there through the app's own navigation. */
export async function goToStep(page: Page, stepId: string) {
  const route = flow.steps.find((s) => s.id === stepId)?.target?.route;
  if (route && new URL(page.url()).pathname !== route) await clickNav(page, route);
}

/** Does a step the way a user does: real clicks and key presses through the DevTools protocol. */
export async function doStep(page: Page, stepId: string) {
  switch (stepId) {
    case 'create-profile':
      if (!page.url().endsWith('/signup')) await clickNav(page, '/signup');
      await page.click('input[name="name"]');
      await page.keyboard.type('Ada Creator');
      await page.click('input[name="email"]');
      await page.keyboard.type('ada@example.com');
      await page.focus('select[name="kind"]');
      await page.keyboard.press('ArrowDown');
      await page.click('#signup-form button[type="submit"]');
      return;
    case 'connect-account':
      if (!page.url().endsWith('/connect')) await clickNav(page, '/connect');
      await page.click('#connect-instagram');
      return;
    case 'set-goals':
      if (!page.url().endsWith('/goals')) await clickNav(page, '/goals');
      await page.click('#goals-form input[value="followers"]');
      await page.click('#goals-form button[type="submit"]');
      return;
    case 'create-post':
      if (!page.url().endsWith('/compose')) await clickNav(page, '/compose');
      await page.click('#compose-editor');
      await page.keyboard.type('Behind the scenes of my new video');
      return;
    case 'schedule-post':
      if (!page.url().endsWith('/compose')) await clickNav(page, '/compose');
      await page.click('details.advanced summary');
      await page.focus('#time-slot');
      await page.keyboard.press('ArrowDown');
      await page.click('#schedule-button');
      return;
    default:
      throw new Error(`no way to do step ${stepId}`);
  }
}

/**
 * Walks the journey the edge chooses (it may offer the optional goals step, or skip it) until the user is
 * on `until` (or the flow is done), checking at each step that the tour shows it. Returns the steps done.
 */
export async function walk(demo: Demo, page: Page, until: string | null): Promise<string[]> {
  const done: string[] = [];
  for (let i = 0; i < flow.steps.length + 1; i++) {
    const step = await edgeStep(demo, page);
    if (process.env.E2E_DEBUG) console.log(`walk: ${(await userOf(page))?.userId} on ${step}`);
    if (step === until || step === null) return done;
    await goToStep(page, step);
    await expectTourOn(page, step);
    await expectNumberingAgrees(page);
    await doStep(page, step);
    done.push(step);
    // The goal was met in the page: the edge advances the journey (and pushes the next step).
    const deadline = Date.now() + 15_000;
    while ((await edgeStep(demo, page)) === step) {
      if (Date.now() > deadline) throw new Error(`the edge never recorded ${step} as done`);
      await page.waitForTimeout(150);
    }
  }
  throw new Error(`never reached ${until}: did ${done.join(', ')}`);
}

/** Scripts the stand-in's chat deployment (one behaviour per request, then plain successes). */
export async function scriptChat(demo: Demo, script: Behaviour[]) {
  const res = await fetch(`${demo.azure.endpoint}/__control/deployments/${CHAT_DEPLOYMENT}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ script }),
  });
  if (!res.ok) throw new Error(`scripting the stand-in: ${res.status}`);
}

/** The chat requests the stand-in received since it was last scripted. */
export async function chatRequests(demo: Demo): Promise<ReceivedRequest[]> {
  const res = await fetch(`${demo.azure.endpoint}/__control/deployments/${CHAT_DEPLOYMENT}`);
  return ((await res.json()) as { received: ReceivedRequest[] }).received;
}
