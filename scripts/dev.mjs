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
// no builds but the model's).
// The edge seeds the demo tenant itself (ENVIRONMENT=development); its keys are printed below.
// UPSTASH_REDIS_REST_URL / UPSTASH_REDIS_REST_TOKEN in the environment turn the optional cache on.
// Stops everything it started on SIGINT or SIGTERM.
import { spawn, spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
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

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `Node ${process.versions.node} is too old for wrangler: run this through pnpm (pnpm dev), which uses Node 22 from node_modules.`,
  );
  process.exit(1);
}

// wrangler is run with this very Node binary: the node_modules/.bin/node shim is a shell wrapper,
// and a signal sent to a wrapper does not reach the server behind it.
const wranglerPkg = createRequire(path.join(edgeDir, 'package.json')).resolve('wrangler/package.json');
const wrangler = path.join(path.dirname(wranglerPkg), 'bin', 'wrangler.js');
const env = {
  ...process.env,
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  WRANGLER_SEND_METRICS: 'false',
  NO_D1_WARNING: 'true',
};
const persist = ['--persist-to', values['persist-to']];

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
function buildIfStale(pkg, script, output, sources) {
  const built = mtime(output);
  if (built && sources.every((s) => newest(s) < built)) return;
  console.log(`building ${pkg} (${script})…`);
  const run = spawnSync('pnpm', ['--filter', pkg, 'run', script], {
    cwd: root,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (run.status !== 0) {
    console.error(`${pkg} ${script} failed`);
    process.exit(run.status ?? 1);
  }
}

const sdkDir = path.join(root, 'packages', 'sdk');
const widgetsDir = path.join(root, 'packages', 'widgets');
const apps = [
  { name: 'creator-studio', dir: path.join(root, 'examples', 'creator-studio') },
  { name: 'react-app', dir: path.join(root, 'examples', 'react-app') },
  { name: 'preact-app', dir: path.join(root, 'examples', 'preact-app') },
];
if (withExamples) {
  const widgetsBundle = path.join(widgetsDir, 'dist', 'widgets.iife.js');
  buildIfStale('@smart-onboarding/widgets', 'build', widgetsBundle, [path.join(widgetsDir, 'src')]);
  buildIfStale('@smart-onboarding/sdk', 'build', path.join(sdkDir, 'dist', 'smart-onboarding.widgets.js'), [
    path.join(sdkDir, 'src'),
    path.join(root, 'packages', 'protocol', 'src'),
    widgetsBundle,
  ]);
  for (const app of apps.slice(1)) {
    if (!existsSync(path.join(app.dir, 'src'))) continue;
    const manifest = path.join(app.dir, 'package.json');
    if (!existsSync(manifest)) continue;
    const pkg = JSON.parse(readFileSync(manifest, 'utf8'));
    if (pkg.scripts?.build)
      buildIfStale(pkg.name, 'build', path.join(app.dir, 'public', 'build', 'app.js'), [
        path.join(app.dir, 'src'),
        path.join(root, 'examples', 'shared'),
        path.join(sdkDir, 'src'),
        path.join(widgetsDir, 'src'),
      ]);
  }
}
// The console is part of the edge's static assets (edge/public/console/, served at /console): built here
// when older than its sources, with or without the examples, since the edge alone serves it.
const consoleDir = path.join(root, 'packages', 'console');
const consoleBuilt = mtime(path.join(edgeDir, 'public', 'console', 'console.js'));
if (!consoleBuilt || newest(path.join(consoleDir, 'src')) >= consoleBuilt) {
  console.log('building the console…');
  const { buildConsole } = await import(pathToFileURL(path.join(consoleDir, 'build.mjs')).href);
  await buildConsole();
}
// The struggle model, its worker and onnxruntime-web's wasm, served by the edge at /v1/model/.
const modelDir = path.join(edgeDir, 'public', 'v1', 'model');
if (!existsSync(modelDir) || !readdirSync(modelDir).some((f) => f.endsWith('.onnx'))) {
  console.log('copying the struggle model to the edge…');
  const sync = spawnSync('pnpm', ['--filter', '@smart-onboarding/models', 'run', 'sync-edge-assets'], {
    cwd: root,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (sync.status !== 0)
    console.error('copying the model failed: the SDK will score struggle with its rules');
}

const migrate = spawnSync(
  process.execPath,
  [wrangler, 'd1', 'migrations', 'apply', 'DB', '--local', ...persist],
  {
    cwd: edgeDir,
    env: { ...env, CI: 'true' },
    stdio: ['ignore', 'inherit', 'inherit'],
  },
);
if (migrate.status !== 0) {
  console.error('applying D1 migrations failed');
  process.exit(migrate.status ?? 1);
}

const children = [];
const servers = [];
function start(args, cwd) {
  const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'inherit', 'inherit'] });
  children.push(child);
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`${path.basename(args[0])} exited (${signal ?? code}); stopping the demo`);
      stop(code ?? 1);
    }
  });
  return child;
}

let stopping = false;
function stop(code = 0) {
  stopping = true;
  for (const server of servers) server.close();
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 2000).unref();
  Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.on('exit', r)) : null))).then(
    () => process.exit(code),
  );
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

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

start(
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

// One source for the demo tenant: the file the edge seeds from.
const demo = JSON.parse(readFileSync(path.join(edgeDir, 'src', 'dev', 'demo-tenant.json'), 'utf8'));
const url = `http://127.0.0.1:${values.port}`;
const exampleUser = 'demo-user';
const exampleHash = createHmac('sha256', demo.identitySecret).update(exampleUser).digest('hex');
console.log(`
Smart Onboarding edge: ${url}  (health: /health, API document: /openapi.json)
Console: ${url}/console  (invite yourself with the secret key below: see the README)

Demo tenant "${demo.tenantId}" (seeded on the first request; development only):
  publishable key   ${demo.publishableKey}      (browsers; origins http://127.0.0.1:* and http://localhost:*)
  secret key        ${demo.secretKey}      (servers and admin APIs: Authorization: Bearer ${demo.secretKey})
  identity secret   ${demo.identitySecret}   (user hash = hex HMAC-SHA256(identity secret, userId))
  sample flow       ${demo.flowId}
  e.g. user "${exampleUser}" has hash ${exampleHash}

  curl -X POST ${url}/v1/journeys/${exampleUser} -H 'x-so-key: ${demo.publishableKey}' \\
       -H 'x-so-user-hash: ${exampleHash}' -H 'content-type: application/json' -d '{"flowId":"${demo.flowId}"}'
`);

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

const edgeUrl = url;
if (withExamples) {
  const base = Number(values['examples-port']);
  const shared = { '/sdk/': path.join(sdkDir, 'dist'), '/widgets/': path.join(widgetsDir, 'dist') };
  const lines = [];
  for (const [i, app] of apps.entries()) {
    const publicDir = path.join(app.dir, 'public');
    if (!existsSync(path.join(publicDir, 'index.html'))) continue;
    try {
      const at = await serveExample(publicDir, shared, base === 0 ? 0 : base + i);
      lines.push(`  ${app.name.padEnd(16)}${at}`);
    } catch (err) {
      console.error(`could not serve ${app.name}: ${err.message}`);
    }
  }
  console.log(`Examples (open the first one and start onboarding):\n${lines.join('\n')}\n`);
}
