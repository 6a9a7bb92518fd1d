import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './ports';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface DevServer {
  /** Base URL of the edge, e.g. http://127.0.0.1:41234 */
  url: string;
  /** The local state directory (D1, Durable Objects); kept across `restart()`. */
  stateDir: string;
  /**
   * The example apps' URLs by name (`creator-studio`, and `react-app`, `preact-app` when built), with
   * `startDevServer({ examples: true })`; empty otherwise.
   */
  examples: Record<string, string>;
  /** Output of the demo so far, for failure messages. */
  output(): string;
  /** Stops the demo and starts it again on the same port and state, as a developer restarting `pnpm dev`. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the demo exited early (${child.exitCode}):\n${output()}`);
    try {
      const res = await fetch(`${url}/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the demo did not answer /health within ${timeoutMs} ms:\n${output()}`);
}

async function waitForBanner(child: ChildProcess, output: () => string) {
  const deadline = Date.now() + 30_000;
  while (!/^Smart Onboarding edge: /m.test(output())) {
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`the demo printed no banner:\n${output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Reads the examples' URLs from the demo's banner (`  creator-studio  http://127.0.0.1:…`). */
async function waitForExamples(into: Record<string, string>, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + 30_000;
  while (!/^Examples/m.test(output())) {
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`the demo did not serve the examples:
${output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  for (const [, name, at] of output().matchAll(/^ {2}([a-z-]+) +(http:\/\/127\.0\.0\.1:\d+)$/gm))
    into[name!] = at!;
}

/**
 * Starts the README's demo (`scripts/dev.mjs`: migrations, then `wrangler dev`) on a free port with a
 * fresh state directory, and waits until /health answers.
 */
export async function startDevServer(
  options: {
    timeoutMs?: number;
    /** Extra environment for the demo script, e.g. `UPSTASH_REDIS_REST_URL` to turn the edge's cache on. */
    env?: Record<string, string>;
    /**
     * Also build the SDK and widgets (when stale) and serve the example apps on free ports, as `pnpm dev`
     * does on 5173–5175. Default false: the edge alone.
     */
    examples?: boolean;
  } = {},
): Promise<DevServer> {
  const port = await freePort();
  const stateDir = mkdtempSync(path.join(tmpdir(), 'so-edge-state-'));
  const url = `http://127.0.0.1:${port}`;
  let log = '';
  let child: ChildProcess;
  const examples: Record<string, string> = {};

  const launch = async () => {
    // process.execPath is the real Node binary: signals reach the script, which stops wrangler and workerd.
    child = spawn(
      process.execPath,
      [
        path.join(repoRoot, 'scripts/dev.mjs'),
        '--port',
        String(port),
        '--persist-to',
        stateDir,
        ...(options.examples ? ['--examples-port', '0'] : ['--no-examples']),
      ],
      {
        cwd: repoRoot,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, FORCE_COLOR: '0', ...options.env },
      },
    );
    child.stdout?.on('data', (d) => (log += d));
    child.stderr?.on('data', (d) => (log += d));
    await waitForHealth(url, child, () => log, options.timeoutMs ?? 90_000);
    // The demo prints its banner (keys, examples) once it has seen everything answer itself.
    await waitForBanner(child, () => log);
    if (options.examples) await waitForExamples(examples, child, () => log);
  };

  const halt = async () => {
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };

  await launch();
  return {
    url,
    stateDir,
    examples,
    output: () => log,
    restart: async () => {
      await halt();
      await launch();
    },
    stop: async () => {
      await halt();
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
}
