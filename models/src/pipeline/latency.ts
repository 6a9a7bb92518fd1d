import * as ort from 'onnxruntime-web';
import { forward, type MlpParams } from '../model/mlp';

export interface Latency {
  /** TypeScript forward pass, µs per window (mean over `n`). */
  typescriptUs: number;
  /** onnxruntime-web (wasm, one thread) in Node, one window per `run`, µs (median of `n`). */
  onnxUs: number;
  n: number;
}

/** Measures inference time per window on `rows` (real feature vectors). Timing figures vary by machine. */
export async function measureLatency(
  params: MlpParams,
  onnx: Uint8Array,
  rows: readonly number[][],
  n = 2000,
): Promise<Latency> {
  const sample = Array.from({ length: n }, (_, i) => rows[i % rows.length]!);
  let sink = 0;
  for (const x of sample.slice(0, 200)) sink += forward(params, x).score;
  const t0 = performance.now();
  for (const x of sample) sink += forward(params, x).score;
  const typescriptUs = ((performance.now() - t0) * 1000) / n;

  ort.env.wasm.numThreads = 1;
  const session = await ort.InferenceSession.create(onnx);
  const times: number[] = [];
  for (let i = 0; i < n + 100; i++) {
    const x = sample[i % n]!;
    const started = performance.now();
    const out = await session.run({
      features: new ort.Tensor('float32', Float32Array.from(x), [1, x.length]),
    });
    if (i >= 100) times.push(performance.now() - started);
    sink += (out.score!.data as Float32Array)[0]!;
  }
  await session.release();
  times.sort((a, b) => a - b);
  if (Number.isNaN(sink)) throw new Error('NaN score');
  return { typescriptUs, onnxUs: times[Math.floor(times.length / 2)]! * 1000, n };
}
