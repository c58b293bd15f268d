// One training step of a Dense stack (hidden relu or linear, optionally
// followed by Dropout; a softmax or sigmoid output; its cross-entropy; Adam,
// SGD, momentum or RMSprop) as a dozen calls into the dense-MLP WASM kernels,
// with no tensors, no autodiff tape and no per-kernel bookkeeping: what tfjs
// spends ~200 kernel launches and ~2 ms of JavaScript on per step. The math
// is tfjs's (same gradients, optimizer updates rounded in the same order);
// only the order of float additions inside a matmul differs. Weights and
// optimizer state are working copies on the wasm heap: lean-fit.ts reads
// them from the model and its optimizer before training and writes them back.
//
// Each layer input is read either compressed to its non-zero entries (CSR:
// MNIST pixels, relu outputs) or dense (standardised inputs, linear layers):
// the first training batch measures each input's density and fixes the
// choice for the rest of the fit (DENSE_ABOVE).
import type { LeanOptimizer, ParamBuffers } from './optimizers.ts';
import { scoreRows, type OutputHead, type Scores, type Targets } from './outputs.ts';
import type { WasmHeap } from './wasm-heap.ts';

export type { Scores, Targets } from './outputs.ts';

export interface DenseLayerShape {
  inputs: number;
  units: number;
  /** relu for hidden layers; false means linear (the last layer's activation is the head's). */
  relu: boolean;
  /** Rate of a Dropout layer on this layer's output (hidden layers only); 0 for none. */
  dropout: number;
}

export interface TrainerOptions {
  shapes: DenseLayerShape[];
  /** The batch size: buffers hold this many rows. */
  maxRows: number;
  optimizer: LeanOptimizer;
  head: OutputHead;
  /** Uniform [0, 1) draws for Dropout masks (Math.random unless a test fixes them). */
  random: () => number;
}

/**
 * Fraction of non-zero entries above which a layer input is read dense.
 * Measured with the bench (node-engine.ts, one shared 2-core machine): MNIST
 * pixels (~19 % non-zero) train 2.5× faster as CSR; standardised pixels
 * (~91 %) 1.45× faster dense (0.39 against 0.57 s per epoch); relu outputs
 * (50–70 %) were no faster dense at 0.6 (0.24 against 0.22 s), so they stay CSR.
 */
export const DENSE_ABOVE = 0.8;

interface LayerBuffers {
  shape: DenseLayerShape;
  /** kernel, bias. */
  params: ParamBuffers[];
  out: number;
  delta: number;
  csrStart: number;
  csrCol: number;
  csrVal: number;
  /** Dropout's multipliers (0 or 1 / keep) for the current batch, when the layer has Dropout. */
  mask: number;
  /** Read the input dense (true) or as CSR (false); undefined until the first batch measured it. */
  dense: boolean | undefined;
  /** Where this step's input came from: the heap pointer and the row-index buffer (0: rows in order). */
  input: number;
  inputIndex: number;
}

export class DenseMlpTrainer {
  private readonly layers: LayerBuffers[] = [];
  /** Every layer's parameters in tfjs's trainable-weights order: kernel0, bias0, kernel1, … */
  private readonly params: ParamBuffers[] = [];
  private readonly allocations: number[] = [];
  private readonly indexBuffer: number;
  private readonly heap: WasmHeap;
  private readonly options: TrainerOptions;
  /** One row's probabilities, reused by every row and step. */
  private readonly scratch: Float64Array;

