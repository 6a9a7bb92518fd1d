import { copyFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';

// Two builds. ESM for bundlers: one file per subpath entry plus shared chunks, unminified so the app's
// bundler tree-shakes and minifies; struggle detection is a dynamic import. IIFE for the script tag:
// `smart-onboarding.js` (the core: capture, signals, transport, consent) and its sibling
// `smart-onboarding.struggle.js` (features, rules, the model's worker client), loaded after consent.
// Protocol imports are types and a few constants: zod never enters a browser file.
const entries = {
  index: 'src/index.ts',
  signals: 'src/signals/index.ts',
  capture: 'src/capture/index.ts',
  features: 'src/features/index.ts',
  struggle: 'src/struggle/index.ts',
};

const plugins = () => [
  nodeResolve({ extensions: ['.ts', '.js'] }),
  esbuild({ target: 'es2020', tsconfig: 'tsconfig.json' }),
];

const scriptTag = (input = '', file = '') => ({
  input,
  output: { file, format: 'iife', inlineDynamicImports: true },
  plugins: [...plugins(), terser({ ecma: 2020, compress: { passes: 3 }, format: { comments: false } })],
  treeshake: { moduleSideEffects: (id) => id.includes('script-tag') },
});

export default [
  {
    input: entries,
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
    },
    external: [/^onnxruntime-web/, /^@smart-onboarding\/widgets/],
    plugins: plugins(),
    treeshake: { moduleSideEffects: false },
  },
  scriptTag('src/script-tag.ts', 'dist/smart-onboarding.js'),
  scriptTag('src/script-tag-struggle.ts', 'dist/smart-onboarding.struggle.js'),
  {
    ...scriptTag('src/script-tag-ui.ts', 'dist/smart-onboarding.ui.js'),
    plugins: [...scriptTag().plugins, copyWidgets()],
  },
];

/**
 * The script tag loads the widgets from beside itself: `dist/smart-onboarding.widgets.js` is a copy of
 * `@smart-onboarding/widgets`' self-contained IIFE (build the widgets first; skipped with a warning if absent).
 */
function copyWidgets() {
  return {
    name: 'copy-widgets',
    writeBundle() {
      const from = createRequire(import.meta.url).resolve('@smart-onboarding/widgets/widgets.iife.js');
      if (!existsSync(from))
        return this.warn('widgets not built: run pnpm --filter @smart-onboarding/widgets build');
      copyFileSync(from, 'dist/smart-onboarding.widgets.js');
    },
  };
}
