import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { packageDir } from './harness';

/** Widgets with Preact: at most 20 KB (20 × 1024 bytes) minified and gzipped at level 9. */
const BUDGET = 20 * 1024;

describe('size budget of the file the SDK loads on demand', () => {
  for (const file of ['dist/widgets.iife.js', 'dist/widgets.js']) {
    it(`${file} fits in 20 KB min+gzip`, () => {
      const code = readFileSync(path.join(packageDir, file));
      const gzip = gzipSync(code, { level: 9 }).length;
      console.log(`${file}: ${code.length} B min, ${gzip} B gzip -9 (budget ${BUDGET})`);
      expect(code.toString()).toContain('so-help-panel');
      expect(gzip).toBeLessThanOrEqual(BUDGET);
    });
  }
});
