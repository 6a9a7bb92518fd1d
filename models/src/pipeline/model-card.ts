import {
  FEATURE_DOCS,
  FEATURE_NAMES,
  FEATURE_SCHEMA,
  HOP_MS,
  WINDOW_MS,
} from '@smart-onboarding/protocol/features';
import { median } from '@smart-onboarding/stats';
import { RULE_WEIGHTS } from '../sdk';
import { HEALTHY_KINDS, STRUGGLE_KINDS } from '../simulator/episodes';
import { HELD_OUT_PERSONA_IDS, PERSONAS } from '../simulator/persona';
import type { PipelineConfig } from './config';
import type { AucPair, Evaluation } from './evaluate';
import type { Latency } from './latency';
import type { TrainedModel } from './train-model';

const f3 = (x: number) => (Number.isNaN(x) ? 'n/a' : x.toFixed(3));
const f2 = (x: number) => (Number.isNaN(x) ? 'n/a' : x.toFixed(2));
const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(0)}%` : 'n/a');

function aucRow(label: string, a: AucPair): string {
  return `| ${label} | ${a.n} | ${a.positives} | ${f3(a.modelRocAuc)} | ${f3(a.rulesRocAuc)} | ${f3(a.modelPrAuc)} | ${f3(a.rulesPrAuc)} |`;
}

const AUC_HEAD =
  '| group | windows | struggle windows | model ROC AUC | rules ROC AUC | model PR AUC | rules PR AUC |\n|---|---:|---:|---:|---:|---:|---:|';

/**
 * Renders `MODEL_CARD.md` from one pipeline run. Written by `pnpm train`, never by hand: every number
 * below comes from the run that produced the shipped model file.
 */
export function renderModelCard(input: {
  config: PipelineConfig;
  model: TrainedModel;
  evaluation: Evaluation;
  latency: Latency;
  counts: { train: number; validation: number; test: number; trainWindows: number; testWindows: number };
}): string {
  const { config, model, evaluation: ev, latency, counts } = input;
  const m = ev.episodes.model;
  const r = ev.episodes.rules;
  const b = ev.balabit;
  const a = model.alarm;
  const lines = [
    '# Model card: struggle detector',
    '',
    '<!-- Written by `pnpm train` (models/src/cli/train.ts). Do not edit by hand: change the pipeline and retrain. -->',
    '',
    '## What it is',
    '',
    `A one-hidden-layer perceptron (${model.params.inputs} inputs, ${model.params.hidden} ReLU units, sigmoid output) that scores one`,
    `feature window (schema \`${FEATURE_SCHEMA}\`: ${WINDOW_MS / 1000} s of raw events, a new window every ${HOP_MS / 1000} s, plus a window right after`,
    'each click) for struggle: the probability that the person at the controls is stuck. It runs on the device, in a',
    "Web Worker, with onnxruntime-web; its inputs are the SDK's feature vector (`packages/sdk/src/features`), its",
    'outputs the score and, per feature, gradient times input (the reasons on a `struggle` report).',
    '',
    `- File: \`models/${model.manifest.model}\`, ${model.onnx.byteLength} bytes, ONNX opset ${model.manifest.opset}, sha256 \`${model.manifest.sha256}\``,
    `- Seed ${config.seed}; \`pnpm train\` reproduces the file byte for byte.`,
    `- Alarm: raise at ${a.raiseAt} (${a.confirm} consecutive scoring point${a.confirm > 1 ? 's' : ''}), episode ends below ${a.clearBelow}, cooldown ${a.cooldownMs / 1000} s.`,
    `  Chosen on validation users as the most sensitive setting with at most ${config.maxFalseAlarmsPerHour} false alarms per hour there`,
    `  (validation: ${model.validation.detected}/${model.validation.struggleEpisodes} struggle episodes detected, ${model.validation.falseAlarms} false alarms in ${f2(model.validation.hours)} h).`,
    '',
    '## Intended use, and not',
    '',
    'Deciding, on the device, when to offer help during onboarding. It is not a judgement about a person, is never',
    'used to grade anyone, and sees no content: only timing, geometry and kinds of events. Wrong alarms cost a',
    'nudge the user can dismiss; the thresholds favour staying quiet.',
    '',
    '## Data',
    '',
    `Simulated, by \`simulateUserBehavior\` (\`models/src/simulator\`): ${PERSONAS.length} personas (novice/expert x mouse/touchpad/touch/keyboard-first`,
    'x fast/slow x small/large screen) using a simulated onboarding app. Cursor movements are aimed movements whose',
    "duration follows Fitts' law, with minimum-jerk velocity profiles, endpoint scatter and corrective sub-movements,",
    'curvature and tremor; people pause to think and read, type with typos, scroll with wheel notches, touchpad',
    'deltas or finger drags, and keyboard-first people tab and press enter. Each simulated user has their own',
    'motor parameters and hardware: pointer events at 60 to 120 Hz, or 8 to 30 Hz on a busy or remote machine',
    '(the features resample the path every 20 ms, so rates compare). One mouse or touchpad user in three is seen',
    'through a pointer-only capture (pointer, clicks and wheel, no targets, no DOM: a canvas app, a cross-origin',
    'iframe, a remote desktop), with only the struggle a pointer can show, so that missing DOM evidence is not',
    'taken for struggle.',
    '',
    `Episodes: struggle (${STRUGGLE_KINDS.join(', ')}) and healthy (${HEALTHY_KINDS.join(', ')}),`,
    'the healthy ones including look-alikes: reading (long dwells, slow scrolls), selecting text by double and triple',
    'click, fast clicks on a stepper, quick checkbox toggles, idling in another tab, browsing and coming back. A window is',
    'labelled struggle when at least half of it lies in a struggle episode.',
    '',
    `- Training: ${counts.train} sessions (${counts.trainWindows} windows) of ${PERSONAS.length - HELD_OUT_PERSONA_IDS.length} personas; validation: ${counts.validation} other users of the same personas.`,
    `- Test: ${counts.test} sessions (${counts.testWindows} windows) of ${HELD_OUT_PERSONA_IDS.length} **held-out personas never seen in training**: ${HELD_OUT_PERSONA_IDS.map((p) => `\`${p}\``).join(', ')}.`,
    `- Sessions last ${config.sessionMs / 60_000} min; ${Math.round(config.struggleRate * 100)}% of episodes are struggle.`,
    '',
    '## Results on held-out personas',
    '',
    "Per window (the rule-based baseline scores the same windows from the SDK's signals alone, `scoreSignals`):",
    '',
    AUC_HEAD,
    aucRow('all held-out personas', ev.overall),
    '',
    'Per episode, through the alarm gate (hysteresis and cooldown, as in the SDK):',
    '',
    '| scorer | struggle episodes detected | false alarms | hours | false alarms per hour | median time to alarm |',
    '|---|---:|---:|---:|---:|---:|',
    `| model | ${m.detected}/${m.struggleEpisodes} (${pct(m.detected, m.struggleEpisodes)}) | ${m.falseAlarms} | ${f2(m.hours)} | ${f2(m.falseAlarms / m.hours)} | ${f2(median(m.latencies) / 1000)} s |`,
    `| rules | ${r.detected}/${r.struggleEpisodes} (${pct(r.detected, r.struggleEpisodes)}) | ${r.falseAlarms} | ${f2(r.hours)} | ${f2(r.falseAlarms / r.hours)} | ${f2(median(r.latencies) / 1000)} s |`,
    '',
    'Per episode kind (struggle: episodes with an alarm; healthy: alarms raised inside, all false):',
    '',
    '| kind | struggle | episodes | hours | model | rules |',
    '|---|---|---:|---:|---:|---:|',
    ...ev.kinds.map((k) =>
      k.struggle
        ? `| ${k.kind} | yes | ${k.episodes} | ${f2(k.hours)} | ${k.modelAlarms} (${pct(k.modelAlarms, k.episodes)}) | ${k.rulesAlarms} (${pct(k.rulesAlarms, k.episodes)}) |`
        : `| ${k.kind} | no | ${k.episodes} | ${f2(k.hours)} | ${k.modelAlarms} | ${k.rulesAlarms} |`,
    ),
    '',
    '## Calibration (held-out personas, per window)',
    '',
    `Expected calibration error ${f3(ev.calibration.ece)}, Brier score ${f3(ev.calibration.brier)}.`,
    '',
    '| score bin | windows | mean score | share that is struggle |',
    '|---|---:|---:|---:|',
    ...ev.calibration.bins.map(
      (c) =>
        `| ${c.lower.toFixed(1)}-${c.upper.toFixed(1)} | ${c.count} | ${c.count ? f3(c.meanPredicted) : '-'} | ${c.count ? f3(c.observedRate) : '-'} |`,
    ),
    '',
    '## Breakdown per device and persona (bias check)',
    '',
    AUC_HEAD,
    ...ev.perDevice.map((d) => aucRow(d.group, d)),
    '',
    AUC_HEAD,
    ...ev.perView.map((d) => aucRow(d.group, d)),
    '',
    AUC_HEAD,
    ...ev.perPersona.map((d) => aucRow(d.group, d)),
    '',
  ];
  if (b)
    lines.push(
      '## False alarms on real, healthy mouse use (Balabit)',
      '',
      `The Balabit Mouse Dynamics training sessions: ${b.sessions} sessions of 10 people doing ordinary work, ${f2(b.hours)} hours of session time`,
      'converted to the capture format (`models/src/balabit.ts`). Nobody was struggling on purpose, so every alarm is',
      'taken as false. There is no DOM in these traces, so only pointer, click and wheel evidence can fire.',
      '',
      '| detector | fires | per hour |',
      '|---|---:|---:|',
      `| struggle model (alarm gate) | ${b.modelAlarms} | ${f2(b.modelAlarms / b.hours)} |`,
      `| rule-based scorer (alarm gate) | ${b.rulesAlarms} | ${f2(b.rulesAlarms / b.hours)} |`,
      `| PostHog's rage-click rule (3 clicks, 30 px, 1 s) | ${b.posthogFires} | ${f2(b.posthogFires / b.hours)} |`,
      `| the SDK's \`rage_click\` signal | ${b.rageClickSignals} | ${f2(b.rageClickSignals / b.hours)} |`,
      '',
    );
  lines.push(
    '## Inference latency',
    '',
    `Per window, on the machine that ran \`pnpm train\` (Node, one thread; ${latency.n} windows of the test set):`,
    `TypeScript forward pass ${latency.typescriptUs.toFixed(1)} µs; onnxruntime-web (wasm) ${latency.onnxUs.toFixed(1)} µs per \`run\` (median).`,
    "In the browser's Worker, measure with `pnpm --filter @smart-onboarding/models bench`.",
    '',
    '## Baseline: the rule-based scorer',
    '',
    'Signals in the last window combine as independent evidence, `1 - Π(1 - w)` (at most two of a kind), with',
    `weights ${Object.entries(RULE_WEIGHTS)
      .map(([k, w]) => `${k} ${w}`)
      .join(', ')}; alarm at 0.7, clear below 0.4, cooldown 30 s.`,
    'It decides in the SDK until the model is ready, or when the model is switched off or cannot load.',
    '',
    '## Features',
    '',
    '| # | feature | meaning |',
    '|---:|---|---|',
    ...FEATURE_NAMES.map((n, i) => `| ${i} | \`${n}\` | ${FEATURE_DOCS[n]} |`),
    '',
    '## Training',
    '',
    `AdamW (learning rate ${config.train.learningRate}, weight decay ${config.train.weightDecay}), batch ${config.train.batchSize}, ${config.train.epochs} epochs,`,
    `binary cross-entropy; inputs through log1p and standardisation (stored in the model). Final training loss ${f3(model.losses.at(-1) ?? Number.NaN)}.`,
    '',
    '## Reproduce',
    '',
    '```sh',
    'pnpm train           # this file, the model and its manifest',
    'pnpm train --check   # retrains; fails unless the model and manifest come out byte for byte the same',
    'pnpm --filter @smart-onboarding/models bench   # inference per window in the Worker, in Chromium',
    '```',
    '',
    '## Limitations',
    '',
    '- Trained on simulated behaviour. The simulator encodes what we believe struggle looks like; real struggle',
    '  that looks like none of its episodes will be missed. Retrain on real exported windows (`pnpm train --from-export`)',
    '  as soon as there are some.',
    '- The held-out personas are new combinations of traits the simulator knows, not new kinds of people.',
    '- The Balabit figure measures quietness on healthy desktop mouse use only (no touch, no keyboard-first, no DOM).',
    "  It depends on how realistic the simulated healthy pointer motion is and on the model's capacity: check it",
    '  again after any change to the simulator, the features or the model.',
    `- Thresholds favour silence: ${pct(m.detected, m.struggleEpisodes)} of the struggle episodes of held-out personas raise an alarm,`,
    '  short ones least often. The signals themselves still reach the edge one by one.',
    '',
  );
  return lines.join('\n');
}
