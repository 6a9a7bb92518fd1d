import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type {
  ExperimentResults,
  FunnelResponse,
  HotspotsResponse,
  InterventionEffectiveness,
  TimeToCompleteResponse,
} from '@smart-onboarding/protocol';
import { type DevServer, launchChromium, startDevServer } from '@smart-onboarding/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  acceptWithPassword,
  expectAxeClean,
  inviteWithSecretKey,
  PASSWORD,
  SCREENSHOTS_DIR,
} from './console-page';
import { HOSTILE_SELECTOR, publishFlow, readCsv, readJson, seedJourneys } from './insight-seed';

/**
 * The insight screens as the people who run onboarding read them: journeys and events seeded through the
 * public API of the real edge (wrangler dev, local D1 and Queues), the numbers on screen compared with
 * the edge's own JSON, the CSV downloaded, an experiment started and stopped; axe in light and dark.
 */
let edge: DevServer;
let browser: Browser;
let page: Page;
const flow = 'insight-walk';
const owner = 'analyst@demo.test';
/** Every script the page fetched, to see the chart library arrive as its own chunk, and only when used. */
const scripts: string[] = [];

const percent = (rate: number) => `${(rate * 100).toFixed(1)} %`;
const pts = (x: number) => `${x < 0 ? '−' : '+'}${Math.abs(x * 100).toFixed(1)}`;

beforeAll(async () => {
  edge = await startDevServer();
  browser = await launchChromium();
  page = await browser.newPage({ acceptDownloads: true });
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
  await publishFlow(edge.url, flow);
  await seedJourneys(edge.url, flow, 'insight-user');
  await acceptWithPassword(edge.url, await inviteWithSecretKey(edge.url, owner, 'owner'));
});
afterAll(async () => {
  await browser?.close();
  await edge?.stop();
});

/** Light and dark screenshots of the screen shown (the chart redraws in the scheme's colours). */
async function screenshot(name: string) {
  await page.setViewportSize({ width: 1280, height: 1000 });
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.waitForTimeout(200);
    const png = await page.screenshot({ caret: 'hide', fullPage: true });
    expect(png.length).toBeGreaterThan(10_000);
    if (process.env.CONSOLE_SCREENSHOTS)
      writeFileSync(path.join(SCREENSHOTS_DIR, `${name}-${colorScheme}.png`), png);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** A table's body as text, row by row, cell by cell (header cells included). */
const rowsOf = (selector: string) =>
  page
    .locator(`${selector} tbody tr`)
    .evaluateAll((rows) =>
      rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim())),
    );

/** The funnel table's rows as the console should write the edge's JSON. */
const funnelRows = (funnel: FunnelResponse) => [
  ['Started', ...funnel.segments.map((s) => String(s.started))],
  ...(funnel.segments[0]?.steps ?? []).map((step, i) => [
    step.title,
    ...funnel.segments.map((s) => `${s.steps[i]!.completed} (${percent(s.steps[i]!.rate)})`),
  ]),
  ['Abandoned', ...funnel.segments.map((s) => String(s.abandoned))],
];

async function downloaded(linkName: string) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: linkName }).click(),
  ]);
  return { name: download.suggestedFilename(), text: readFileSync((await download.path())!, 'utf8') };
}

