import type { BalabitSession } from '../balabit';
import { progress } from '../progress';
import type { PipelineConfig } from './config';
import { simulateCorpus } from './corpus';
import { type Evaluation, evaluate } from './evaluate';
import { type Latency, measureLatency } from './latency';
import { renderModelCard } from './model-card';
import { type TrainedModel, trainModel } from './train-model';

export interface PipelineRun {
  model: TrainedModel;
  evaluation: Evaluation;
  latency: Latency;
  card: string;
}

/**
 * The whole pipeline: simulate, train, choose thresholds, export, evaluate on held-out personas (and
 * on Balabit when given), measure latency, write the card. Only the latency figures vary between runs.
 */
export async function runPipeline(
  config: PipelineConfig,
  balabit?: readonly BalabitSession[],
): Promise<PipelineRun> {
  const sessions = 32 * config.usersPerPersona;
  const simBar = progress('simulating', sessions);
  const corpus = simulateCorpus(config, () => simBar.tick());
  simBar.done();
  const model = trainModel(config, corpus);
  const evalBar = progress('evaluating', corpus.test.length + (balabit?.length ?? 0));
  const evaluation = evaluate(model.params, model.alarm, corpus.test, balabit, () => evalBar.tick());
  evalBar.done();
  const testRows = corpus.test.flatMap((s) => s.windows.map((w) => w.values));
  const latency = await measureLatency(model.params, model.onnx, testRows);
  const card = renderModelCard({
    config,
    model,
    evaluation,
    latency,
    counts: {
      train: corpus.train.length,
      validation: corpus.validation.length,
      test: corpus.test.length,
      trainWindows: corpus.train.reduce((n, s) => n + s.windows.length, 0),
      testWindows: testRows.length,
    },
  });
  return { model, evaluation, latency, card };
}
