// keras.utils.to_categorical, with errors where Keras would silently truncate
// floats or wrap negative labels around.
import * as tf from '@tensorflow/tfjs';
import { arrayShape, describe, fail, fmtNumber, fmtShape, isTensor, isTypedArray, type TypedArray } from './inputs.ts';

function indexName(flat: number, shape: readonly number[]): string {
  const idx: number[] = [];
  let rest = flat;
  for (let d = shape.length - 1; d >= 0; d--) {
    idx.unshift(rest % shape[d]);
    rest = Math.floor(rest / shape[d]);
  }
  return idx.map((i) => `[${i}]`).join('');
}

function flatten(y: unknown, shape: readonly number[]): number[] {
  const out: number[] = [];
  const walk = (v: unknown, depth: number, path: string): void => {
    if (depth === shape.length) {
      if (typeof v !== 'number') {
        fail(
          `toCategorical: y${path} is ${describe(v)}; expected an integer class label.`,
          `toCategorical: y${path}이(가) ${describe(v)}입니다. 정수 클래스 레이블이 필요합니다.`,
        );
      }
      out.push(v);
      return;
    }
    if (!(Array.isArray(v) || isTypedArray(v)) || v.length !== shape[depth]) {
      fail(
        `toCategorical: y${path} is ${describe(v)}; every entry must have the shape of y[0] (y has shape ${fmtShape(shape)}).`,
        `toCategorical: y${path}이(가) ${describe(v)}입니다. 모든 항목이 y[0]과 같은 shape이어야 합니다 (y의 shape ${fmtShape(shape)}).`,
      );
    }
    for (let i = 0; i < v.length; i++) walk(v[i], depth + 1, `${path}[${i}]`);
  };
  walk(y, 0, '');
  return out;
}

function nest(flat: Float32Array, shape: readonly number[]): unknown[] {
  const build = (offset: number, depth: number): unknown[] => {
    const size = shape.slice(depth + 1).reduce((a, b) => a * b, 1);
    const out: unknown[] = [];
    for (let i = 0; i < shape[depth]; i++) {
      out.push(depth === shape.length - 1 ? flat[offset + i] : build(offset + i * size, depth + 1));
    }
    return out;
  };
  return build(0, 0);
}

/**
 * Converts integer class labels to one-hot rows, like Keras's
 * `to_categorical`: `[2, 0]` → `[[0, 0, 1], [1, 0, 0]]` (float32).
 *
 * ```ts
 * const yTrainOneHot = toCategorical(yTrain); // [60000] → [60000, 10]
 * ```
 *
 * - A tensor gives a float32 tensor (dispose it when done); arrays give
 *   nested number arrays. Shape `[n]` or `[n, 1]` → `[n, numClasses]`;
 *   other shapes get a last axis added, as in Keras.
 * - `numClasses` defaults to the largest label + 1.
 * - Unlike Keras, negative, non-integer and too-large labels throw an error
 *   naming the first offending index and value, and so do labels that are
 *   already one-hot (calling it twice).
 */
