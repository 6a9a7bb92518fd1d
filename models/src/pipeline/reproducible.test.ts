import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FULL_CONFIG, QUICK_CONFIG } from './config';
import { simulateCorpus } from './corpus';
import { MANIFEST_FILE, MODEL_FILE, trainModel } from './train-model';

const MODELS_DIR = path.resolve(import.meta.dirname, '../..');

describe('training is reproducible from its seed', () => {
  it('a short run twice gives the same ONNX bytes; another seed does not', () => {
    const a = trainModel(QUICK_CONFIG, simulateCorpus(QUICK_CONFIG));
    const b = trainModel(QUICK_CONFIG, simulateCorpus(QUICK_CONFIG));
    expect(Buffer.compare(Buffer.from(a.onnx), Buffer.from(b.onnx))).toBe(0);
    expect(a.manifest).toEqual(b.manifest);
    const other = { ...QUICK_CONFIG, seed: QUICK_CONFIG.seed + 1 };
    expect(
      Buffer.compare(Buffer.from(trainModel(other, simulateCorpus(other)).onnx), Buffer.from(a.onnx)),
    ).not.toBe(0);
  });

  it('the full configuration reproduces the shipped model and manifest byte for byte', () => {
    const model = trainModel(FULL_CONFIG, simulateCorpus(FULL_CONFIG));
    const shipped = readFileSync(path.join(MODELS_DIR, MODEL_FILE));
    expect(createHash('sha256').update(shipped).digest('hex')).toBe(model.manifest.sha256);
    expect(Buffer.compare(shipped, Buffer.from(model.onnx))).toBe(0);
    expect(readFileSync(path.join(MODELS_DIR, MANIFEST_FILE), 'utf8')).toBe(
      `${JSON.stringify(model.manifest, null, 2)}\n`,
    );
    expect(readFileSync(path.join(MODELS_DIR, 'MODEL_CARD.md'), 'utf8')).toContain(model.manifest.sha256);
  });
});
