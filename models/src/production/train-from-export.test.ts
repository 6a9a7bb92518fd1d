import * as ort from 'onnxruntime-web';
import { describe, expect, it } from 'vitest';
import { QUICK_CONFIG } from '../pipeline/config';
import { simulateCorpus } from '../pipeline/corpus';
import { exportSample } from './export-sample';
import { trainFromExport } from './train-from-export';
import { ExportError, weakLabel } from './weak-labels';

const config = {
  ...QUICK_CONFIG,
  usersPerPersona: 3,
  sessionMs: 120_000,
  train: { ...QUICK_CONFIG.train, epochs: 8 },
};
const corpus = simulateCorpus(config);
const sample = exportSample([...corpus.train, ...corpus.validation, ...corpus.test]);

describe('learning from production', () => {
  it('labels exported windows by what happened next', () => {
    const windows = weakLabel(sample, 'fw1');
    expect(windows.length).toBeGreaterThan(500);
    expect(windows.filter((w) => w.label === 1).length).toBeGreaterThan(50);
    expect(windows.filter((w) => w.label === 0).length).toBeGreaterThan(50);
  });

  it('trains on an exported sample, and the model runs in onnxruntime-web and beats chance on held-out sessions', async () => {
    const result = trainFromExport(sample, config);
    expect(result.summary.heldOutWindows).toBeGreaterThan(50);
    expect(result.summary.heldOutRocAuc).toBeGreaterThan(0.7);
    ort.env.wasm.numThreads = 1;
    const session = await ort.InferenceSession.create(result.onnx);
    const x = new Float32Array(result.params.inputs);
    const out = await session.run({ features: new ort.Tensor('float32', x, [1, x.length]) });
    expect((out.score!.data as Float32Array)[0]).toBeGreaterThanOrEqual(0);
    expect(result.manifest.alarm.raiseAt).toBeGreaterThan(0);
    await session.release();
  });

  it.each([
    ['a line that is not JSON', 'nope\n', 'export_bad_line'],
    ['a line that is not a behaviour event', '{"eventType":"features"}\n', 'export_bad_line'],
    [
      'windows of another feature schema',
      sample.replaceAll('"schema":"fw1"', '"schema":"fw0"'),
      'export_schema_mismatch',
    ],
    [
      'no outcomes at all',
      sample
        .split('\n')
        .filter((l) => l.includes('"features"'))
        .join('\n'),
      'export_no_labels',
    ],
  ])('rejects %s with a stable code', (_name, text, code) => {
    expect(() => weakLabel(text, 'fw1')).toThrow(ExportError);
    try {
      weakLabel(text, 'fw1');
    } catch (err) {
      expect((err as ExportError).code).toBe(code);
    }
  });
});
