#!/usr/bin/env node
// The local demo: builds the widgets and the SDK (skipped when their dist is newer than their sources),
// copies the struggle model to the edge, applies D1 migrations, runs the edge with `wrangler dev` on
// http://127.0.0.1:8787, and serves the example apps: creator-studio on http://127.0.0.1:5173 (with
// /sdk/* from packages/sdk/dist and /widgets/* from packages/widgets/dist), react-app on 5174 and
// preact-app on 5175 (when they exist; their `build` scripts, which write public/build/app.js, run
// first when that file is older than their sources or the SDK's and widgets'), and the console, which the
// edge serves at /console (built into edge/public/console/ when stale).
// Options: --port N (default 8787), --persist-to DIR (local state; default edge/.wrangler/state),
// --examples-port N (first example's port, default 5173; 0 picks free ports), --no-examples (edge only,
// no builds but the model's and the console's).
// The edge seeds the demo tenant itself (ENVIRONMENT=development); its keys are printed below.
// UPSTASH_REDIS_REST_URL / UPSTASH_REDIS_REST_TOKEN in the environment turn the optional cache on.
// Prints one short banner once the edge and the examples answer, and a progress line per stage before;
// what builds, migrations and wrangler print goes to <persist-to>/dev.log (shown when something fails).
// Stops everything it started on SIGINT or SIGTERM: each child runs in its own process group (wrangler's
// workerd included), and the whole group is signalled.
import { spawn, spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const edgeDir = path.join(root, 'edge');
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8787' },
    'persist-to': { type: 'string', default: path.join(edgeDir, '.wrangler', 'state') },
    'examples-port': { type: 'string', default: '5173' },
    'no-examples': { type: 'boolean', default: false },
  },
});
const withExamples = !values['no-examples'];

// wrangler is run with this very Node binary: the node_modules/.bin/node shim is a shell wrapper,
// and a signal sent to a wrapper does not reach the server behind it.
const wranglerPkg = createRequire(path.join(edgeDir, 'package.json')).resolve('wrangler/package.json');
const wrangler = path.join(path.dirname(wranglerPkg), 'bin', 'wrangler.js');
const env = {
  ...process.env,
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  WRANGLER_SEND_METRICS: 'false',
  NO_D1_WARNING: 'true',
  FORCE_COLOR: '0',
};
const persist = ['--persist-to', values['persist-to']];
mkdirSync(values['persist-to'], { recursive: true });
const logPath = path.join(values['persist-to'], 'dev.log');
const logFd = openSync(logPath, 'a');

/** The pinned pnpm: the one running this script, else `pnpm` on PATH, else through npx (README's way). */
function pnpmCommand() {
  const exec = process.env.npm_execpath;
  if (exec && path.basename(exec).startsWith('pnpm'))
    return /\.[cm]?js$/.test(exec) ? [process.execPath, exec] : [exec];
  if (spawnSync('pnpm', ['--version'], { stdio: 'ignore' }).status === 0) return ['pnpm'];
  const version = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).packageManager.split(
    '@',
  )[1];
  return ['npx', '--yes', `pnpm@${version}`];
}
let pnpm;

const children = new Set();
let stopping = false;
/** Signals a child's whole process group (wrangler's workerd is a grandchild). */
const signalGroup = (child, signal) => {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
};

/** Runs a child in its own process group with its output in the log; resolves with its exit code. */
function run(command, args, cwd, childEnv = env) {
  const child = spawn(command, args, { cwd, env: childEnv, stdio: ['ignore', logFd, logFd], detached: true });
  children.add(child);
  return {
    child,
    done: new Promise((resolve) => {
      child.on('error', () => resolve(127));
      child.on('exit', (code, signal) => {
        children.delete(child);
        resolve(code ?? (signal ? 128 : 1));
      });
    }),
  };
}

