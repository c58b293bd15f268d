// Decides whether a model.fit call can take the lean trainer, and describes
// it when it can. Only what the trainer computes exactly as tfjs does is
// accepted: a Sequential of Dense layers (an optional leading Flatten),
// hidden relu/linear each optionally followed by one Dropout (no seed, no
// noiseShape), a softmax output with categorical cross-entropy or a sigmoid
// output with binary cross-entropy, Adam, SGD, momentum or RMSprop
// (optimizers.ts), accuracy or no metric, float32 tensors already on the wasm
// heap, and fit options the loop implements. Anything else (other layers,
// losses, optimizers, regularizers, class or sample weights, datasets, a
// shape tfjs would reject with its own message) answers a reason and fit runs
// as stock.
import type * as tfType from '@tensorflow/tfjs';
import { leanOptimizer, type LeanOptimizer } from './optimizers.ts';
import type { OutputHead } from './outputs.ts';
import type { DenseLayerShape, Targets } from './trainer.ts';
import type { WasmHeap } from './wasm-heap.ts';

type Tf = typeof tfType;

export interface DenseVariables {
  kernel: tfType.LayerVariable;
  bias: tfType.LayerVariable;
}

export interface LeanFitPlan {
  shapes: DenseLayerShape[];
  variables: DenseVariables[];
  optimizer: LeanOptimizer;
  /** The model's own optimizer (its iteration count is advanced per step). */
  tfOptimizer: tfType.Optimizer;
  head: OutputHead;
  /** Where x and y lie on the heap (y may be int32, as tf.oneHot makes it). */
  x: number;
  y: Targets;
  trainRows: number;
  validation?: { x: number; y: Targets; rows: number };
  batchSize: number;
  epochs: number;
  initialEpoch: number;
  shuffle: boolean;
  /** Log names as tfjs makes them: ['loss', 'acc'] or ['loss']. */
  metricNames: string[];
}

export type PlanResult = { ok: true; plan: LeanFitPlan } | { ok: false; reason: string };

const HANDLED_ARGS = new Set(['batchSize', 'epochs', 'initialEpoch', 'shuffle', 'validationData', 'validationSplit', 'callbacks', 'verbose', 'yieldEvery']);
const ACCURACY = new Set(['acc', 'accuracy']);
const TARGET_DTYPES = ['float32', 'int32'];
/** The output activation each loss is accepted with. */
const HEADS: Record<string, OutputHead['activation']> = { categoricalCrossentropy: 'softmax', binaryCrossentropy: 'sigmoid' };

interface DenseLike {
  getClassName(): string;
  useBias: boolean;
  built: boolean;
  trainable: boolean;
  activation?: { getClassName(): string };
  kernel?: tfType.LayerVariable;
  bias?: tfType.LayerVariable;
  kernelRegularizer?: unknown;
  biasRegularizer?: unknown;
  activityRegularizer?: unknown;
  kernelConstraint?: unknown;
  biasConstraint?: unknown;
  /** Dropout's. */
  rate?: number;
  noiseShape?: unknown;
  seed?: unknown;
}

const no = (reason: string): PlanResult => ({ ok: false, reason });

