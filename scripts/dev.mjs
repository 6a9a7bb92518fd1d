#!/usr/bin/env node
// The local demo: applies D1 migrations, then runs the edge with `wrangler dev` on http://127.0.0.1:8787.
// Options: --port N (default 8787), --persist-to DIR (local state; default edge/.wrangler/state).
// Stops everything it started on SIGINT or SIGTERM.
import { spawn, spawnSync } from 'node:child_process';
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

start(
  [
    wrangler,
    'dev',
    '--ip',
    '127.0.0.1',
    '--port',
    values.port,
    ...persist,
    '--show-interactive-dev-session=false',
  ],
  edgeDir,
);
console.log(
  `\nSmart Onboarding edge: http://127.0.0.1:${values.port}  (health: /health, API document: /openapi.json)\n`,
);
