// `pnpm loadtest` itself, tiny and bounded (100 events/s for 2 s over 10 users): every event the edge
// accepted is found in D1 after the queue drains. Latency targets are not asserted here: on a shared
// test machine they measure the machine.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

describe('pnpm loadtest', () => {
  it('finds every event the edge accepted stored in D1 once the queue has drained', {
    timeout: 300_000,
  }, async () => {
    const args = ['--rate', '100', '--duration', '2', '--users', '10', '--batch', '10', '--connections', '2'];
    const out = await promisify(execFile)(
      process.execPath,
      [
        path.join(root, 'node_modules/tsx/dist/cli.mjs'),
        path.join(root, 'scripts/loadtest/cli.ts'),
        ...args,
        '--journey-duration',
        '1',
      ],
      { cwd: root, maxBuffer: 10_000_000 },
    ).catch((e: { stdout: string; stderr: string }) => e);
    // The first table's row: target, accepted/s, p50, p99, accepted, refused, errors, of those stored, lost.
    const row = out.stdout.split('\n').find((l) => /^│ 0 /.test(l));
    const cells =
      row
        ?.split('│')
        .map((c) => c.trim())
        .filter(Boolean) ?? [];
    expect(cells, out.stdout + out.stderr).toHaveLength(10);
    const [accepted, stored, lost] = [Number(cells[5]), Number(cells[8]), Number(cells[9])];
    expect(accepted).toBeGreaterThan(0);
    expect(stored).toBe(accepted);
    expect(lost).toBe(0);
  });
});
