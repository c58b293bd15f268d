// One training step of a Dense stack (hidden relu or linear, softmax output,
// categorical cross-entropy, Adam) as a dozen calls into the dense-MLP WASM
// kernels, with no tensors, no autodiff tape and no per-kernel bookkeeping:
// what tfjs spends ~200 kernel launches and ~2 ms of JavaScript on per step.
// The math is tfjs's (same gradients, Adam rounded in the same order); only
// the order of float additions inside a matmul differs. Weights and Adam
// moments are working copies on the wasm heap: lean-fit.ts reads them from
// the model's variables before training and writes them back.
import type { WasmHeap } from './wasm-heap.ts';

export interface DenseLayerShape {
  inputs: number;
  units: number;
  /** relu for hidden layers; false means linear (the last layer is always softmax). */
  relu: boolean;
}

export interface AdamSettings {
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
  /** tfjs's accBeta1/accBeta2: beta^t before this fit's first step. */
  accBeta1: number;
  accBeta2: number;
}

/** Where the one-hot (or soft) targets lie on the heap, and their dtype. */
export interface Targets {
  pointer: number;
  int32: boolean;
}

/** Sums over the rows seen: divide by the row count for means. */
export interface Scores {
  loss: number;
  correct: number;
}

interface LayerBuffers {
  shape: DenseLayerShape;
  /** kernel, bias: values, Adam m, Adam v, gradient. */
  params: { value: number; m: number; v: number; grad: number; count: number }[];
  out: number;
  delta: number;
  csrStart: number;
  csrCol: number;
  csrVal: number;
}

const EPSILON = 1e-7; // tfjs-layers' epsilon(): the clip in categoricalCrossentropy
const f = Math.fround;

export class DenseMlpTrainer {
  private readonly layers: LayerBuffers[] = [];
  /** Every layer's parameters in tfjs's trainable-weights order: kernel0, bias0, kernel1, … */
  private readonly params: LayerBuffers['params'] = [];
  private readonly allocations: number[] = [];
  private readonly indexBuffer: number;
  private accBeta1: number;
  private accBeta2: number;
  private readonly heap: WasmHeap;
  private readonly maxRows: number;
  private readonly adam: AdamSettings;
  /** One row's softmax, reused by every row and step. */
  private readonly probabilities: Float64Array;

  constructor(heap: WasmHeap, shapes: DenseLayerShape[], maxRows: number, adam: AdamSettings) {
    this.heap = heap;
    this.maxRows = maxRows;
    this.adam = adam;
    this.probabilities = new Float64Array(shapes[shapes.length - 1]!.units);
    this.accBeta1 = f(adam.accBeta1);
    this.accBeta2 = f(adam.accBeta2);
    const alloc = (count: number) => {
      const pointer = heap.malloc(Math.max(4, count * 4));
      this.allocations.push(pointer);
      return pointer;
    };
    try {
      this.indexBuffer = alloc(maxRows);
      for (const shape of shapes) {
        const param = (count: number) => {
          const p = { value: alloc(count), m: alloc(count), v: alloc(count), grad: alloc(count), count };
          heap.f32().fill(0, p.m / 4, p.m / 4 + count);
          heap.f32().fill(0, p.v / 4, p.v / 4 + count);
          return p;
        };
        const params = [param(shape.inputs * shape.units), param(shape.units)];
        this.params.push(...params);
        this.layers.push({
          shape,
          params,
          out: alloc(maxRows * shape.units),
          delta: alloc(maxRows * shape.units),
          csrStart: alloc(maxRows + 1),
          csrCol: alloc(maxRows * shape.inputs),
          csrVal: alloc(maxRows * shape.inputs),
        });
      }
    } catch (error) {
      this.dispose();
      throw error;
    }
  }

  setParameters(values: Float32Array[], moments?: { m: Float32Array; v: Float32Array }[]): void {
    this.params.forEach((p, i) => {
      const heap = this.heap.f32();
      heap.set(values[i]!, p.value / 4);
      if (moments) {
        heap.set(moments[i]!.m, p.m / 4);
        heap.set(moments[i]!.v, p.v / 4);
      }
    });
  }

  parameters(): { value: Float32Array; m: Float32Array; v: Float32Array }[] {
    const heap = this.heap.f32();
    const copy = (pointer: number, count: number) => heap.slice(pointer / 4, pointer / 4 + count);
    return this.params.map((p) => ({ value: copy(p.value, p.count), m: copy(p.m, p.count), v: copy(p.v, p.count) }));
  }

  adamState(): { accBeta1: number; accBeta2: number } {
    return { accBeta1: this.accBeta1, accBeta2: this.accBeta2 };
  }

