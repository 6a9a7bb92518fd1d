import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { PERSONAS } from '../simulator/persona';
import { simulateUserBehavior } from '../simulator/simulate';
import { formatTrace } from '../trace-io';

const run = promisify(execFile);
const MODELS_DIR = path.resolve(import.meta.dirname, '../..');
const TSX = path.join(MODELS_DIR, 'node_modules/.bin/tsx');
const CLI = 'src/cli/score.ts';
const dir = mkdtempSync(path.join(tmpdir(), 'score-'));

async function score(args: string[]) {
  try {
    const { stdout, stderr } = await run(TSX, [CLI, ...args], {
      cwd: MODELS_DIR,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('pnpm score', () => {
  it('prints a line per window and a line per alarm, in time order, for a trace with struggle', async () => {
    const sim = simulateUserBehavior(
      PERSONAS[0]!,
      { durationMs: 120_000, struggleRate: 1, kinds: ['unresponsive_target', 'error_loop'] },
      8,
    );
    const file = path.join(dir, 'struggle.jsonl');
    writeFileSync(file, formatTrace(sim.events));
    for (const args of [[file], [file, '--rules']]) {
      const { code, stdout } = await score(args);
      expect(code).toBe(0);
      const lines = stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      const windows = lines.filter((l) => !l.alarm);
      const alarms = lines.filter((l) => l.alarm);
      expect(windows.length).toBeGreaterThan(60);
      for (const w of windows) {
        expect(Object.keys(w).sort()).toEqual(['score', 't', 't0']);
        expect(w.score).toBeGreaterThanOrEqual(0);
        expect(w.score).toBeLessThanOrEqual(1);
      }
      expect(alarms.length).toBeGreaterThan(0);
      for (const a of alarms) {
        expect(Object.keys(a).sort()).toEqual(['alarm', 'reasons', 'score', 't']);
        expect(a.reasons.length).toBeGreaterThan(0);
      }
      const times = lines.map((l) => l.t);
      expect(times).toEqual([...times].sort((a, b) => a - b));
    }
  });

  it('stays quiet on calm reading', async () => {
    const sim = simulateUserBehavior(
      PERSONAS[0]!,
      { durationMs: 120_000, struggleRate: 0, kinds: ['reading'] },
      8,
    );
    const file = path.join(dir, 'reading.jsonl');
    writeFileSync(file, formatTrace(sim.events));
    const { code, stdout } = await score([file]);
    expect(code).toBe(0);
    expect(stdout).not.toContain('"alarm"');
  });

  it('rejects a bad trace with its code and line, exit code 2', async () => {
    const file = path.join(dir, 'bad.jsonl');
    writeFileSync(file, '{"type":"move","t":1,"x":1,"y":1}\n{"type":"click","t":2}\n');
    const { code, stderr, stdout } = await score([file]);
    expect(code).toBe(2);
    expect(stderr).toContain('line 2');
    expect(stderr).toContain('trace_bad_event');
    expect(stdout).toBe('');
  });

  it('writes every line into a pipe whose reader is slow, and stops quietly when the reader leaves', async () => {
    // 4,000 s of pointer movement: about 4,000 windows, 146 KB of output, more than a pipe's buffer
    // holds, so the writer must wait for the reader instead of exiting with lines still queued.
    const lines: string[] = [];
    for (let t = 0; t < 4_000_000; t += 100)
      lines.push(
        JSON.stringify({
          type: 'move',
          t,
          x: 100 + Math.round(50 * Math.sin(t / 700)),
          y: 200,
          pointer: 'mouse',
        }),
      );
    const file = path.join(dir, 'long.jsonl');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const sh = (pipeline: string) =>
      run('sh', ['-c', `"${TSX}" ${CLI} "${file}" ${pipeline}`], { cwd: MODELS_DIR, maxBuffer: 1 << 26 });
    const intoFile = await score([file]);
    const expected = intoFile.stdout.trim().split('\n').length;
    expect(expected).toBeGreaterThan(3_900);
    const slow = await sh('| (sleep 2; wc -l)');
    expect(Number(slow.stdout.trim())).toBe(expected);
    const head = await sh('| head -n 3; echo "exit=$?"');
    expect(head.stdout.trim().split('\n')).toHaveLength(4);
    expect(head.stderr).toBe('');
  }, 120_000);
});