/** What the log got since `from`: the last lines, for a failure message. */
function logSince(from) {
  const text = readFileSync(logPath, 'utf8').slice(from);
  return text.trimEnd().split('\n').slice(-40).join('\n');
}
const logSize = () => statSync(logPath).size;

/** One stage: a progress line, the child's output in the log, its last lines on failure. */
async function stage(label, command, args, cwd, { optional = false, childEnv } = {}) {
  const from = logSize();
  const began = Date.now();
  process.stdout.write(`  ${label}…`);
  const code = await run(command, args, cwd, childEnv).done;
  if (stopping) return false;
  if (code === 0) {
    console.log(` done (${((Date.now() - began) / 1000).toFixed(1)} s)`);
    return true;
  }
  console.log(' failed');
  console.error(`${logSince(from)}\n(${label} exited ${code}; full output in ${logPath})`);
  if (!optional) stop(code || 1);
  return false;
}

function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  process.exitCode = code;
  for (const server of servers) server.close();
  for (const child of children) signalGroup(child, 'SIGTERM');
  // What has not stopped after 5 s is killed; the timer does not hold the process open.
  setTimeout(() => {
    for (const child of children) signalGroup(child, 'SIGKILL');
  }, 5000).unref();
  closeSync(logFd);
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
// `pnpm dev` runs this under a shell; a SIGTERM sent to pnpm ends that shell and not this script, which
// then sees its parent change: that is a stop too.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) stop(0);
}, 500).unref();

/** The newest modification time of `dir`'s files, or of the file itself (node_modules and dist skipped). */
function newest(dir) {
  if (!statSync(dir).isDirectory()) return statSync(dir).mtimeMs;
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return latest;
}
const mtime = (file) => (existsSync(file) ? statSync(file).mtimeMs : 0);

/** Runs `pnpm --filter <pkg> <script>` unless `output` is newer than every source in `sources`. */
async function buildIfStale(pkg, script, output, sources) {
  const built = mtime(output);
  if (built && sources.every((s) => newest(s) < built)) return true;
  pnpm ??= pnpmCommand();
  return stage(`building ${pkg}`, pnpm[0], [...pnpm.slice(1), '--filter', pkg, 'run', script], root);
}