  /** Forward pass of `rows` rows: x[indices[r]] when indices are given, else x[firstRow + r]. */
  private forward(x: number, rows: number, indices: Int32Array | undefined): void {
    const { kernels } = this.heap;
    let input = x;
    let idx = 0;
    if (indices) {
      this.heap.i32().set(indices, this.indexBuffer / 4);
      idx = this.indexBuffer;
    }
    this.layers.forEach((layer, l) => {
      const { inputs, units, relu } = layer.shape;
      kernels.compressRows(input, idx, rows, inputs, layer.csrStart, layer.csrCol, layer.csrVal);
      const last = l === this.layers.length - 1;
      kernels.denseForward(layer.csrStart, layer.csrCol, layer.csrVal, rows, layer.params[0]!.value, layer.params[1]!.value, units, layer.out, relu && !last ? 1 : 0);
      input = layer.out;
      idx = 0;
    });
  }

  /**
   * Softmax of the last layer's logits, cross-entropy against y's rows (as
   * tfjs computes it: probabilities clipped to [1e-7, 1 − 1e-7]) and
   * accuracy (argmax against argmax). With `gradientScale`, also writes
   * dLoss/dLogits = (p·Σy − y)·scale into the last layer's delta.
   */
  private softmaxCrossEntropy(y: Targets, rows: number, labelRow: (r: number) => number, gradientScale?: number): Scores {
    const last = this.layers[this.layers.length - 1]!;
    const classes = last.shape.units;
    const heap = this.heap.f32();
    const targets = y.int32 ? this.heap.i32() : heap;
    const logits = last.out / 4;
    const delta = last.delta / 4;
    const labels = y.pointer / 4;
    let loss = 0;
    let correct = 0;
    const p = this.probabilities;
    for (let r = 0; r < rows; r++) {
      const z = logits + r * classes;
      const t = labels + labelRow(r) * classes;
      let max = -Infinity;
      let predicted = 0;
      for (let j = 0; j < classes; j++) {
        if (heap[z + j]! > max) {
          max = heap[z + j]!;
          predicted = j;
        }
      }
      let sum = 0;
      for (let j = 0; j < classes; j++) sum += p[j] = Math.exp(heap[z + j]! - max);
      let labelMax = -Infinity;
      let label = 0;
      let ySum = 0;
      for (let j = 0; j < classes; j++) {
        const yj = targets[t + j]!;
        p[j]! /= sum;
        ySum += yj;
        if (yj > labelMax) {
          labelMax = yj;
          label = j;
        }
        if (yj !== 0) loss -= yj * Math.log(Math.min(Math.max(p[j]!, EPSILON), 1 - EPSILON));
      }
      if (predicted === label) correct++;
      if (gradientScale !== undefined) {
        for (let j = 0; j < classes; j++) heap[delta + r * classes + j] = (p[j]! * ySum - targets[t + j]!) * gradientScale;
      }
    }
    return { loss, correct };
  }

  /** One step of Adam on the rows x[indices[r]], y[indices[r]]. */
  trainStep(x: number, y: Targets, indices: Int32Array): Scores {
    const rows = indices.length;
    const { kernels } = this.heap;
    this.forward(x, rows, indices);
    const scores = this.softmaxCrossEntropy(y, rows, (r) => indices[r]!, 1 / rows);
    for (let l = this.layers.length - 1; l >= 0; l--) {
      const layer = this.layers[l]!;
      const { inputs, units } = layer.shape;
      const [kernel, bias] = layer.params as [LayerBuffers['params'][0], LayerBuffers['params'][0]];
      kernels.weightGrad(layer.csrStart, layer.csrCol, layer.csrVal, rows, layer.delta, units, kernel.grad, inputs);
      kernels.biasGrad(layer.delta, rows, units, bias.grad);
      if (l > 0) {
        const below = this.layers[l - 1]!;
        kernels.inputGrad(layer.delta, rows, units, kernel.value, inputs, below.out, below.delta, below.shape.relu ? 1 : 0);
      }
    }
    const a = this.adam;
    const d1 = f(1 - this.accBeta1);
    const d2 = f(1 - this.accBeta2);
    for (const p of this.params) {
      kernels.adam(p.value, p.m, p.v, p.grad, p.count, f(a.beta1), f(a.beta2), f(1 - a.beta1), f(1 - a.beta2), d1, d2, f(a.epsilon), f(-a.learningRate));
    }
    this.accBeta1 = f(this.accBeta1 * f(a.beta1));
    this.accBeta2 = f(this.accBeta2 * f(a.beta2));
    return scores;
  }

  /** Loss and correct predictions summed over rows [0, rows) of x and y, in chunks. */
  evaluate(x: number, y: Targets, rows: number): Scores {
    const inputs = this.layers[0]!.shape.inputs;
    const total: Scores = { loss: 0, correct: 0 };
    for (let start = 0; start < rows; start += this.maxRows) {
      const count = Math.min(this.maxRows, rows - start);
      this.forward(x + start * inputs * 4, count, undefined);
      const scores = this.softmaxCrossEntropy(y, count, (r) => start + r);
      total.loss += scores.loss;
      total.correct += scores.correct;
    }
    return total;
  }

  dispose(): void {
    for (const pointer of this.allocations.splice(0)) this.heap.free(pointer);
  }
}
