/**
 * `pnpm score <trace.jsonl>`: scores a trace of raw events (the SDK's capture format, one event per line)
 * with the shipped model, through onnxruntime-web, and prints one JSON line per window
 * (`{"t0","t","score"}`) and one per alarm (`{"alarm":true,"t","score","reasons"}`), in time order.
 *
 *   --rules            score with the rule-based scorer instead (the SDK's fallback)
 *   --model <file>     another ONNX file (its struggle-model.json beside it gives the alarm thresholds)
 *   -                  read the trace from stdin
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { FEATURE_NAMES } from '@smart-onboarding/protocol/features';
import * as ort from 'onnxruntime-web';
import { MANIFEST_FILE, MODEL_FILE, type ShippedManifest } from '../pipeline/train-model';
import {
  type AlarmLine,
  alarmsOf,
  type PointScore,
  scoreLines,
  scoreWithRules,
  tracePoints,
} from '../scoring';
import { DEFAULT_ALARM, reasonsFrom } from '../sdk';
import { parseTrace, TraceError } from '../trace-io';
import { userPath } from './user-path';

const MODELS_DIR = path.resolve(import.meta.dirname, '../..');

/** Scores all points in one batched `run`: the features do not depend on the scores, only the alarm gate does. */
async function scoreWithOnnx(modelFile: string, rows: number[][]): Promise<PointScore[]> {
  if (!rows.length) return [];
  ort.env.wasm.numThreads = 1;
  const session = await ort.InferenceSession.create(readFileSync(modelFile));
  const width = rows[0]!.length;
  const out: PointScore[] = [];
  const BATCH = 4096;
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH);
    const input = new ort.Tensor('float32', Float32Array.from(batch.flat()), [batch.length, width]);
    const result = await session.run({ features: input });
    const scores = result.score!.data as Float32Array;
    const contributions = result.contributions!.data as Float32Array;
    for (let i = 0; i < batch.length; i++)
      out.push({
        score: scores[i]!,
        reasons: reasonsFrom(contributions.subarray(i * width, (i + 1) * width), FEATURE_NAMES),
      });
  }
  await session.release();
  return out;
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { rules: { type: 'boolean', default: false }, model: { type: 'string' } },
  });
  const file = positionals[0];
  if (!file) {
    process.stderr.write('usage: pnpm score <trace.jsonl> [--rules] [--model file.onnx]\n');
    return 2;
  }
  const events = parseTrace(readFileSync(file === '-' ? 0 : userPath(file), 'utf8'));
  const points = tracePoints(events);
  let scores: PointScore[];
  let alarms: AlarmLine[];
  if (values.rules) {
    scores = scoreWithRules(events, points);
    alarms = alarmsOf(points, scores, DEFAULT_ALARM);
  } else {
    const modelFile = values.model ? userPath(values.model) : path.join(MODELS_DIR, MODEL_FILE);
    const manifest = JSON.parse(
      readFileSync(path.join(path.dirname(modelFile), MANIFEST_FILE), 'utf8'),
    ) as ShippedManifest;
    scores = await scoreWithOnnx(
      modelFile,
      points.map((p) => p.window.values),
    );
    alarms = alarmsOf(points, scores, manifest.alarm);
  }
  await writeLines(process.stdout, scoreLines(points, scores, alarms));
  return 0;
}

/**
 * Writes in chunks and waits for `drain` whenever the stream's buffer is full, so a slow pipe
 * (`pnpm score t.jsonl | jq`) holds the output back instead of it piling up in memory. A reader that
 * goes away (`| head`) ends the writing quietly, as it does for any Unix filter.
 */
async function writeLines(out: NodeJS.WriteStream, lines: readonly string[]): Promise<void> {
  let closed = false;
  out.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    closed = true;
    out.emit('drain');
  });
  const CHUNK = 512;
  for (let i = 0; i < lines.length && !closed; i += CHUNK) {
    const text = `${lines.slice(i, i + CHUNK).join('\n')}\n`;
    if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', resolve));
  }
}

// The exit code, never process.exit: exiting at once would drop what is still queued for a pipe.
main().then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    if (err instanceof TraceError) process.stderr.write(`score: ${err.message}\n`);
    else process.stderr.write(`${err instanceof Error ? err.stack : err}\n`);
    process.exitCode = err instanceof TraceError ? 2 : 1;
  },
);
