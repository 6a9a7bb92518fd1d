import { describe, expect, it } from 'vitest';
import { rewrite } from './js-extensions.mjs';

const present = new Set(['/p/index.d.ts', '/p/a.js', '/p/types.d.ts', '/p/v1/index.d.ts', '/p/v1/index.js']);
const exists = (file: unknown) => present.has(String(file));

describe('js-extensions', () => {
  it.each([
    ["export * from './a';", "export * from './a.js';"],
    ["import type { T } from './types';", "import type { T } from './types.js';"],
    ['export * from "./v1";', 'export * from "./v1/index.js";'],
    ["const m = import('./a');", "const m = import('./a.js');"],
    ["import './a';", "import './a.js';"],
    ['export declare const S: import(".").Api;', 'export declare const S: import("./index.js").Api;'],
    ["export { x } from './a.js';", "export { x } from './a.js';"],
    ["import { z } from 'zod';", "import { z } from 'zod';"],
    ["const s = 'from ./a';", "const s = 'from ./a';"],
    [" * loadDetector: () => import('./gone')", " * loadDetector: () => import('./gone')"],
  ])('%s', (input, output) => {
    expect(rewrite(input, '/p', exists)).toBe(output);
  });

  it('refuses a specifier that names no file, rather than publishing a broken import', () => {
    expect(() => rewrite("export * from './gone';", '/p', exists)).toThrow(/no file to point at/);
  });
});
