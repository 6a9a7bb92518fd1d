import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rollup } from 'rollup';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Builds one script-tag file in memory exactly as `pnpm build` does, and returns its code. */
export async function buildScriptTag(
  file: 'smart-onboarding.js' | 'smart-onboarding.struggle.js' | 'smart-onboarding.ui.js',
): Promise<string> {
  const configs = (await import(path.join(root, 'rollup.config.mjs'))).default as {
    input: string;
    output: { file?: string; format: 'iife' };
    plugins: unknown[];
    treeshake: unknown;
  }[];
  const config = configs.find((c) => c.output.file?.endsWith(`/${file}`));
  if (!config) throw new Error(`no build for ${file}`);
  const cwd = process.cwd();
  process.chdir(root);
  try {
    const bundle = await rollup({ ...(config as object), onwarn: () => {} } as Parameters<typeof rollup>[0]);
    const { output } = await bundle.generate(config.output);
    await bundle.close();
    return output[0].code;
  } finally {
    process.chdir(cwd);
  }
}

/** Builds one ESM entry (e.g. `src/capture/index.ts`) as a single module, for pages that import it. */
export async function buildEsmEntry(input: string): Promise<string> {
  const configs = (await import(path.join(root, 'rollup.config.mjs'))).default as {
    plugins: unknown[];
    output: { format: string };
  }[];
  const esm = configs.find((c) => c.output.format === 'es')!;
  const cwd = process.cwd();
  process.chdir(root);
  try {
    const bundle = await rollup({ input, plugins: esm.plugins, onwarn: () => {} } as Parameters<
      typeof rollup
    >[0]);
    const { output } = await bundle.generate({ format: 'es', inlineDynamicImports: true });
    await bundle.close();
    return output[0].code;
  } finally {
    process.chdir(cwd);
  }
}

/** The ESM build of `pnpm build`, in memory: every chunk with its static and dynamic imports. */
export async function buildEsm() {
  const configs = (await import(path.join(root, 'rollup.config.mjs'))).default as {
    output: { format: string };
  }[];
  const esm = configs.find((c) => c.output.format === 'es')!;
  const cwd = process.cwd();
  process.chdir(root);
  try {
    const bundle = await rollup({ ...(esm as object), onwarn: () => {} } as Parameters<typeof rollup>[0]);
    const { output } = await bundle.generate(esm.output as Parameters<typeof bundle.generate>[0]);
    await bundle.close();
    return output.flatMap((o) => (o.type === 'chunk' ? [o] : []));
  } finally {
    process.chdir(cwd);
  }
}
