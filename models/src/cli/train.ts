/**
 * `pnpm train`: simulates, trains, evaluates and writes the shipped model, its manifest and the model card.
 *
 *   pnpm train                      the shipped model (models/struggle-fw1.onnx, struggle-model.json, MODEL_CARD.md)
 *   pnpm train --check              retrains and fails unless the files in models/ come out byte for byte the same
 *   pnpm train --quick --out <dir>  a small run of the same pipeline (seconds), written elsewhere
 *   pnpm train --no-balabit         skips the Balabit false-alarm figures
 *   pnpm train --from-export <windows.jsonl> --out <dir>   trains on feature windows exported from the edge
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadBalabit } from '../balabit';
import { FULL_CONFIG, QUICK_CONFIG } from '../pipeline/config';
import { simulateCorpus } from '../pipeline/corpus';
import { runPipeline } from '../pipeline/run';
import { MANIFEST_FILE, trainModel } from '../pipeline/train-model';
import { trainFromExport } from '../production/train-from-export';
import { userPath } from './user-path';

const MODELS_DIR = path.resolve(import.meta.dirname, '../..');
const BIOME = path.resolve(MODELS_DIR, '../node_modules/.bin/biome');

/** The repository formats Markdown with Biome: format the card the same way, so `pnpm lint` stays clean. */
function formatCard(file: string): void {
  if (existsSync(BIOME)) execFileSync(BIOME, ['format', '--write', file], { stdio: 'ignore' });
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      check: { type: 'boolean', default: false },
      out: { type: 'string' },
      'no-balabit': { type: 'boolean', default: false },
      'from-export': { type: 'string' },
      seed: { type: 'string' },
    },
  });
  const out = values.out ? userPath(values.out) : MODELS_DIR;
  const base = values.quick ? QUICK_CONFIG : FULL_CONFIG;
  const config = values.seed ? { ...base, seed: Number(values.seed) } : base;

  if (values['from-export']) {
    const result = trainFromExport(readFileSync(userPath(values['from-export']), 'utf8'), config);
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, result.manifest.model), result.onnx);
    writeFileSync(path.join(out, MANIFEST_FILE), `${JSON.stringify(result.manifest, null, 2)}\n`);
    process.stdout.write(`${JSON.stringify(result.summary)}\n`);
    return 0;
  }

  if (values.check) {
    // The model and manifest depend only on the simulation and training: no need to evaluate.
    const model = trainModel(config, simulateCorpus(config));
    const modelPath = path.join(out, model.manifest.model);
    const same =
      Buffer.compare(readFileSync(modelPath), Buffer.from(model.onnx)) === 0 &&
      readFileSync(path.join(out, MANIFEST_FILE), 'utf8') === `${JSON.stringify(model.manifest, null, 2)}\n`;
    process.stderr.write(
      same
        ? `reproduced ${modelPath} byte for byte (sha256 ${model.manifest.sha256})\n`
        : `MISMATCH: ${modelPath} differs from the retrained model\n`,
    );
    return same ? 0 : 1;
  }

  const balabit = values['no-balabit'] ? undefined : loadBalabit();
  const run = await runPipeline(config, balabit);
  const manifestText = `${JSON.stringify(run.model.manifest, null, 2)}\n`;
  const modelPath = path.join(out, run.model.manifest.model);
  mkdirSync(out, { recursive: true });
  writeFileSync(modelPath, run.model.onnx);
  writeFileSync(path.join(out, MANIFEST_FILE), manifestText);
  writeFileSync(path.join(out, 'MODEL_CARD.md'), run.card);
  formatCard(path.join(out, 'MODEL_CARD.md'));
  const e = run.evaluation;
  process.stderr.write(
    `wrote ${modelPath} (${run.model.onnx.byteLength} bytes, sha256 ${run.model.manifest.sha256})\n` +
      `held-out ROC AUC model ${e.overall.modelRocAuc.toFixed(3)} vs rules ${e.overall.rulesRocAuc.toFixed(3)}` +
      (e.balabit
        ? `; Balabit alarms/h model ${(e.balabit.modelAlarms / e.balabit.hours).toFixed(2)}, PostHog ${(e.balabit.posthogFires / e.balabit.hours).toFixed(2)}`
        : '') +
      '\n',
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`${err instanceof Error ? err.stack : err}\n`);
    process.exit(1);
  },
);
