import type { MlpParams } from './mlp';
import { ModelProto } from './onnx-schema';

interface Tensor {
  name: string;
  dims: (number | { toNumber(): number })[];
  raw_data: Uint8Array;
}

/**
 * Reads the perceptron's parameters back out of an ONNX file written by `exportOnnx`, so offline scoring
 * runs the shipped file and not a copy of its weights kept elsewhere.
 */
export function importOnnx(bytes: Uint8Array): { params: MlpParams; metadata: Record<string, string> } {
  const model = ModelProto.decode(bytes) as unknown as {
    graph: { initializer: Tensor[] };
    metadata_props: { key: string; value: string }[];
  };
  const byName = new Map(model.graph.initializer.map((t) => [t.name, t]));
  const floats = (name: string): number[] => {
    const t = byName.get(name);
    if (!t) throw new Error(`importOnnx: no initializer "${name}": not a struggle model`);
    const view = new DataView(t.raw_data.buffer, t.raw_data.byteOffset, t.raw_data.byteLength);
    return Array.from({ length: t.raw_data.byteLength / 4 }, (_, i) => view.getFloat32(i * 4, true));
  };
  const dim = (name: string, i: number) => Number(byName.get(name)!.dims[i]!.toString());
  const params: MlpParams = {
    inputs: dim('w1', 0),
    hidden: dim('w1', 1),
    mean: floats('mean'),
    invStd: floats('inv_std'),
    w1: floats('w1'),
    b1: floats('b1'),
    w2: floats('w2'),
    b2: floats('b2')[0]!,
  };
  return { params, metadata: Object.fromEntries(model.metadata_props.map((p) => [p.key, p.value])) };
}