describe('the insight screens', () => {
  it('signs in and waits for the seeded journeys to reach D1', async () => {
    // The journeys settle through the journey objects and the queue: wait for the edge to count them all.
    await expect
      .poll(
        async () => {
          const f = await readJson<FunnelResponse>(edge.url, `/v1/analytics/flows/${flow}/funnel?by=device`);
          return f.segments.map((s) => [s.segment, s.started, s.completed, s.abandoned]);
        },
        { timeout: 60_000, interval: 500 },
      )
      .toEqual([
        ['desktop', 3, 3, 0],
        ['mobile', 3, 1, 2],
      ]);
    // Interventions are written by the journey objects: all six decisions in D1 before the screens read them.
    await expect
      .poll(
        async () =>
          (await readJson<InterventionEffectiveness>(edge.url, '/v1/analytics/interventions/effectiveness'))
            .interventions,
        { timeout: 60_000, interval: 500 },
      )
      .toBe(6);
    // Hot spots come from the queue's consumer: all three rage clicks counted.
    await expect
      .poll(
        async () =>
          (
            await readJson<HotspotsResponse>(edge.url, '/v1/analytics/struggle/hotspots?windowDays=30')
          ).hotspots.reduce((n, h) => n + h.total, 0),
        { timeout: 60_000, interval: 500 },
      )
      .toBe(3);
    await page.goto(`${edge.url}/console/`);
    await page.getByLabel('Team (tenant id)').fill('demo');
    await page.getByLabel('E-mail').fill(owner);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Flows' }).waitFor();
    // The chart library is not part of the console until an Analytics screen needs it.
    expect(scripts.filter((s) => s.includes('chunk-'))).toEqual([]);
  });

  it("shows a flow's funnel and times, split by device, with the edge's numbers and a drawn chart", async () => {
    await page.goto(`${edge.url}/console/#/flows/${flow}/analytics`);
    await page.getByRole('heading', { name: 'Funnel' }).waitFor();
    await page.locator('figure.chart[data-state=drawn] canvas').first().waitFor();
    expect(scripts.some((s) => /^\/console\/chunk-funnel-plot-[A-Z0-9]+\.js$/.test(s))).toBe(true);

    await page.getByLabel('Split by').selectOption('device');
    const funnel = await readJson<FunnelResponse>(edge.url, `/v1/analytics/flows/${flow}/funnel?by=device`);
    const expected = funnelRows(funnel);
    await expect.poll(() => rowsOf('table.funnel')).toEqual(expected);
    // Not only equal to the JSON: the numbers the seed implies (two phone users gave up at the goals).
    expect(expected[2]).toEqual(['Set goals', '3 (100.0 %)', '1 (33.3 %)']);
    const headers = await page.locator('table.funnel thead th').allTextContents();
    expect(headers).toEqual(['Step', 'desktop', 'mobile']);
    await page.locator('figure.chart[data-state=drawn] .u-legend').waitFor();

    const times = await readJson<TimeToCompleteResponse>(
      edge.url,
      `/v1/analytics/flows/${flow}/time-to-complete?by=device`,
    );
    const timeRows = await rowsOf('table.times');
    expect(timeRows.map((r) => r.slice(0, 4))).toEqual(
      times.segments.map((s) => [s.segment, String(s.started), String(s.completed), String(s.abandoned)]),
    );
    expect(timeRows.every((r) => r.slice(4).every((cell) => /^(\d+\.\d (s|min)|—)$/.test(cell)))).toBe(true);

    const csv = await downloaded('Download CSV of the funnel');
    expect(csv.name).toBe(`funnel-${flow}-device.csv`);
    expect(csv.text).toBe(await readCsv(edge.url, `/v1/analytics/flows/${flow}/funnel?by=device&format=csv`));
    expect(csv.text).toContain('mobile,3,goals,Set goals,1,0,');
    const timesCsv = await downloaded('Download CSV of the times to complete');
    expect(timesCsv.name).toBe(`time-to-complete-${flow}-device.csv`);
    await expectAxeClean(page);
    await screenshot('analytics');

    // Another split reads the edge again: by arm, the adaptive arm is the phone users.
    await page.getByLabel('Split by').selectOption('arm');
    const byArm = await readJson<FunnelResponse>(edge.url, `/v1/analytics/flows/${flow}/funnel?by=arm`);
    await expect.poll(() => rowsOf('table.funnel')).toEqual(funnelRows(byArm));
    expect(await page.locator('table.funnel thead th').allTextContents()).toEqual([
      'Step',
      'adaptive',
      'smart',
    ]);
    expect(funnelRows(byArm)[2]).toEqual(['Set goals', '1 (33.3 %)', '3 (100.0 %)']);
  });

  it('shows the struggle hot spots and the intervention effectiveness as the edge reports them', async () => {
    const spots = await readJson<HotspotsResponse>(edge.url, '/v1/analytics/struggle/hotspots?windowDays=30');
    expect(spots.hotspots).toContainEqual(
      expect.objectContaining({
        stepId: 'goals',
        element: 'button#save-goals',
        signal: 'rage_click',
        total: 2,
      }),
    );
    expect(spots.hotspots).toContainEqual(
      expect.objectContaining({
        stepId: 'connect',
        element: HOSTILE_SELECTOR,
        signal: 'rage_click',
        total: 1,
      }),
    );
    await expect
      .poll(() => rowsOf('table.hotspots'))
      .toEqual(
        spots.hotspots.map((h) => [
          h.stepId,
          h.element,
          h.signal,
          String(h.total),
          String(h.recent),
          String(h.earlier),
          h.trend,
        ]),
      );
    // The element the browser reported is shown as text: no markup from it, no script run.
    const hostile = page.locator('table.hotspots td code', { hasText: 'onerror' });
    expect(await hostile.textContent()).toBe(HOSTILE_SELECTOR);
    expect(await page.locator('table.hotspots img').count()).toBe(0);
    expect(await page.evaluate(() => 'pwned' in window || '__pwned' in window)).toBe(false);
    const hotspotCsv = await downloaded('Download CSV of the struggle hot spots');
    expect(hotspotCsv.text).toBe(
      await readCsv(edge.url, '/v1/analytics/struggle/hotspots?windowDays=30&format=csv'),
    );

    const report = await readJson<InterventionEffectiveness>(
      edge.url,
      '/v1/analytics/interventions/effectiveness',
    );
    // Every seeded journey reported a struggle at the goals: six decisions, shown or held out.
    expect(report.interventions).toBe(6);
    expect(report.treated.n + report.holdout.n).toBe(6);
    const rows = await rowsOf('table.effectiveness');
    const [all] = rows;
    expect(rows.map((r) => r[0])).toEqual([
      'All',
      ...Object.keys(report.byKind).map((k) => `Kind: ${k}`),
      ...Object.keys(report.byStep).map((k) => `Step: ${k}`),
      ...Object.keys(report.byPersona).map((k) => `Persona: ${k}`),
    ]);
    expect(all).toEqual([
      'All',
      `${report.treated.progressed} / ${report.treated.n} (${percent(report.treated.rate)})`,
      `${report.holdout.progressed} / ${report.holdout.n} (${percent(report.holdout.rate)})`,
      `${pts(report.uplift)} pts`,
      `${pts(report.upliftCi95[0])} to ${pts(report.upliftCi95[1])} pts`,
    ]);
    const effectivenessCsv = await downloaded('Download CSV of the intervention effectiveness');
    expect(effectivenessCsv.text).toBe(
      await readCsv(edge.url, '/v1/analytics/interventions/effectiveness?format=csv'),
    );
    await expectAxeClean(page);
  });

  it('creates an experiment (a bad weight refused beside its field), reads its verdict, stops it', async () => {
    await page.getByRole('link', { name: 'Experiments' }).click();
    await page.getByRole('heading', { name: 'Experiments', level: 1 }).waitFor();
    await page.getByText('No experiment yet.').waitFor();
    await page.getByLabel('Id', { exact: true }).fill('arms-1');
    await page.getByLabel('Name', { exact: true }).fill('Smart against adaptive');
    await page.getByLabel('Flow', { exact: true }).selectOption(flow);
    await page.getByLabel('Weight').nth(1).fill('0');
    await page.getByRole('button', { name: 'Start the experiment' }).click();
    await page.locator('#f-variants-1-weight-issues').waitFor();
    expect(await page.getByRole('alert').first().textContent()).toContain('validation_failed');
    await expectAxeClean(page);

    await page.getByLabel('Weight').nth(1).fill('3');
    await page.getByRole('button', { name: 'Start the experiment' }).click();
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toBe(`Started arms-1 on ${flow}.`);
    const row = page.locator('table.experiments tr[data-experiment=arms-1]');
    await expect
      .poll(() => row.textContent())
      .toContain('control (weight 1, smart), treatment (weight 3, adaptive)');
    expect(await row.textContent()).toContain('running');

    // Users who start the flow now are assigned by the edge and exposed at their first decision.
    await seedJourneys(edge.url, flow, 'exposed-user');
    const resultsPath = '/v1/admin/experiments/arms-1/results';
    await expect
      .poll(
        async () =>
          (await readJson<ExperimentResults>(edge.url, resultsPath)).variants.reduce(
            (n, v) => n + v.exposed,
            0,
          ),
        { timeout: 60_000, interval: 500 },
      )
      .toBe(6);
    await page.getByRole('button', { name: 'Refresh the results' }).click();
    const results = await readJson<ExperimentResults>(edge.url, resultsPath);
    // Six users cannot tell the arms apart: the always-valid interval is wide.
    expect(results.summary).toBe('keep running');
    await expect
      .poll(() => rowsOf('.results table.variants').then((rows) => rows.map((r) => r[1])))
      .toEqual(results.variants.map((v) => String(v.exposed)));
    const verdict = page.locator('.results .verdict strong');
    await expect.poll(() => verdict.textContent()).toBe(results.summary);
    expect(await rowsOf('.results table.variants')).toEqual(
      results.variants.map((v) => [
        v.name,
        String(v.exposed),
        String(v.completed),
        String(v.abandoned),
        percent(v.rate),
      ]),
    );
    expect(await rowsOf('.results table.comparisons')).toEqual(
      results.comparisons.map((c) => [
        c.variant,
        `${pts(c.difference.estimate)} pts`,
        `${pts(c.difference.lower)} to ${pts(c.difference.upper)} pts`,
        c.verdict.replace(/_/g, ' '),
      ]),
    );
    await expectAxeClean(page);

    await screenshot('experiments');
    await page.getByRole('button', { name: 'Stop arms-1' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Stopped arms-1');
    await expect.poll(() => row.textContent()).toContain('stopped');
    expect(await page.getByRole('button', { name: 'Stop arms-1' }).count()).toBe(0);
    const listed = await readJson<{ experiments: { id: string; status: string }[] }>(
      edge.url,
      '/v1/admin/experiments',
    );
    expect(listed.experiments).toContainEqual(expect.objectContaining({ id: 'arms-1', status: 'stopped' }));
    await expectAxeClean(page);
  });
});
