import { copyFileSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { build } from 'esbuild';
import { MANIFEST_FILE, type ShippedManifest } from '../pipeline/train-model';

const MODELS_DIR = path.resolve(import.meta.dirname, '../..');
const SDK_DIR = path.resolve(MODELS_DIR, '../packages/sdk');
/** onnxruntime-web's single-threaded SIMD wasm: the file its `/wasm` bundle fetches. */
const ORT_WASM = 'ort-wasm-simd-threaded.wasm';
const WORKER_FILE = 'struggle-worker.js';

/** onnxruntime-web's dist directory, resolved from the SDK package (the version the worker bundles). */
function ortDistDir(): string {
  const require = createRequire(path.join(SDK_DIR, 'package.json'));
  return path.dirname(require.resolve('onnxruntime-web/ort-wasm-simd-threaded.wasm'));
}

/**
 * Bundles the SDK's struggle worker (with onnxruntime-web's `/wasm` build inside) into one classic
 * script, so it can start from a `blob:` bootstrap with `importScripts` on any origin.
 */
async function buildWorker(outFile: string): Promise<void> {
  await build({
    entryPoints: [path.join(SDK_DIR, 'src/worker/struggle-worker.ts')],
    outfile: outFile,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    logLevel: 'error',
    // onnxruntime-web reads import.meta.url only to find its files; we give it their URLs instead.
    define: { 'import.meta.url': 'self.location.href' },
  });
}

export interface ModelAssets {
  dir: string;
  files: { name: string; bytes: number }[];
}

/**
 * Writes everything the SDK fetches from `assetsBaseUrl` into `dir`: the worker bundle, the model and its
 * manifest (from `models/`), and onnxruntime-web's wasm.
 */
export async function buildModelAssets(dir: string): Promise<ModelAssets> {
  mkdirSync(dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(path.join(MODELS_DIR, MANIFEST_FILE), 'utf8')) as ShippedManifest;
  await buildWorker(path.join(dir, WORKER_FILE));
  copyFileSync(path.join(MODELS_DIR, manifest.model), path.join(dir, manifest.model));
  copyFileSync(path.join(MODELS_DIR, MANIFEST_FILE), path.join(dir, MANIFEST_FILE));
  copyFileSync(path.join(ortDistDir(), ORT_WASM), path.join(dir, ORT_WASM));
  const names = [WORKER_FILE, manifest.model, MANIFEST_FILE, ORT_WASM];
  return { dir, files: names.map((name) => ({ name, bytes: statSync(path.join(dir, name)).size })) };
}
