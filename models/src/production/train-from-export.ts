import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { FEATURE_COUNT, FEATURE_SCHEMA } from '@smart-onboarding/protocol/features';
import { prAuc, rocAuc } from '@smart-onboarding/stats';
import { forward, toFloat32 } from '../model/mlp';
import { trainMlp } from '../model/train';
import type { PipelineConfig } from '../pipeline/config';
import { type ShippedManifest, shippedModel } from '../pipeline/train-model';
import { type AlarmOptions, DEFAULT_ALARM } from '../sdk';
import { weakLabel } from './weak-labels';

/** Sessions whose id hashes into the last fifth are held out to check the retrained model. */
function isHeldOut(sessionId: string): boolean {
  return createHash('sha256').update(sessionId).digest()[0]! % 5 === 0;
}

function shippedAlarm(): AlarmOptions {
  const file = path.resolve(import.meta.dirname, '../../struggle-model.json');
  if (!existsSync(file)) return DEFAULT_ALARM;
  return (JSON.parse(readFileSync(file, 'utf8')) as ShippedManifest).alarm;
}

/**
 * Learning from production: trains the same perceptron on feature windows exported from the edge, with
 * weak labels from what happened next (`weakLabel`), and checks it on sessions held out by id. Keeps the
 * shipped alarm thresholds (weak labels cannot tell episodes apart well enough to tune them).
 *
 * @example
 * const { onnx, manifest, summary } = trainFromExport(readFileSync('export.jsonl', 'utf8'), FULL_CONFIG);
 */
export function trainFromExport(jsonl: string, config: PipelineConfig) {
  const windows = weakLabel(jsonl, FEATURE_SCHEMA);
  for (const w of windows)
    if (w.values.length !== FEATURE_COUNT)
      throw new Error(`a ${FEATURE_SCHEMA} window has ${FEATURE_COUNT} values, got ${w.values.length}`);
  const train = windows.filter((w) => !isHeldOut(w.sessionId));
  const held = windows.filter((w) => isHeldOut(w.sessionId));
  const params = toFloat32(
    trainMlp(
      train.map((w) => w.values),
      train.map((w) => w.label),
      config.train,
    ),
  );
  const { onnx, manifest } = shippedModel(params, shippedAlarm(), config.seed);
  const scores = held.map((w) => forward(params, w.values).score);
  const labels = held.map((w) => w.label);
  return {
    params,
    onnx,
    manifest,
    summary: {
      windows: windows.length,
      trainWindows: train.length,
      heldOutWindows: held.length,
      heldOutRocAuc: rocAuc(scores, labels),
      heldOutPrAuc: prAuc(scores, labels),
    },
  };
}
