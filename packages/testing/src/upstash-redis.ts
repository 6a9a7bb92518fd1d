import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { text } from 'node:stream/consumers';
import { createClient } from 'redis';
import { freePort } from './ports';

/** A real redis-server behind an HTTP proxy that speaks Upstash's REST protocol. */
export interface UpstashRedis {
  /** For `UPSTASH_REDIS_REST_URL`. */
  url: string;
  /** For `UPSTASH_REDIS_REST_TOKEN`. */
  token: string;
  /** Runs a command on the redis-server directly (bypassing the proxy), to check what the code stored. */
  command(args: string[]): Promise<unknown>;
  /** How many commands the proxy has served: proves the code under test went through it. */
  served(): number;
  stop(): Promise<void>;
}

type Command = Array<string | number>;

/** Upstash answers strings base64-encoded when the client asks (`Upstash-Encoding: base64`, the default). */
function encode(value: unknown, base64: boolean): unknown {
  if (!base64) return value;
  if (typeof value === 'string') return Buffer.from(value, 'utf8').toString('base64');
  if (Array.isArray(value)) return value.map((v) => encode(v, base64));
  return value;
}

async function waitForRedis(port: number, server: ChildProcess, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`redis-server exited (${server.exitCode})`);
    const client = createClient({ url: `redis://127.0.0.1:${port}`, socket: { reconnectStrategy: false } });
    client.on('error', () => {});
    try {
      await client.connect();
      await client.ping();
      return client;
    } catch {
      client.destroy();
      if (Date.now() > deadline) throw new Error('redis-server did not start');
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

/**
 * The `redis-server` binary: `REDIS_SERVER`, else Debian's, else installed with apt-get when we may (root
 * on Debian, as on CI), the way the browser tests find Chromium.
 */
export function redisServerPath(): string {
  const candidates = [process.env.REDIS_SERVER, '/usr/bin/redis-server', '/usr/local/bin/redis-server'];
  const found = candidates.find((p) => p && existsSync(p));
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    throw new Error(
      'redis-server not found: install it (Debian: apt-get install redis-server) or set REDIS_SERVER',
    );
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'ignore', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'redis-server'], {
    stdio: 'ignore',
    env,
  });
  if (!existsSync('/usr/bin/redis-server'))
    throw new Error('apt-get finished but /usr/bin/redis-server is missing');
  return '/usr/bin/redis-server';
}

/**
 * Starts `redis-server` (Debian package `redis-server`, see `redisServerPath`) on a free port and an Upstash-compatible REST
 * proxy in front of it (`POST /` with one command, `/pipeline` and `/multi-exec` with several), so code
 * using `@upstash/redis` is tested against a real Redis.
 *
 * @example
 * const redis = await startUpstashRedis();
 * const client = new Redis({ url: redis.url, token: redis.token });
 * await client.set('k', 'v');
 * await redis.stop();
 */
export async function startUpstashRedis(options: { redisServer?: string } = {}): Promise<UpstashRedis> {
  const port = await freePort();
  const child = spawn(
    options.redisServer ?? redisServerPath(),
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  const redis = await waitForRedis(port, child).catch((err) => {
    child.kill('SIGTERM');
    throw err;
  });
  const token = `test-token-${Math.random().toString(36).slice(2)}`;
  let served = 0;

  const run = async (command: Command) => {
    served++;
    return redis.sendCommand(command.map(String));
  };

  const server: Server = createServer(async (req, res) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.headers.authorization !== `Bearer ${token}`) return send(401, { error: 'Unauthorized' });
    const base64 = String(req.headers['upstash-encoding'] ?? '').toLowerCase() === 'base64';
    let body: unknown;
    try {
      body = JSON.parse(await text(req));
    } catch {
      return send(400, { error: 'ERR failed to parse command' });
    }
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/pipeline' || path === '/multi-exec') {
      if (!Array.isArray(body) || !body.every(Array.isArray))
        return send(400, { error: 'ERR invalid pipeline' });
      const results = [];
      for (const command of body as Command[]) {
        try {
          results.push({ result: encode(await run(command), base64) });
        } catch (err) {
          results.push({ error: (err as Error).message });
        }
      }
      return send(200, results);
    }
    if (!Array.isArray(body)) return send(400, { error: 'ERR invalid command' });
    try {
      return send(200, { result: encode(await run(body as Command), base64) });
    } catch (err) {
      return send(400, { error: (err as Error).message });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port: httpPort } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${httpPort}`,
    token,
    command: (args) => redis.sendCommand(args),
    served: () => served,
    stop: async () => {
      await new Promise((r) => server.close(r));
      await redis.quit().catch(() => {});
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
