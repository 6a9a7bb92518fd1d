import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildEsm, buildScriptTag } from './build';

/** PRODUCT.md's budget for the script-tag file (capture + signals + transport), min+gzip. */
const BUDGET_BYTES = 12 * 1024;

describe('script-tag size budget', () => {
  it(`smart-onboarding.js is at most ${BUDGET_BYTES} bytes min+gzip`, async () => {
    const code = await buildScriptTag('smart-onboarding.js');
    const gz = gzipSync(code, { level: 9 }).length;
    console.log(`smart-onboarding.js: ${code.length} B min, ${gz} B min+gzip (budget ${BUDGET_BYTES})`);
    expect(gz).toBeLessThanOrEqual(BUDGET_BYTES);
    // The core never carries zod, the feature code or the model client: those are the struggle file's.
    expect(code).not.toMatch(/ZodError|\$ZodType/);
  }, 60_000);

  it('the struggle file registers itself and carries no zod either', async () => {
    const code = await buildScriptTag('smart-onboarding.struggle.js');
    expect(code).toContain('__soStruggle');
    expect(code).not.toMatch(/ZodError|\$ZodType/);
  }, 60_000);

  it('the onboarding UI glue is its own small file, loaded on demand, without the widgets in it', async () => {
    const code = await buildScriptTag('smart-onboarding.ui.js');
    expect(code).toContain('__soUi');
    expect(code).not.toMatch(/ZodError|\$ZodType|preact/);
    const gz = gzipSync(code, { level: 9 }).length;
    console.log(`smart-onboarding.ui.js: ${gz} B min+gzip`);
    // The core only names the UI files; their code is not in it.
    const core = await buildScriptTag('smart-onboarding.js');
    expect(core).toContain('smart-onboarding.ui.js');
    expect(core).not.toContain('mountNudge');
  }, 60_000);
});

describe('ESM build for bundlers', () => {
  it('has one entry per subpath, keeps struggle detection a dynamic import, and carries no zod', async () => {
    const chunks = await buildEsm();
    const entries = Object.fromEntries(chunks.filter((c) => c.isEntry).map((c) => [c.fileName, c]));
    expect(Object.keys(entries).sort()).toEqual([
      'capture.js',
      'features.js',
      'index.js',
      'signals.js',
      'struggle.js',
    ]);
    expect(entries['index.js']!.imports).not.toContain('struggle.js');
    expect(entries['index.js']!.imports).not.toContain('features.js');
    expect(entries['index.js']!.dynamicImports).toContain('struggle.js');
    for (const c of chunks) expect(c.code).not.toMatch(/ZodError|\$ZodType/);
    // The onboarding UI and the widgets are chunks the app's bundler loads on demand, never up front.
    const ui = chunks.find((c) => c.code.includes('function createOnboardingUi'))!;
    expect(ui.isEntry).toBe(false);
    expect(entries['index.js']!.imports).not.toContain(ui.fileName);
    expect(entries['index.js']!.dynamicImports).toContain(ui.fileName);
    const loader = chunks.find((c) => c.code.includes("import('@smart-onboarding/widgets')"))!;
    expect(entries['index.js']!.dynamicImports).toContain(loader.fileName);
    expect(entries['index.js']!.code).not.toMatch(/from ['"]@smart-onboarding\/widgets/);
  }, 60_000);
});
