// The Worker bundle budget: `wrangler deploy --dry-run` bundles exactly what a deploy uploads; its gzip
// size is what Cloudflare limits (3 MB on the free plan, 10 MB paid) and what start-up time grows with.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Wrangler } from './wrangler';

/** gzip bytes. Measured 451 KiB gzip (2,628 KiB raw) on 2026-12-07: room to grow, not to double. */
const bundleBudgetBytes = 640 * 1024;

export interface BundleSize {
  rawBytes: number;
  gzipBytes: number;
}

/** Bundles the Worker with the given config (no upload) and measures the modules wrangler would send. */
export async function measureBundle(wrangler: Wrangler, configPath: string): Promise<BundleSize> {
  const outdir = await mkdtemp(path.join(tmpdir(), 'so-bundle-'));
  try {
    await wrangler(['deploy', '--dry-run', '--outdir', outdir, '--config', configPath]);
    let rawBytes = 0;
    let gzipBytes = 0;
    for (const file of await readdir(outdir)) {
      if (file.endsWith('.map') || file === 'README.md') continue;
      const bytes = await readFile(path.join(outdir, file));
      rawBytes += bytes.length;
      gzipBytes += gzipSync(bytes, { level: 9 }).length;
    }
    if (rawBytes === 0) throw new Error(`wrangler wrote no bundle to ${outdir}`);
    return { rawBytes, gzipBytes };
  } finally {
    await rm(outdir, { recursive: true, force: true });
  }
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

/** The line the deploy and CI print; `over` is true when the bundle passes the budget. */
export function budgetReport(size: BundleSize, budget = bundleBudgetBytes): { line: string; over: boolean } {
  const over = size.gzipBytes > budget;
  return {
    over,
    line: `Worker bundle: ${kib(size.rawBytes)}, gzip ${kib(size.gzipBytes)} (budget ${kib(budget)} gzip)${over ? ': OVER BUDGET' : ''}`,
  };
}
