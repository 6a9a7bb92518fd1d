import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FEATURE_NAMES, FEATURE_SCHEMA } from '@smart-onboarding/protocol/features';
import * as ort from 'onnxruntime-web';
import { beforeAll, describe, expect, it } from 'vitest';
import { QUICK_CONFIG } from '../pipeline/config';
import { simulateCorpus } from '../pipeline/corpus';
import { MODEL_FILE } from '../pipeline/train-model';
import { forward, toFloat32 } from './mlp';
import { exportOnnx } from './onnx-export';
import { importOnnx } from './onnx-import';
import { trainMlp } from './train';

const shipped = readFileSync(path.resolve(import.meta.dirname, '../..', MODEL_FILE));
const corpus = simulateCorpus(QUICK_CONFIG);
const rows = corpus.test.flatMap((s) => s.windows.map((w) => w.values));

describe('ONNX export', () => {
  beforeAll(() => {
    ort.env.wasm.numThreads = 1;
  });

  it("onnxruntime-web's output equals the TypeScript forward pass within 1e-5 (the shipped model, real windows)", async () => {
    const { params } = importOnnx(shipped);
    const session = await ort.InferenceSession.create(shipped);
    const sample = rows.slice(0, 400);
    const F = params.inputs;
    const out = await session.run({
      features: new ort.Tensor('float32', Float32Array.from(sample.flat()), [sample.length, F]),
    });
    const scores = out.score!.data as Float32Array;
    const contributions = out.contributions!.data as Float32Array;
    let maxScoreDiff = 0;
    let maxContributionDiff = 0;
    sample.forEach((x, i) => {
      const ref = forward(
        params,
        x.map((v) => Math.fround(v)),
      );
      maxScoreDiff = Math.max(maxScoreDiff, Math.abs(scores[i]! - ref.score));
      for (let k = 0; k < F; k++)
        maxContributionDiff = Math.max(
          maxContributionDiff,
          Math.abs(contributions[i * F + k]! - ref.contributions[k]!),
        );
    });
    expect(maxScoreDiff).toBeLessThan(1e-5);
    expect(maxContributionDiff).toBeLessThan(1e-4);
    expect(new Set(Array.from(scores).map((s) => s.toFixed(2))).size).toBeGreaterThan(5);
    await session.release();
  });

  it('declares opset 17, the feature schema and names, and reads back to the same parameters', () => {
    const params = toFloat32(
      trainMlp(
        rows.slice(0, 300),
        rows.slice(0, 300).map((_, i) => i % 2),
        { ...QUICK_CONFIG.train, epochs: 1 },
      ),
    );
    const bytes = exportOnnx(params, { featureSchema: FEATURE_SCHEMA, featureNames: FEATURE_NAMES });
    const back = importOnnx(bytes);
    expect(back.params).toEqual(params);
    expect(back.metadata.feature_schema).toBe(FEATURE_SCHEMA);
    expect(back.metadata.feature_names!.split(',')).toEqual(FEATURE_NAMES);
    // opset_import { domain: "" version: 17 }: field 8, then version (field 2 varint) 17.
    expect(Buffer.from(bytes).includes(Buffer.from([0x42, 0x02, 0x10, 0x11]))).toBe(true);
  });

  it('the shipped model is small', () => {
    expect(shipped.byteLength).toBeLessThan(32 * 1024);
  });
});
