import type { MlpParams } from './mlp';
import { ATTRIBUTE_INT, ModelProto, ONNX_FLOAT } from './onnx-schema';

/** ONNX opset 17 with IR version 8, the IR that introduced it. */
export const OPSET = 17;
const IR_VERSION = 8;

function floatTensor(name: string, dims: number[], values: readonly number[]) {
  const raw = new Uint8Array(values.length * 4);
  const view = new DataView(raw.buffer);
  for (let i = 0; i < values.length; i++) view.setFloat32(i * 4, values[i]!, true);
  return { name, dims, data_type: ONNX_FLOAT, raw_data: raw };
}

function node(op_type: string, input: string[], output: string[], attribute: object[] = []) {
  return { op_type, input, output, name: output[0], attribute };
}

function tensorInfo(name: string, dims: (number | string)[], doc: string) {
  return {
    name,
    doc_string: doc,
    type: {
      tensor_type: {
        elem_type: ONNX_FLOAT,
        shape: { dim: dims.map((d) => (typeof d === 'string' ? { dim_param: d } : { dim_value: d })) },
      },
    },
  };
}

/**
 * Writes the perceptron as an ONNX model (opset 17): input `features` [N, F] of raw feature values;
 * outputs `score` [N, 1] (probability of struggle) and `contributions` [N, F] (gradient of the logit
 * times the standardised input, the same quantity `forward` computes). Parameters are stored as float32
 * little-endian `raw_data`, and nothing time- or machine-dependent is written, so the same parameters
 * always give the same bytes.
 *
 * @example
 * writeFileSync('struggle.onnx', exportOnnx(params, { featureSchema: 'fw1', featureNames }));
 */
export function exportOnnx(
  p: MlpParams,
  meta: { featureSchema: string; featureNames: readonly string[] },
): Uint8Array {
  const F = p.inputs;
  const H = p.hidden;
  const w1T: number[] = [];
  for (let j = 0; j < H; j++) for (let i = 0; i < F; i++) w1T.push(p.w1[i * H + j]!);
  const graph = {
    name: 'struggle_mlp',
    doc_string:
      'Smart Onboarding struggle model: log1p, standardise, one ReLU layer, sigmoid; gradient x input attributions.',
    initializer: [
      floatTensor('one', [], [1]),
      floatTensor('zero', [], [0]),
      floatTensor('mean', [F], p.mean),
      floatTensor('inv_std', [F], p.invStd),
      floatTensor('w1', [F, H], p.w1),
      floatTensor('b1', [H], p.b1),
      floatTensor('w2', [H, 1], p.w2),
      floatTensor('w2_row', [H], p.w2),
      floatTensor('w1_t', [H, F], w1T),
      floatTensor('b2', [1], [p.b2]),
    ],
    node: [
      node('Relu', ['features'], ['x_clamped']),
      node('Add', ['x_clamped', 'one'], ['x_plus_one']),
      node('Log', ['x_plus_one'], ['x_log']),
      node('Sub', ['x_log', 'mean'], ['x_centered']),
      node('Mul', ['x_centered', 'inv_std'], ['z']),
      node('MatMul', ['z', 'w1'], ['pre_no_bias']),
      node('Add', ['pre_no_bias', 'b1'], ['pre']),
      node('Relu', ['pre'], ['hidden']),
      node('MatMul', ['hidden', 'w2'], ['logit_no_bias']),
      node('Add', ['logit_no_bias', 'b2'], ['logit']),
      node('Sigmoid', ['logit'], ['score']),
      node('Greater', ['pre', 'zero'], ['active_bool']),
      node('Cast', ['active_bool'], ['active'], [{ name: 'to', type: ATTRIBUTE_INT, i: ONNX_FLOAT }]),
      node('Mul', ['active', 'w2_row'], ['hidden_grad']),
      node('MatMul', ['hidden_grad', 'w1_t'], ['z_grad']),
      node('Mul', ['z_grad', 'z'], ['contributions']),
    ],
    input: [tensorInfo('features', ['N', F], `raw feature values, layout ${meta.featureSchema}`)],
    output: [
      tensorInfo('score', ['N', 1], 'probability that the window shows struggle'),
      tensorInfo('contributions', ['N', F], 'per feature: d(logit)/dz * z'),
    ],
  };
  const model = {
    ir_version: IR_VERSION,
    producer_name: 'smart-onboarding-models',
    producer_version: '1',
    domain: 'dev.smart-onboarding',
    model_version: 1,
    doc_string: 'Struggle score per feature window. See models/MODEL_CARD.md.',
    graph,
    opset_import: [{ domain: '', version: OPSET }],
    metadata_props: [
      { key: 'feature_schema', value: meta.featureSchema },
      { key: 'feature_names', value: meta.featureNames.join(',') },
    ],
  };
  const err = ModelProto.verify(model);
  if (err) throw new Error(`exportOnnx: ${err}`);
  return ModelProto.encode(ModelProto.fromObject(model)).finish();
}
