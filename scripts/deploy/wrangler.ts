// Runs the edge's pinned wrangler on the Node running this script (Node 22 from the root devDependency
// when started through pnpm), with the account's credentials in its environment only.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

export type Wrangler = (args: readonly string[], env?: Readonly<Record<string, string>>) => Promise<string>;

export function wranglerIn(edgeDir: string): Wrangler {
  const pkg = createRequire(path.join(edgeDir, 'package.json')).resolve('wrangler/package.json');
  const bin = path.join(path.dirname(pkg), 'bin/wrangler.js');
  return (args, env = {}) =>
    new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [bin, ...args], {
        cwd: edgeDir,
        env: { ...process.env, ...env, WRANGLER_SEND_METRICS: 'false' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d;
      });
      child.stderr.on('data', (d: Buffer) => {
        out += d;
      });
      child.on('error', reject);
      child.on('close', (code) =>
        code === 0 ? resolve(out) : reject(new Error(`wrangler ${args.join(' ')} exited ${code}:\n${out}`)),
      );
    });
}