/** Resolves once `url` answers 2xx (every 250 ms), or false once `ms` passed or the demo is stopping. */
async function answers(url, ms) {
  const deadline = Date.now() + ms;
  while (!stopping && Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

const sdkDir = path.join(root, 'packages', 'sdk');
const widgetsDir = path.join(root, 'packages', 'widgets');
const apps = [
  { name: 'creator-studio', dir: path.join(root, 'examples', 'creator-studio') },
  { name: 'react-app', dir: path.join(root, 'examples', 'react-app') },
  { name: 'preact-app', dir: path.join(root, 'examples', 'preact-app') },
];
const servers = [];
const url = `http://127.0.0.1:${values.port}`;
const edgeUrl = url;

async function main() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 22 || (major === 22 && minor < 12)) {
    console.error(
      `Node ${process.versions.node} is too old for wrangler: run this through pnpm (pnpm dev), which uses Node 22 from node_modules.`,
    );
    process.exitCode = 1;
    return;
  }
  console.log(`Starting the Smart Onboarding demo (output of each stage in ${logPath})`);
  if (withExamples) {
    const widgetsBundle = path.join(widgetsDir, 'dist', 'widgets.iife.js');
    const built =
      (await buildIfStale('@smart-onboarding/widgets', 'build', widgetsBundle, [
        path.join(widgetsDir, 'src'),
      ])) &&
      (await buildIfStale(
        '@smart-onboarding/sdk',
        'build',
        path.join(sdkDir, 'dist', 'smart-onboarding.widgets.js'),
        [path.join(sdkDir, 'src'), path.join(root, 'packages', 'protocol', 'src'), widgetsBundle],
      ));
    if (!built) return;
    for (const app of apps.slice(1)) {
      const manifest = path.join(app.dir, 'package.json');
      if (!existsSync(path.join(app.dir, 'src')) || !existsSync(manifest)) continue;
      const pkg = JSON.parse(readFileSync(manifest, 'utf8'));
      if (!pkg.scripts?.build) continue;
      const ok = await buildIfStale(pkg.name, 'build', path.join(app.dir, 'public', 'build', 'app.js'), [
        path.join(app.dir, 'src'),
        path.join(root, 'examples', 'shared'),
        path.join(sdkDir, 'src'),
        path.join(widgetsDir, 'src'),
      ]);
      if (!ok) return;
    }
  }
  // The console is part of the edge's static assets (edge/public/console/, served at /console): built here
  // when older than its sources, with or without the examples, since the edge alone serves it.
  const consoleDir = path.join(root, 'packages', 'console');
  const consoleBuilt = await buildIfStale(
    '@smart-onboarding/console',
    'build',
    path.join(edgeDir, 'public', 'console', 'console.js'),
    [path.join(consoleDir, 'src')],
  );
  if (!consoleBuilt) return;
  // The struggle model, its worker and onnxruntime-web's wasm, served by the edge at /v1/model/.
  const modelDir = path.join(edgeDir, 'public', 'v1', 'model');
  if (!existsSync(modelDir) || !readdirSync(modelDir).some((f) => f.endsWith('.onnx'))) {
    pnpm ??= pnpmCommand();
    const copied = await stage(
      'copying the struggle model to the edge',
      pnpm[0],
      [...pnpm.slice(1), '--filter', '@smart-onboarding/models', 'run', 'sync-edge-assets'],
      root,
      { optional: true },
    );
    if (stopping) return;
    if (!copied) console.error('  the SDK will score struggle with its rules');
  }
  const migrated = await stage(
    'applying D1 migrations',
    process.execPath,
    [wrangler, 'd1', 'migrations', 'apply', 'DB', '--local', ...persist],
    edgeDir,
    { childEnv: { ...env, CI: 'true' } },
  );
  if (!migrated) return;

  // Worker vars from this environment: wrangler dev does not read process.env for them.
  // ENVIRONMENT=development makes the edge seed the demo tenant (wrangler.jsonc says production).
  const vars = ['--var', 'ENVIRONMENT:development'];
  // Azure OpenAI (AI help) and the escalation webhook are optional too: without them help is authored only.
  for (const name of [
    'UPSTASH_REDIS_REST_URL',
    'UPSTASH_REDIS_REST_TOKEN',
    'AZURE_OPENAI_ENDPOINT',
    'AZURE_OPENAI_API_KEY',
    'AZURE_OPENAI_CHAT_DEPLOYMENT',
    'AZURE_OPENAI_EMBEDDING_DEPLOYMENT',
    'AZURE_OPENAI_API_VERSION',
    'ESCALATION_WEBHOOK_URL',
    'ESCALATION_WEBHOOK_SECRET',
    'ESCALATION_WEBHOOK_FORMAT',
  ]) {
    if (process.env[name]) vars.push('--var', `${name}:${process.env[name]}`);
  }
  const from = logSize();
  const began = Date.now();
  const edge = run(
    process.execPath,
    [
      wrangler,
      'dev',
      '--ip',
      '127.0.0.1',
      '--port',
      values.port,
      ...persist,
      ...vars,
      '--show-interactive-dev-session=false',
    ],
    edgeDir,
  );
  void edge.done.then((code) => {
    if (stopping) return;
    console.error(
      `${logSince(from)}\nwrangler dev exited (${code}); stopping the demo. Full output in ${logPath}`,
    );
    stop(code || 1);
  });

  const examples = [];
  if (withExamples) {
    const base = Number(values['examples-port']);
    const shared = { '/sdk/': path.join(sdkDir, 'dist'), '/widgets/': path.join(widgetsDir, 'dist') };
    for (const [i, app] of apps.entries()) {
      const publicDir = path.join(app.dir, 'public');
      if (!existsSync(path.join(publicDir, 'index.html'))) continue;
      try {
        examples.push({
          name: app.name,
          at: await serveExample(publicDir, shared, base === 0 ? 0 : base + i),
        });
      } catch (err) {
        console.error(`  could not serve ${app.name}: ${err.message}`);
      }
    }
  }

  process.stdout.write('  starting the edge (wrangler dev)…');
  const progress = setInterval(
    () => process.stdout.write(` ${Math.round((Date.now() - began) / 1000)} s…`),
    10_000,
  );
  const ready = await answers(`${url}/health`, 600_000);
  const served = await Promise.all(examples.map((e) => answers(e.at, 30_000)));
  clearInterval(progress);
  if (stopping) return;
  if (!ready) {
    console.log(' no answer');
    console.error(`${logSince(from)}\nthe edge did not answer ${url}/health; full output in ${logPath}`);
    return stop(1);
  }
  console.log(` ready (${((Date.now() - began) / 1000).toFixed(1)} s)`);
  banner(examples.filter((_, i) => served[i]));
}

