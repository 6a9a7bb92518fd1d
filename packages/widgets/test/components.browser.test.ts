import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, packageDir, startHarness, waitForEvent } from './harness';

/**
 * The Preact components and the React adapter in real apps (Preact 11, React 19): bundled here with
 * esbuild from the package's sources, as an app's bundler would, and rendered in Chromium. The full
 * example apps come with the examples.
 */
const preactEntry = `
import { h, render } from 'preact';
import { useState } from 'preact/hooks';
import { Progress, Tour } from './src/index';

function App() {
  const [done, setDone] = useState(1);
  const [open, setOpen] = useState(true);
  return h('main', null,
    h('button', { id: 'more', onClick: () => setDone((d) => d + 1) }, 'More'),
    h('button', { id: 'close', onClick: () => setOpen(false) }, 'Close'),
    h(Progress, { done, total: 4, onComplete: () => window.events.push({ type: 'complete', e: null }) }),
    open && h(Tour, { theme: 'dark', steps: [{ id: 'a', title: 'From Preact', target: { selector: '#more' } }], onShown: (e) => window.events.push({ type: 'shown', e }) }));
}
render(h(App), document.getElementById('root'));
`;

const entry = `
import { createElement as h, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Progress, Tour } from './src/react';

function App() {
  const [done, setDone] = useState(1);
  return h('main', null,
    h('button', { id: 'more', onClick: () => setDone((d) => d + 1) }, 'More'),
    h(Progress, { done, total: 4, onComplete: () => window.events.push({ type: 'complete', e: null }) }),
    h(Tour, { steps: [{ id: 'a', title: 'From React', target: { selector: '#more' } }], onShown: (e) => window.events.push({ type: 'shown', e }) }));
}
window.unmount = () => root.unmount();
const root = createRoot(document.getElementById('root'));
root.render(h(App));
`;

async function appPage(contents: string): Promise<string> {
  const out = await build({
    stdin: { contents, resolveDir: packageDir, loader: 'js' },
    bundle: true,
    write: false,
    format: 'iife',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
    absWorkingDir: path.resolve(packageDir),
  });
  return `<!doctype html><html lang="en"><head><title>app</title></head><body><div id="root"></div>
    <script>window.events = [];</script><script>${out.outputFiles[0]!.text.replace(/<\/script/g, '<\\/script')}</script></body></html>`;
}

let h: Harness;
beforeAll(async () => {
  const [react, preact] = await Promise.all([appPage(entry), appPage(preactEntry)]);
  h = await startHarness({ '/react.html': react, '/preact.html': preact });
});
afterAll(() => h?.close());

describe('Preact components', () => {
  it('render in shadow islands inside a Preact app, update with props, and leave no trace when removed', async () => {
    const page = await h.open('/preact.html');
    await waitForEvent(page, 'shown');
    expect(await page.locator('so-layer[data-so-theme=dark] [role=dialog] h2').textContent()).toBe(
      'From Preact',
    );
    const bar = page.locator('main [data-so-widget] [role=progressbar]');
    expect(await bar.getAttribute('aria-valuenow')).toBe('25');
    for (let i = 0; i < 3; i++) await page.click('#more');
    await waitForEvent(page, 'complete');
    expect(await bar.getAttribute('aria-valuenow')).toBe('100');
    await page.click('#close');
    expect(await page.locator('so-layer').count()).toBe(0);
    await page.context().close();
  });
});

describe('React adapter', () => {
  it('renders widgets from React, passes new props through, and cleans up on unmount', async () => {
    const page = await h.open('/react.html');
    await waitForEvent(page, 'shown');
    expect(await page.locator('so-tour [role=dialog] h2').textContent()).toBe('From React');
    const bar = page.locator('main so-progress [role=progressbar]');
    expect(await bar.getAttribute('aria-valuenow')).toBe('25');
    for (let i = 0; i < 3; i++) await page.click('#more');
    await waitForEvent(page, 'complete');
    expect(await bar.getAttribute('aria-valuenow')).toBe('100');
    await page.evaluate(() => (window as unknown as { unmount(): void }).unmount());
    expect(await page.locator('so-tour, so-progress').count()).toBe(0);
    await page.context().close();
  });
});
