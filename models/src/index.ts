/**
 * The struggle model pipeline as a library: the behaviour simulator, training, ONNX export and import,
 * offline scoring and evaluation. The command-line entry points are in `./cli`.
 */
export { balabitToEvents, loadBalabit } from './balabit';
export { type LabelledWindow, labelWindows } from './dataset';
export { posthogRageClicks } from './eval/posthog-rule';
export { forward, type MlpParams } from './model/mlp';
export { exportOnnx, OPSET } from './model/onnx-export';
export { importOnnx } from './model/onnx-import';
export { DEFAULT_TRAIN, type TrainConfig, trainMlp } from './model/train';
export { FULL_CONFIG, type PipelineConfig, QUICK_CONFIG } from './pipeline/config';
export { runPipeline } from './pipeline/run';
export { trainFromExport } from './production/train-from-export';
export { weakLabel } from './production/weak-labels';
export { alarmsOf, scoreLines, scoreWithModel, scoreWithRules, tracePoints } from './scoring';
export { HELD_OUT_PERSONA_IDS, PERSONAS, type Persona } from './simulator/persona';
export {
  type BehaviorSimulation,
  DEFAULT_SCENARIO,
  type Episode,
  simulateUserBehavior,
  type TestScenario,
} from './simulator/simulate';
export { formatTrace, parseTrace, TraceError } from './trace-io';