function sameShape(a: readonly (number | null)[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

export function planLeanFit(tf: Tf, heap: WasmHeap, model: tfType.LayersModel, x: unknown, y: unknown, args: Record<string, unknown>): PlanResult {
  // Sequential.fit calls the fit of its inner LayersModel: a plain chain
  // InputLayer → [Flatten] → Dense… with one input and one output.
  if (model.inputs.length !== 1 || model.outputs.length !== 1) return no('not one input and one output');
  for (const key of Object.keys(args)) if (args[key] !== undefined && !HANDLED_ARGS.has(key)) return no(`fit option ${key}`);
  const headActivation = typeof model.loss === 'string' ? HEADS[model.loss] : undefined;
  if (!headActivation) return no(`loss ${String(model.loss)}`);
  const optimizer = leanOptimizer(tf, model.optimizer);
  if (typeof optimizer === 'string') return no(optimizer);
  const metrics = (model as unknown as { metrics?: unknown }).metrics;
  const metricList = metrics == null ? [] : Array.isArray(metrics) ? metrics : [metrics];
  if (metricList.length > 1 || !metricList.every((m) => typeof m === 'string' && ACCURACY.has(m))) return no('metrics other than accuracy');
  const metricNames = model.metricsNames;
  if (metricNames.length !== metricList.length + 1) return no('unexpected metric names');

  const layers = model.layers as unknown as (DenseLike & { inboundNodes: { inboundLayers: unknown[] }[] })[];
  for (const [i, layer] of layers.entries()) {
    const inbound = layer.inboundNodes.flatMap((node) => node.inboundLayers);
    if (i === 0 ? inbound.length !== 0 : inbound.length !== 1 || inbound[0] !== layers[i - 1]) return no('not a plain chain of layers');
  }
  let first = layers[0]?.getClassName() === 'InputLayer' ? 1 : 0;
  if (layers[first]?.getClassName() === 'Flatten') first++;
  const dense = layers.slice(first);
  if (dense.length === 0) return no('no Dense layers');
  if (dense[dense.length - 1]!.getClassName() === 'Dropout') return no('Dropout after the output layer');
  const shapes: DenseLayerShape[] = [];
  const variables: DenseVariables[] = [];
  let inputs = 0;
  for (const [i, layer] of dense.entries()) {
    if (layer.getClassName() === 'Dropout') {
      const previous = shapes[shapes.length - 1];
      if (!previous || dense[i - 1]?.getClassName() !== 'Dense') return no('Dropout not directly after a Dense layer');
      if (layer.noiseShape != null) return no('Dropout with noiseShape');
      if (layer.seed != null) return no('Dropout with a seed (tfjs\'s seeded masks cannot be reproduced)');
      // tfjs applies no dropout at rate 0 (nor 1): then the layer is the identity.
      const rate = layer.rate ?? 0;
      previous.dropout = rate > 0 && rate < 1 ? rate : 0;
      continue;
    }
    if (layer.getClassName() !== 'Dense') return no(`layer ${layer.getClassName()}`);
    if (!layer.built || !layer.trainable || !layer.useBias || !layer.kernel || !layer.bias) return no('a Dense layer without trainable kernel and bias');
    if (layer.kernelRegularizer || layer.biasRegularizer || layer.activityRegularizer || layer.kernelConstraint || layer.biasConstraint) {
      return no('regularizer or constraint');
    }
    const activation = layer.activation?.getClassName();
    const last = i === dense.length - 1;
    if (last && activation !== headActivation) return no(`output activation ${activation} with loss ${String(model.loss)}`);
    if (!last && activation !== 'relu' && activation !== 'linear') return no(`activation ${activation}`);
    const [k, n] = layer.kernel.shape as number[];
    if (shapes.length > 0 && k !== inputs) return no('layer sizes do not chain');
    inputs = n!;
    shapes.push({ inputs: k!, units: n!, relu: !last && activation === 'relu', dropout: 0 });
    variables.push({ kernel: layer.kernel, bias: layer.bias });
  }
  if (!model.trainableWeights.every((w) => variables.some((v) => v.kernel === w || v.bias === w))) return no('other trainable weights');

  const inputShape = model.inputs[0]!.shape.slice(1);
  if (inputShape.reduce<number>((a, b) => a * (b ?? NaN), 1) !== shapes[0]!.inputs) return no('input shape does not flatten to the first Dense layer');
  const classes = shapes[shapes.length - 1]!.units;
  // tfjs-layers' 'acc' is binary accuracy for binary cross-entropy or a one-unit output.
  const head: OutputHead = { activation: headActivation, binaryAccuracy: headActivation === 'sigmoid' || classes === 1 };
  // Targets may be int32 (tf.oneHot's dtype), as tfjs's fit accepts them.
  const tensorOf = (value: unknown, featureShape: readonly (number | null)[], dtypes = ['float32']): tfType.Tensor | undefined => {
    if (!(value instanceof tf.Tensor) || !dtypes.includes(value.dtype) || value.isDisposed) return undefined;
    return sameShape(value.shape.slice(1), featureShape as number[]) && heap.pointerOf(value) !== undefined ? value : undefined;
  };
  const targets = (t: tfType.Tensor, row = 0): Targets => ({ pointer: heap.pointerOf(t)! + row * classes * 4, int32: t.dtype === 'int32' });
  const xs = tensorOf(x, inputShape);
  const ys = tensorOf(y, [classes], TARGET_DTYPES);
  if (!xs || !ys) return no('x or y is not a float32 tensor of the model\'s shapes on the wasm backend');
  const samples = xs.shape[0]!;
  if (ys.shape[0] !== samples || samples === 0) return no('x and y sample counts');

  const batchSize = args.batchSize === undefined ? 32 : args.batchSize;
  const epochs = args.epochs === undefined ? 1 : args.epochs;
  const initialEpoch = args.initialEpoch === undefined ? 0 : args.initialEpoch;
  const shuffle = args.shuffle === undefined ? true : args.shuffle;
  if (!Number.isInteger(batchSize) || (batchSize as number) < 1) return no('batchSize');
  if (!Number.isInteger(epochs) || !Number.isInteger(initialEpoch)) return no('epochs');
  if (typeof shuffle !== 'boolean') return no(`shuffle ${String(shuffle)}`);

  let trainRows = samples;
  let validation: LeanFitPlan['validation'];
  if (args.validationData !== undefined) {
    const data = args.validationData;
    if (!Array.isArray(data) || data.length !== 2) return no('validationData is not [x, y]');
    const vx = tensorOf(data[0], inputShape);
    const vy = tensorOf(data[1], [classes], TARGET_DTYPES);
    if (!vx || !vy || vx.shape[0] !== vy.shape[0] || vx.shape[0] === 0) return no('validationData tensors');
    validation = { x: heap.pointerOf(vx)!, y: targets(vy), rows: vx.shape[0]! };
  } else if (args.validationSplit !== undefined) {
    const split = args.validationSplit;
    if (typeof split !== 'number' || !(split > 0 && split < 1)) return no('validationSplit');
    // tfjs: the last fraction of the samples, unshuffled.
    trainRows = Math.floor(samples * (1 - split));
    if (trainRows === 0 || trainRows === samples) return no('validationSplit leaves an empty part');
    const features = shapes[0]!.inputs;
    validation = { x: heap.pointerOf(xs)! + trainRows * features * 4, y: targets(ys, trainRows), rows: samples - trainRows };
  }
  return {
    ok: true,
    plan: {
      shapes,
      variables,
      optimizer,
      tfOptimizer: model.optimizer,
      head,
      x: heap.pointerOf(xs)!,
      y: targets(ys),
      trainRows,
      validation,
      batchSize: batchSize as number,
      epochs: epochs as number,
      initialEpoch: initialEpoch as number,
      shuffle,
      metricNames,
    },
  };
}
