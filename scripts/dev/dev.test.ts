import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '@smart-onboarding/testing';
import { afterEach, describe, expect, it } from 'vitest';

// `pnpm dev` as a developer runs it (through the pinned pnpm, as the README says): one banner once the
// edge answers, and a SIGTERM to pnpm, or to the script itself, leaves no process behind (wrangler and
// workerd included).
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const pnpmVersion = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).packageManager.split(
  '@',
)[1];

/** Every process below `pid`, from /proc (Linux). */
function descendants(pid: number): number[] {
  const parents = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // The command may hold spaces and parentheses: the fields after the last ')' are fixed.
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(name)]);
    } catch {
      // gone meanwhile
    }
  }
  const out: number[] = [];
  const walk = (p: number) => {
    for (const c of parents.get(p) ?? []) {
      out.push(c);
      walk(c);
    }
  };
  walk(pid);
  return out;
}
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    // A zombie (exited, not yet reaped) holds no resources and serves nothing.
    return !/^\S+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
};

let started: { child: ChildProcess; all: number[]; state: string } | undefined;
afterEach(() => {
  // Whatever the test did, nothing it started outlives it.
  for (const pid of started?.all ?? []) if (alive(pid)) process.kill(pid, 'SIGKILL');
  if (started) rmSync(started.state, { recursive: true, force: true });
  started = undefined;
});

async function startDev(viaPnpm: boolean) {
  const port = await freePort();
  const state = mkdtempSync(path.join(tmpdir(), 'so-dev-test-'));
  const args = ['--port', String(port), '--persist-to', state, '--no-examples'];
  const child = viaPnpm
    ? spawn('npx', ['--yes', `pnpm@${pnpmVersion}`, 'dev', ...args], { cwd: root, stdio: 'pipe' })
    : // The script needs Node 22: the one in node_modules, as `pnpm dev` would use.
      spawn(path.join(root, 'node_modules', '.bin', 'node'), ['scripts/dev.mjs', ...args], {
        cwd: root,
        stdio: 'pipe',
      });
  let out = '';
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (out += d));
  started = { child, all: [], state };
  const deadline = Date.now() + 240_000;
  while (!/^Smart Onboarding edge: /m.test(out)) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`no banner:\n${out}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  started.all = [child.pid!, ...descendants(child.pid!)];
  return { child, port, output: () => out, all: started.all };
}

describe('pnpm dev', () => {
  it.each([
    ['pnpm dev', true],
    ['scripts/dev.mjs', false],
  ])(
    '%s: one banner once the edge answers, and SIGTERM leaves no child behind',
    async (_, viaPnpm) => {
      const dev = await startDev(viaPnpm);
      // The banner came after the edge answered, once; wrangler's own tables went to the log file.
      expect((await fetch(`http://127.0.0.1:${dev.port}/health`)).ok).toBe(true);
      expect(dev.output().match(/^Smart Onboarding edge: /gm)).toHaveLength(1);
      expect(dev.output()).not.toMatch(
        /Migrations to be applied|Your Worker has access to the following bindings/,
      );
      const names = dev.all.map((pid) => {
        try {
          return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        } catch {
          return '';
        }
      });
      expect(names.some((n) => n.includes('workerd'))).toBe(true);
      // SIGTERM to `pnpm dev` itself (npx is only how the README gets the pinned pnpm), or to the script.
      const pnpm = dev.all.find((_pid, i) => i > 0 && names[i]!.split('\0')[0]!.endsWith('pnpm'));
      if (viaPnpm) expect(pnpm, names.join('\n')).toBeDefined();
      process.kill(viaPnpm ? pnpm! : dev.child.pid!, 'SIGTERM');
      const deadline = Date.now() + 30_000;
      while (dev.all.some(alive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
      expect(dev.all.filter(alive)).toEqual([]);
    },
    300_000,
  ); // a first build of wrangler's bundle on a busy machine takes minutes
});