  constructor(heap: WasmHeap, options: TrainerOptions) {
    this.heap = heap;
    this.options = options;
    const { shapes, maxRows, optimizer } = options;
    this.scratch = new Float64Array(shapes[shapes.length - 1]!.units);
    const alloc = (count: number) => {
      const pointer = heap.malloc(Math.max(4, count * 4));
      this.allocations.push(pointer);
      return pointer;
    };
    const zeroed = (count: number) => {
      const pointer = alloc(count);
      heap.f32().fill(0, pointer / 4, pointer / 4 + count);
      return pointer;
    };
    try {
      this.indexBuffer = alloc(maxRows);
      for (const shape of shapes) {
        const param = (count: number): ParamBuffers => ({ value: alloc(count), grad: alloc(count), state: optimizer.slots.map(() => zeroed(count)), count });
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
          mask: shape.dropout > 0 ? alloc(maxRows * shape.units) : 0,
          dense: undefined,
          input: 0,
          inputIndex: 0,
        });
      }
    } catch (error) {
      this.dispose();
      throw error;
    }
  }

  /** Values per parameter, and optionally the optimizer's state per parameter and slot. */
  setParameters(values: Float32Array[], state?: Float32Array[][]): void {
    const heap = this.heap.f32();
    this.params.forEach((p, i) => {
      heap.set(values[i]!, p.value / 4);
      p.state.forEach((pointer, s) => state && heap.set(state[i]![s]!, pointer / 4));
    });
  }

  parameters(): { value: Float32Array; state: Float32Array[] }[] {
    const heap = this.heap.f32();
    const copy = (pointer: number, count: number) => heap.slice(pointer / 4, pointer / 4 + count);
    return this.params.map((p) => ({ value: copy(p.value, p.count), state: p.state.map((s) => copy(s, p.count)) }));
  }

  /** Per layer: whether its input is read dense (undefined before the first batch). For the bench and tests. */
  denseInputs(): (boolean | undefined)[] {
    return this.layers.map((l) => l.dense);
  }

  /** Forward pass of `rows` rows: x[indices[r]] when indices are given, else x[firstRow + r]. */
  private forward(x: number, rows: number, indices: Int32Array | undefined, training: boolean): void {
    const { kernels } = this.heap;
    let input = x;
    let idx = 0;
    if (indices) {
      this.heap.i32().set(indices, this.indexBuffer / 4);
      idx = this.indexBuffer;
    }
    this.layers.forEach((layer, l) => {
      const { inputs, units, relu, dropout } = layer.shape;
      const reluFlag = relu && l < this.layers.length - 1 ? 1 : 0;
      const [kernel, bias] = layer.params as [ParamBuffers, ParamBuffers];
      layer.input = input;
      layer.inputIndex = idx;
      let compressed = false;
      if (layer.dense === undefined && training) {
        // The first training batch decides (the compression counts the non-zeros).
        kernels.compressRows(input, idx, rows, inputs, layer.csrStart, layer.csrCol, layer.csrVal);
        layer.dense = this.heap.i32()[layer.csrStart / 4 + rows]! > DENSE_ABOVE * rows * inputs;
        compressed = true;
      }
      if (layer.dense) {
        kernels.denseForwardRows(input, idx, rows, inputs, kernel.value, bias.value, units, layer.out, reluFlag);
      } else {
        if (!compressed) kernels.compressRows(input, idx, rows, inputs, layer.csrStart, layer.csrCol, layer.csrVal);
        kernels.denseForward(layer.csrStart, layer.csrCol, layer.csrVal, rows, kernel.value, bias.value, units, layer.out, reluFlag);
      }
      if (training && dropout > 0) this.dropout(layer, rows);
      input = layer.out;
      idx = 0;
    });
  }

  /**
   * Inverted dropout on a layer's output, as tf.dropout: each unit kept when
   * u + keep ≥ 1 and then scaled by 1 / keep (both in f32). The draws cannot
   * match tfjs's seeded generator, only its distribution.
   */
  private dropout(layer: LayerBuffers, rows: number): void {
    const keep = Math.fround(1 - layer.shape.dropout);
    const scale = Math.fround(1 / keep);
    const count = rows * layer.shape.units;
    const mask = this.heap.f32().subarray(layer.mask / 4, layer.mask / 4 + count);
    const random = this.options.random;
    for (let i = 0; i < count; i++) mask[i] = Math.floor(random() + keep) >= 1 ? scale : 0;
    this.heap.kernels.applyMask(layer.out, layer.mask, count);
  }

  private score(y: Targets, rows: number, labelRow: (r: number) => number, gradientScale?: number): Scores {
    const last = this.layers[this.layers.length - 1]!;
    return scoreRows(this.options.head, { heap: this.heap, logits: last.out, delta: last.delta, units: last.shape.units, y, rows, labelRow, gradientScale, scratch: this.scratch });
  }

  /** One optimizer step on the rows x[indices[r]], y[indices[r]]. */
  trainStep(x: number, y: Targets, indices: Int32Array): Scores {
    const rows = indices.length;
    const { kernels } = this.heap;
    this.forward(x, rows, indices, true);
    const scores = this.score(y, rows, (r) => indices[r]!, 1 / rows);
    for (let l = this.layers.length - 1; l >= 0; l--) {
      const layer = this.layers[l]!;
      const { inputs, units } = layer.shape;
      const [kernel, bias] = layer.params as [ParamBuffers, ParamBuffers];
      if (layer.dense) kernels.weightGradRows(layer.input, layer.inputIndex, rows, inputs, layer.delta, units, kernel.grad);
      else kernels.weightGrad(layer.csrStart, layer.csrCol, layer.csrVal, rows, layer.delta, units, kernel.grad, inputs);
      kernels.biasGrad(layer.delta, rows, units, bias.grad);
      if (l > 0) {
        const below = this.layers[l - 1]!;
        kernels.inputGrad(layer.delta, rows, units, kernel.value, inputs, below.out, below.delta, below.shape.relu ? 1 : 0, below.shape.dropout > 0 ? below.mask : 0);
      }
    }
    const { optimizer } = this.options;
    for (const p of this.params) optimizer.update(kernels, p);
    optimizer.stepped();
    return scores;
  }

  /** Loss and correct predictions summed over rows [0, rows) of x and y, in chunks (no Dropout). */
  evaluate(x: number, y: Targets, rows: number): Scores {
    const inputs = this.layers[0]!.shape.inputs;
    const total: Scores = { loss: 0, correct: 0 };
    for (let start = 0; start < rows; start += this.options.maxRows) {
      const count = Math.min(this.options.maxRows, rows - start);
      this.forward(x + start * inputs * 4, count, undefined, false);
      const scores = this.score(y, count, (r) => start + r);
      total.loss += scores.loss;
      total.correct += scores.correct;
    }
    return total;
  }

  dispose(): void {
    for (const pointer of this.allocations.splice(0)) this.heap.free(pointer);
  }
}
