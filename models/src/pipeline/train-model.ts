import { createHash } from 'node:crypto';
import { FEATURE_NAMES, FEATURE_SCHEMA } from '@smart-onboarding/protocol/features';
import { type MlpParams, toFloat32 } from '../model/mlp';
import { exportOnnx } from '../model/onnx-export';
import { trainMlp } from '../model/train';
import { progress } from '../progress';
import { alarmsOf, scoreWithModel, tracePoints } from '../scoring';
import type { AlarmOptions } from '../sdk';
import { alarmGrid, chooseAlarm, type EpisodeOutcome, episodeOutcome, sumOutcomes } from './alarm-tuning';
import type { PipelineConfig } from './config';
import type { Corpus, SimulatedSession } from './corpus';

/** `struggle-model.json`: what the SDK's worker reads before the model (see `ModelManifest` in the SDK). */
export interface ShippedManifest {
  schema: string;
  model: string;
  featureNames: string[];
  alarm: AlarmOptions;
  /** sha256 of the ONNX file, hex. */
  sha256: string;
  opset: number;
  seed: number;
}

export interface TrainedModel {
  params: MlpParams;
  alarm: AlarmOptions;
  validation: EpisodeOutcome;
  onnx: Uint8Array;
  manifest: ShippedManifest;
  losses: number[];
}

export const MODEL_FILE = `struggle-${FEATURE_SCHEMA}.onnx`;
export const MANIFEST_FILE = 'struggle-model.json';

/**
 * The files that ship a model: the ONNX graph and the manifest the SDK's worker reads first (schema,
 * feature names, alarm thresholds, the graph's sha256).
 */
export function shippedModel(
  params: MlpParams,
  alarm: AlarmOptions,
  seed: number,
): { onnx: Uint8Array; manifest: ShippedManifest } {
  const onnx = exportOnnx(params, { featureSchema: FEATURE_SCHEMA, featureNames: FEATURE_NAMES });
  const manifest: ShippedManifest = {
    schema: FEATURE_SCHEMA,
    model: MODEL_FILE,
    featureNames: [...FEATURE_NAMES],
    alarm,
    sha256: createHash('sha256').update(onnx).digest('hex'),
    opset: 17,
    seed,
  };
  return { onnx, manifest };
}

/** Episode outcome of a model with given alarm options on some sessions (points and scores cached per session). */
function outcomeOn(sessions: readonly SimulatedSession[], params: MlpParams) {
  const cached = sessions.map((s) => {
    const points = tracePoints(s.sim.events);
    return { s, points, scores: scoreWithModel(params, points) };
  });
  return (options: AlarmOptions) =>
    sumOutcomes(
      cached.map(({ s, points, scores }) =>
        episodeOutcome(s.sim.episodes, alarmsOf(points, scores, options), s.sim.events.at(-1)!.t),
      ),
    );
}

/**
 * Trains on the corpus's training split, picks alarm thresholds on its validation split, and exports
 * the ONNX file and its manifest. Deterministic in `config.seed`.
 */
export function trainModel(config: PipelineConfig, corpus: Corpus): TrainedModel {
  const rows = corpus.train.flatMap((s) => s.windows);
  const bar = progress('training', config.train.epochs);
  const losses: number[] = [];
  const params = toFloat32(
    trainMlp(
      rows.map((w) => w.values),
      rows.map((w) => w.label),
      config.train,
      (r) => {
        losses.push(r.loss);
        bar.tick(`loss ${r.loss.toFixed(4)}`);
      },
    ),
  );
  bar.done();
  const { options: alarm, outcome: validation } = chooseAlarm(
    alarmGrid(30_000),
    outcomeOn(corpus.validation, params),
    config.maxFalseAlarmsPerHour,
  );
  const { onnx, manifest } = shippedModel(params, alarm, config.seed);
  return { params, alarm, validation, onnx, manifest, losses };
}
