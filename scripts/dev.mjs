#!/usr/bin/env node
// The local demo: applies D1 migrations, then runs the edge with `wrangler dev` on http://127.0.0.1:8787.
// Options: --port N (default 8787), --persist-to DIR (local state; default edge/.wrangler/state).
// The edge seeds the demo tenant itself (ENVIRONMENT=development); its keys are printed below.
// UPSTASH_REDIS_REST_URL / UPSTASH_REDIS_REST_TOKEN in the environment turn the optional cache on.
// Stops everything it started on SIGINT or SIGTERM.
import { spawn, spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
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
  },
});

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
for (const name of ['UPSTASH_REDIS_REST_URL', 'UPSTASH_REDIS_REST_TOKEN']) {
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

Demo tenant "${demo.tenantId}" (seeded on the first request; development only):
  publishable key   ${demo.publishableKey}      (browsers; origins http://127.0.0.1:* and http://localhost:*)
  secret key        ${demo.secretKey}      (servers and admin APIs: Authorization: Bearer ${demo.secretKey})
  identity secret   ${demo.identitySecret}   (user hash = hex HMAC-SHA256(identity secret, userId))
  sample flow       ${demo.flowId}
  e.g. user "${exampleUser}" has hash ${exampleHash}

  curl -X POST ${url}/v1/journeys/${exampleUser} -H 'x-so-key: ${demo.publishableKey}' \\
       -H 'x-so-user-hash: ${exampleHash}' -H 'content-type: application/json' -d '{"flowId":"${demo.flowId}"}'
`);