export function toCategorical(y: tf.Tensor, numClasses?: number): tf.Tensor;
export function toCategorical(y: readonly number[] | TypedArray | readonly [number][], numClasses?: number): number[][];
export function toCategorical(y: readonly (readonly number[])[], numClasses?: number): number[][] | number[][][];
export function toCategorical(y: unknown, numClasses?: number): tf.Tensor | unknown[] {
  let shape: number[];
  let values: ArrayLike<number>;
  if (isTensor(y)) {
    if (y.dtype === 'string') {
      fail(
        'toCategorical: y is a string tensor; map class names to integers 0, 1, … first.',
        'toCategorical: y가 문자열 텐서입니다. 먼저 클래스 이름을 정수 0, 1, …로 바꾸세요.',
      );
    }
    shape = y.shape.slice();
    values = y.dataSync() as ArrayLike<number>;
  } else if (isTypedArray(y)) {
    shape = [y.length];
    values = y;
  } else if (Array.isArray(y)) {
    shape = arrayShape(y);
    values = flatten(y, shape);
  } else {
    return fail(
      `toCategorical: y must be a tensor, an array or a typed array of integer labels; got ${describe(y)}.`,
      `toCategorical: y는 정수 레이블이 담긴 텐서, 배열 또는 타입 배열이어야 합니다. 받은 값: ${describe(y)}.`,
    );
  }
  if (numClasses !== undefined && numClasses !== null && (!Number.isInteger(numClasses) || numClasses < 1)) {
    fail(
      `toCategorical: numClasses must be a positive integer (e.g. 10); got ${String(numClasses)}.`,
      `toCategorical: numClasses는 양의 정수여야 합니다 (예: 10). 받은 값: ${String(numClasses)}.`,
    );
  }
  if (values.length === 0) {
    fail('toCategorical: y is empty; there are no labels to encode.', 'toCategorical: y가 비어 있어 변환할 레이블이 없습니다.');
  }
  // Calling it twice is the classic mistake: [n, 10] one-hot rows in.
  if (shape.length === 2 && shape[1] > 1 && looksOneHot(values, shape[1])) {
    fail(
      `toCategorical: y has shape ${fmtShape(shape)} and already looks one-hot encoded; ` +
        `toCategorical expects integer labels of shape [n]. Do not call it twice (use .argMax(-1) to go back to labels).`,
      `toCategorical: y의 shape이 ${fmtShape(shape)}이고 이미 원-핫 인코딩된 것 같습니다. ` +
        `toCategorical은 shape [n]의 정수 레이블을 받습니다. 두 번 호출하지 마세요 (레이블로 되돌리려면 .argMax(-1)).`,
    );
  }
  let max = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isInteger(v) || v < 0) {
      fail(
        `toCategorical: y${indexName(i, shape)} is ${fmtNumber(v)}; class labels must be integers 0, 1, 2, … ` +
          (Number.isInteger(v) ? 'Negative labels are not classes.' : 'If these are probabilities, use .argMax(-1) to get labels.'),
        `toCategorical: y${indexName(i, shape)}의 값이 ${fmtNumber(v)}입니다. 클래스 레이블은 0, 1, 2, … 정수여야 합니다. ` +
          (Number.isInteger(v) ? '음수는 클래스가 될 수 없습니다.' : '확률이라면 .argMax(-1)로 레이블을 구하세요.'),
      );
    }
    if (numClasses !== undefined && v >= numClasses) {
      fail(
        `toCategorical: y${indexName(i, shape)} is ${v}, but numClasses is ${numClasses} (labels must be 0 … ${numClasses - 1}). Raise numClasses or check the labels.`,
        `toCategorical: y${indexName(i, shape)}의 값이 ${v}인데 numClasses는 ${numClasses}입니다 (레이블은 0 … ${numClasses - 1}). numClasses를 늘리거나 레이블을 확인하세요.`,
      );
    }
    if (v > max) max = v;
  }
  const k = numClasses ?? max + 1;
  const outShape = (shape.length > 1 && shape[shape.length - 1] === 1 ? shape.slice(0, -1) : shape).concat(k);
  if (isTensor(y)) {
    const t = y;
    return tf.tidy(() => tf.oneHot(tf.cast(t.reshape([-1]), 'int32'), k).toFloat().reshape(outShape));
  }
  const flat = new Float32Array(values.length * k);
  for (let i = 0; i < values.length; i++) flat[i * k + values[i]] = 1;
  return nest(flat, outShape);
}

function looksOneHot(values: ArrayLike<number>, cols: number): boolean {
  for (let r = 0; r < values.length; r += cols) {
    let sum = 0;
    for (let j = 0; j < cols; j++) {
      const v = values[r + j];
      if (v !== 0 && v !== 1) return false;
      sum += v;
    }
    if (sum !== 1) return false;
  }
  return true;
}