/** The one banner: where everything is, once it answers. */
function banner(examples) {
  // One source for the demo tenant: the file the edge seeds from.
  const demo = JSON.parse(readFileSync(path.join(edgeDir, 'src', 'dev', 'demo-tenant.json'), 'utf8'));
  const exampleUser = 'demo-user';
  const exampleHash = createHmac('sha256', demo.identitySecret).update(exampleUser).digest('hex');
  const lines = examples.map((e) => `  ${e.name.padEnd(16)}${e.at}`);
  console.log(`
Smart Onboarding edge: ${url}  (health: /health, API document: /openapi.json)
Console: ${url}/console  (invite yourself with the secret key below: see the README)

Demo tenant "${demo.tenantId}" (seeded on the first request; development only):
  publishable key   ${demo.publishableKey}      (browsers; origins http://127.0.0.1:* and http://localhost:*)
  secret key        ${demo.secretKey}      (servers and admin APIs: Authorization: Bearer ${demo.secretKey})
  identity secret   ${demo.identitySecret}   (user hash = hex HMAC-SHA256(identity secret, userId))
  sample flow       ${demo.flowId}; e.g. user "${exampleUser}" has hash ${exampleHash}
${lines.length ? `\nExamples (open the first one and start onboarding):\n${lines.join('\n')}\n` : ''}
Ctrl-C stops everything; the edge's own log is in ${logPath}.`);
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
};

/**
 * A static server for one example: `mounts` map URL prefixes to folders (the longest first), paths without
 * an extension fall back to index.html (history routing), and `/dev-env.js` tells the page where the
 * edge is (the examples fall back to port 8787 of their own host without it).
 */
function serveExample(rootDir, mounts, port) {
  const server = createServer(async (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (pathname === '/dev-env.js') {
      res.writeHead(200, { 'content-type': TYPES['.js'], 'cache-control': 'no-store' });
      return res.end(`window.SMART_ONBOARDING_DEV = ${JSON.stringify({ endpoint: edgeUrl })};\n`);
    }
    const [prefix, dir] = Object.entries(mounts).find(([p]) => pathname.startsWith(p)) ?? ['/', rootDir];
    const file = path.join(dir, path.normalize(pathname.slice(prefix.length - 1)));
    const inside = file.startsWith(path.resolve(dir));
    const candidates = [
      file,
      ...(prefix === '/' && !path.extname(pathname) ? [path.join(rootDir, 'index.html')] : []),
    ];
    for (const candidate of inside ? candidates : []) {
      try {
        const body = await readFile(candidate);
        res.writeHead(200, {
          'content-type': TYPES[path.extname(candidate)] ?? 'application/octet-stream',
          'cache-control': 'no-cache',
        });
        return res.end(body);
      } catch {
        // next candidate
      }
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
  servers.push(server);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(`http://127.0.0.1:${server.address().port}`));
  });
}

await main();
