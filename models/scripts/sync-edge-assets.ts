/**
 * Copies what the SDK fetches from the edge's `/v1/model/` into `edge/public/v1/model/` (gitignored):
 * the struggle worker bundle, the model and its manifest, and onnxruntime-web's wasm. Run it before
 * `pnpm dev` or `wrangler deploy`:
 *
 *   pnpm --filter @smart-onboarding/models sync-edge-assets [target-dir]
 */
import path from 'node:path';
import { buildModelAssets } from '../src/assets/build-assets';
import { userPath } from '../src/cli/user-path';

const target = process.argv[2]
  ? userPath(process.argv[2])
  : path.resolve(import.meta.dirname, '../../edge/public/v1/model');
const assets = await buildModelAssets(target);
for (const f of assets.files) process.stdout.write(`${path.join(assets.dir, f.name)}  ${f.bytes} bytes\n`);
