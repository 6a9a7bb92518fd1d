import { rmSync } from 'node:fs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { transform } from 'esbuild';
import esbuild from 'rollup-plugin-esbuild';

/** The stylesheet is a plain template string in the sources (any bundler can read it); ship it minified. */
function minifyStylesheet() {
  return {
    name: 'minify-stylesheet',
    async transform(code, id) {
      if (!id.endsWith('/src/ui/styles.ts')) return null;
      const match = /\/\* css \*\/ `([^`]*)`/.exec(code);
      if (!match) this.error('styles.ts: expected a /* css */ template string');
      const { code: min } = await transform(match[1], { loader: 'css', minify: true });
      return { code: code.replace(match[0], JSON.stringify(min.trim())), map: null };
    },
  };
}

/**
 * The sources use the automatic JSX runtime (portable: any bundler compiles them). For the shipped files,
 * classic `h(type, props, ...children)` calls are smaller than `jsx(type, { children: [...] })`, and the
 * budget counts every byte, so the build compiles JSX that way and imports `h` and `Fragment` itself.
 */
function classicJsx() {
  return {
    name: 'classic-jsx',
    transform(code, id) {
      if (!id.endsWith('.tsx')) return null;
      const classic = code.replace('/** @jsxImportSource preact */', '');
      return { code: `import { h as __h, Fragment as __F } from 'preact';\n${classic}`, map: null };
    },
  };
}

const compile = () => [
  minifyStylesheet(),
  classicJsx(),
  nodeResolve({ extensions: ['.mjs', '.js', '.ts', '.tsx'] }),
  esbuild({ target: 'es2022', jsx: 'transform', jsxFactory: '__h', jsxFragment: '__F', tsconfig: false }),
];

const minify = (module) =>
  terser({
    ecma: 2020,
    module,
    toplevel: module,
    compress: { passes: 3, unsafe: true, unsafe_arrows: true, pure_getters: true },
    format: { comments: false },
  });

const external = (id) => /^(preact|react|@floating-ui\/)/.test(id);

// Chunk names carry content hashes: start from an empty dist so old ones do not pile up.
rmSync(new URL('dist', import.meta.url), { recursive: true, force: true });

export default [
  // For bundlers: ES modules that share chunks, with dependencies left to the app's bundler.
  {
    input: { index: 'src/index.ts', elements: 'src/elements.ts', react: 'src/react.ts' },
    external,
    plugins: compile(),
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
    },
  },
  // For the script-tag SDK, loaded on demand: everything in one file, Preact included.
  {
    input: 'src/bundle.ts',
    plugins: compile(),
    output: [
      { file: 'dist/widgets.js', format: 'es', plugins: [minify(true)] },
      {
        file: 'dist/widgets.iife.js',
        format: 'iife',
        name: 'SmartOnboardingWidgets',
        plugins: [minify(false)],
      },
    ],
  },
];
