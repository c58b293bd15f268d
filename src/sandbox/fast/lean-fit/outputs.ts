// The output layer's activation and the loss, in JavaScript (a few values per
// row): softmax + categorical cross-entropy, or sigmoid + binary
// cross-entropy, computed as tfjs-layers computes them, with the accuracy
// tfjs's 'acc' / 'accuracy' means for that model: categorical (argmax
// against argmax), or binary (the mean over units of y == (p > 0.5)) when the
// loss is binary cross-entropy or the output has one unit.
import type { WasmHeap } from './wasm-heap.ts';

/** Where the one-hot (or soft, or 0/1) targets lie on the heap, and their dtype. */
export interface Targets {
  pointer: number;
  int32: boolean;
}

/** Sums over the rows seen: divide by the row count for means. */
export interface Scores {
  loss: number;
  /** Correct rows (categorical), or the sum over rows of each row's fraction of correct units (binary). */
  correct: number;
}

export interface OutputHead {
  activation: 'softmax' | 'sigmoid';
  binaryAccuracy: boolean;
}

export interface OutputRows {
  heap: WasmHeap;
  /** The last layer's pre-activation outputs and where dLoss/dLogits goes, rows × units. */
  logits: number;
  delta: number;
  units: number;
  y: Targets;
  rows: number;
  /** Row of y that row r of the batch belongs to. */
  labelRow: (r: number) => number;
  /** With a scale, also writes dLoss/dLogits·scale (scale = 1 / rows, the batch mean). */
  gradientScale?: number;
  /** One row's probabilities, reused. */
  scratch: Float64Array;
}

const EPSILON = 1e-7; // tfjs-layers' epsilon(): the clip in both cross-entropies
const f = Math.fround;
const LOW = f(EPSILON);
const HIGH = f(1 - EPSILON);

export function scoreRows(head: OutputHead, rows: OutputRows): Scores {
  return head.activation === 'softmax' ? softmaxCrossEntropy(head, rows) : sigmoidBinaryCrossEntropy(rows);
}

/**
 * Softmax of the logits, cross-entropy against y's rows (probabilities
 * clipped to [1e-7, 1 − 1e-7]); the gradient is (p·Σy − y)·scale.
 */
function softmaxCrossEntropy(head: OutputHead, o: OutputRows): Scores {
  const classes = o.units;
  const heap = o.heap.f32();
  const targets = o.y.int32 ? o.heap.i32() : heap;
  const logits = o.logits / 4;
  const delta = o.delta / 4;
  const labels = o.y.pointer / 4;
  const p = o.scratch;
  let loss = 0;
  let correct = 0;
  for (let r = 0; r < o.rows; r++) {
    const z = logits + r * classes;
    const t = labels + o.labelRow(r) * classes;
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
    if (head.binaryAccuracy) correct += binaryCorrect(p, targets, t, classes);
    else if (predicted === label) correct++;
    if (o.gradientScale !== undefined) {
      for (let j = 0; j < classes; j++) heap[delta + r * classes + j] = (p[j]! * ySum - targets[t + j]!) * o.gradientScale;
    }
  }
  return { loss, correct };
}

/** tfjs's binaryAccuracy for one row: the fraction of units where y equals (p > 0.5). */
function binaryCorrect(p: Float64Array, targets: Float32Array | Int32Array, t: number, units: number): number {
  let equal = 0;
  for (let j = 0; j < units; j++) if (targets[t + j] === (f(p[j]!) > 0.5 ? 1 : 0)) equal++;
  return equal / units;
}

/**
 * Sigmoid of the logits and tfjs's binaryCrossentropy: p clipped to
 * [1e-7, 1 − 1e-7], l = log(p / (1 − p)), loss = relu(l) − l·y +
 * log1p(exp(−|l|)), averaged over units. Its gradient by the chain rule is
 * (p − y) / units where p lies inside the clip, 0 outside (clipByValue's).
 */
function sigmoidBinaryCrossEntropy(o: OutputRows): Scores {
  const units = o.units;
  const heap = o.heap.f32();
  const targets = o.y.int32 ? o.heap.i32() : heap;
  const logits = o.logits / 4;
  const delta = o.delta / 4;
  const labels = o.y.pointer / 4;
  const p = o.scratch;
  let loss = 0;
  let correct = 0;
  for (let r = 0; r < o.rows; r++) {
    const z = logits + r * units;
    const t = labels + o.labelRow(r) * units;
    let rowLoss = 0;
    for (let j = 0; j < units; j++) {
      const pj = (p[j] = f(1 / (1 + Math.exp(-heap[z + j]!))));
      const clipped = Math.min(Math.max(pj, LOW), HIGH);
      const l = Math.log(clipped / (1 - clipped));
      rowLoss += Math.max(l, 0) - l * targets[t + j]! + Math.log1p(Math.exp(-Math.abs(l)));
      if (o.gradientScale !== undefined) {
        const inside = pj >= LOW && pj <= HIGH;
        heap[delta + r * units + j] = inside ? ((pj - targets[t + j]!) / units) * o.gradientScale : 0;
      }
    }
    loss += rowLoss / units;
    correct += binaryCorrect(p, targets, t, units); // plan.ts pairs sigmoid only with binary cross-entropy
  }
  return { loss, correct };
}
