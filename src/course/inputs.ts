// Normalising what learners pass in (tfjs tensors, nested arrays, typed
// arrays) and the error type every toolkit function throws. Each check names
// the argument, what was expected, what came, and how to fix it.
import * as tf from '@tensorflow/tfjs';
import { CourseError } from '../contract/course-error.ts';

export type TypedArray =
  | Int8Array
  | Uint8Array
  | Uint8ClampedArray
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | Float32Array
  | Float64Array;

/** A class label: a number (0, 1, …) or a string ("cat"). */
export type Label = number | string;

/** 1-D labels: a tensor, a plain array or a typed array. */
export type LabelsLike = tf.Tensor | readonly Label[] | TypedArray;

/** A 2-D table of numbers (samples × features): a tensor or nested arrays. */
export type MatrixLike = tf.Tensor | readonly (readonly number[] | TypedArray)[];

/**
 * The error every `course` toolkit function throws for bad input. `message`
 * is English (like tfjs's own errors); `problem` carries Korean and English.
 */
export class CourseInputError extends CourseError {
  constructor(en: string, ko: string) {
    super({ problem: { ko, en } });
    this.name = 'CourseInputError';
  }
}

export function fail(en: string, ko: string): never {
  throw new CourseInputError(en, ko);
}

export function isTensor(x: unknown): x is tf.Tensor {
  return x instanceof tf.Tensor;
}

export function isTypedArray(x: unknown): x is TypedArray {
  return ArrayBuffer.isView(x) && !(x instanceof DataView);
}

export function fmtShape(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

/** What the value is, for messages: "a tensor of shape [3, 4]", "a string". */
export function describe(x: unknown): string {
  if (isTensor(x)) return `a ${x.dtype} tensor of shape ${fmtShape(x.shape)}`;
  if (isTypedArray(x)) return `a ${x.constructor.name} of length ${x.length}`;
  if (Array.isArray(x)) return `an array of shape ${fmtShape(arrayShape(x))}`;
  if (x === null) return 'null';
  return `a ${typeof x}`;
}

/** The shape of a nested array, read along the first element of each level. */
export function arrayShape(x: unknown): number[] {
  const shape: number[] = [];
  let cur: unknown = x;
  while (Array.isArray(cur) || isTypedArray(cur)) {
    shape.push(cur.length);
    if (cur.length === 0) break;
    cur = cur[0];
  }
  return shape;
}

export function shapeOf(x: unknown): number[] {
  if (isTensor(x)) return x.shape.slice();
  return arrayShape(x);
}

/** Number of samples (first dimension) of anything splittable. */
export function numSamples(x: unknown, name: string): number {
  if (isTensor(x)) {
    if (x.rank === 0) {
      fail(
        `${name} is a scalar tensor; expected at least one dimension (the samples).`,
        `${name}이(가) 스칼라 텐서입니다. 샘플 차원이 있는 배열이나 텐서가 필요합니다.`,
      );
    }
    return x.shape[0];
  }
  if (Array.isArray(x) || isTypedArray(x)) return x.length;
  return fail(
    `${name} must be a tf.Tensor, an array or a typed array; got ${describe(x)}.`,
    `${name}은(는) tf.Tensor, 배열 또는 타입 배열이어야 합니다. 받은 값: ${describe(x)}.`,
  );
}

const onehotHint = (name: string, shape: readonly number[]) => ({
  en:
    `${name} has shape ${fmtShape(shape)}: these look like one-hot rows or probabilities; ` +
    `use .argMax(-1) first (e.g. ${name}.argMax(-1)) to get one class label per sample.`,
  ko:
    `${name}의 shape이 ${fmtShape(shape)}입니다. 원-핫 벡터나 확률처럼 보입니다. ` +
    `먼저 .argMax(-1)로 샘플마다 하나의 클래스 레이블을 만드세요 (예: ${name}.argMax(-1)).`,
});

/**
 * Reads 1-D labels (or an [n, 1] column) into a plain array. 2-D rows with
 * more than one column are rejected with the argMax fix.
 */
export function readLabels(y: unknown, name: string): Label[] {
  let shape: number[];
  let flat: Label[];
  if (isTensor(y)) {
    shape = y.shape.slice();
    if (y.dtype !== 'string' && y.dtype !== 'bool' && y.dtype !== 'int32' && y.dtype !== 'float32') {
      fail(`${name} has dtype ${y.dtype}; expected int32 or float32 labels.`, `${name}의 dtype이 ${y.dtype}입니다. int32 또는 float32 레이블이 필요합니다.`);
    }
    if (shape.length === 2 && shape[1] > 1) {
      const h = onehotHint(name, shape);
      fail(h.en, h.ko);
    }
    // dataSync decodes string tensors to strings; bool comes back as 0/1.
    flat = Array.from(y.dataSync() as ArrayLike<Label>);
  } else if (isTypedArray(y)) {
    shape = [y.length];
    flat = Array.from(y as ArrayLike<number>);
  } else if (Array.isArray(y)) {
    shape = arrayShape(y);
    if (shape.length === 2 && shape[1] > 1) {
      const h = onehotHint(name, shape);
      fail(h.en, h.ko);
    }
    flat = [];
    for (let i = 0; i < y.length; i++) {
      let v: unknown = y[i];
      if ((Array.isArray(v) || isTypedArray(v)) && v.length === 1) v = v[0];
      if (typeof v !== 'number' && typeof v !== 'string') {
        fail(
          `${name}[${i}] is ${describe(v)}; expected a class label (a number or a string).`,
          `${name}[${i}]이(가) ${describe(v)}입니다. 클래스 레이블(숫자나 문자열)이 필요합니다.`,
        );
      }
      flat.push(v);
    }
  } else {
    return fail(
      `${name} must be a 1-D tf.Tensor, an array or a typed array of labels; got ${describe(y)}.`,
      `${name}은(는) 레이블이 담긴 1차원 tf.Tensor, 배열 또는 타입 배열이어야 합니다. 받은 값: ${describe(y)}.`,
    );
  }
  if (shape.length > 2 || (shape.length === 2 && shape[1] !== 1) || shape.length === 0) {
    fail(
      `${name} must be 1-D labels of shape [n]; got shape ${fmtShape(shape)}.`,
      `${name}은(는) shape이 [n]인 1차원 레이블이어야 합니다. 받은 shape: ${fmtShape(shape)}.`,
    );
  }
  let hasNumber = false;
  let hasString = false;
  for (let i = 0; i < flat.length; i++) {
    const v = flat[i];
    if (typeof v === 'number') {
      hasNumber = true;
      if (Number.isNaN(v)) {
        fail(`${name}[${i}] is NaN; labels must be class numbers or names.`, `${name}[${i}]이(가) NaN입니다. 레이블은 클래스 번호나 이름이어야 합니다.`);
      }
    } else hasString = true;
  }
  if (hasNumber && hasString) {
    fail(
      `${name} mixes numbers and strings; use one kind of label.`,
      `${name}에 숫자와 문자열 레이블이 섞여 있습니다. 한 종류만 사용하세요.`,
    );
  }
  return flat;
}

/** Rejects labels that are not whole numbers (probabilities, scores). */
export function requireDiscrete(values: readonly Label[], name: string): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v === 'number' && !Number.isInteger(v)) {
      fail(
        `${name}[${i}] is ${fmtNumber(v)}, not a class label: ${name} looks like probabilities or scores. ` +
          `Convert them to class numbers first (for softmax outputs: .argMax(-1)).`,
        `${name}[${i}]의 값 ${fmtNumber(v)}은(는) 클래스 레이블이 아닙니다. 확률이나 점수처럼 보입니다. ` +
          `먼저 클래스 번호로 바꾸세요 (softmax 출력이라면 .argMax(-1)).`,
      );
    }
  }
}

/** A dense 2-D matrix, row-major; tensors are read without a float64 copy. */
export interface Matrix {
  data: Float64Array | Float32Array | Int32Array | Uint8Array;
  rows: number;
  cols: number;
  /** The input was a tensor: results go back as tensors. */
  tensor: boolean;
  /** float32 inputs (tensors, Float32Array rows) follow numpy's float32 rules. */
  float32: boolean;
}

function needs2d(name: string, shape: readonly number[], who: string): never {
  if (shape.length === 1) {
    return fail(
      `${who}: ${name} must be 2-D [samples, features]; got 1-D shape ${fmtShape(shape)}. ` +
        `Reshape it: one feature → reshape([-1, 1]), one sample → reshape([1, -1]).`,
      `${who}: ${name}은(는) [샘플, 특성] 2차원이어야 하는데 1차원 shape ${fmtShape(shape)}입니다. ` +
        `특성이 하나면 reshape([-1, 1]), 샘플이 하나면 reshape([1, -1])로 바꾸세요.`,
    );
  }
  const features = shape.slice(1).reduce((a, b) => a * b, 1);
  return fail(
    `${who}: ${name} must be 2-D [samples, features]; got shape ${fmtShape(shape)}. ` +
      `Flatten each sample first: reshape([${shape[0]}, ${features}]).`,
    `${who}: ${name}은(는) [샘플, 특성] 2차원이어야 하는데 shape이 ${fmtShape(shape)}입니다. ` +
      `먼저 샘플마다 펼치세요: reshape([${shape[0]}, ${features}]).`,
  );
}

/** Reads a 2-D numeric input (tensor or nested arrays). */
export function readMatrix(x: unknown, name: string, who: string): Matrix {
  if (isTensor(x)) {
    if (x.rank !== 2) needs2d(name, x.shape, who);
    if (x.dtype !== 'float32' && x.dtype !== 'int32' && x.dtype !== 'bool') {
      fail(`${who}: ${name} has dtype ${x.dtype}; expected numbers.`, `${who}: ${name}의 dtype이 ${x.dtype}입니다. 숫자 텐서가 필요합니다.`);
    }
    const [rows, cols] = x.shape;
    // Read-only view of the tensor's values (no float64 copy of 47 M numbers).
    const data = x.dataSync() as Float32Array | Int32Array | Uint8Array;
    checkFinite(data, cols, name, who);
    return { data, rows, cols, tensor: true, float32: x.dtype === 'float32' };
  }
  if (!Array.isArray(x)) {
    if (isTypedArray(x)) needs2d(name, [x.length], who);
    return fail(
      `${who}: ${name} must be a 2-D tf.Tensor or an array of rows; got ${describe(x)}.`,
      `${who}: ${name}은(는) 2차원 tf.Tensor나 행들의 배열이어야 합니다. 받은 값: ${describe(x)}.`,
    );
  }
  const shape = arrayShape(x);
  if (shape.length !== 2) needs2d(name, shape, who);
  const rows = x.length;
  const cols = shape[1];
  const data = new Float64Array(rows * cols);
  let float32 = rows > 0;
  for (let i = 0; i < rows; i++) {
    const row: unknown = x[i];
    if (!(Array.isArray(row) || isTypedArray(row)) || row.length !== cols) {
      fail(
        `${who}: ${name}[${i}] has ${describe(row)}; every row must hold ${cols} numbers like ${name}[0].`,
        `${who}: ${name}[${i}]이(가) ${describe(row)}입니다. 모든 행은 ${name}[0]처럼 숫자 ${cols}개여야 합니다.`,
      );
    }
    if (!(row instanceof Float32Array)) float32 = false;
    for (let j = 0; j < cols; j++) {
      const v: unknown = row[j];
      if (typeof v !== 'number') {
        fail(
          `${who}: ${name}[${i}][${j}] is ${describe(v)}; expected a number.`,
          `${who}: ${name}[${i}][${j}]이(가) ${describe(v)}입니다. 숫자가 필요합니다.`,
        );
      }
      data[i * cols + j] = v;
    }
  }
  checkFinite(data, cols, name, who);
  return { data, rows, cols, tensor: false, float32 };
}

function checkFinite(data: ArrayLike<number>, cols: number, name: string, who: string): void {
  for (let k = 0; k < data.length; k++) {
    if (!Number.isFinite(data[k])) {
      const i = Math.floor(k / cols);
      const j = k % cols;
      fail(
        `${who}: ${name}[${i}][${j}] is ${data[k]}; the scalers need finite numbers. Remove or fill missing values first.`,
        `${who}: ${name}[${i}][${j}]의 값이 ${data[k]}입니다. 스케일러는 유한한 숫자만 받습니다. 결측값을 먼저 지우거나 채우세요.`,
      );
    }
  }
}

/** Rejects misspelt options, catching Python's snake_case names with the camelCase fix. */
export function checkOptionNames(options: object, who: string, allowed: readonly string[]): void {
  for (const key of Object.keys(options)) {
    if (allowed.includes(key)) continue;
    const hint = allowed.find((a) => a.toLowerCase() === key.replace(/_/g, '').toLowerCase());
    fail(
      `${who}: unknown option "${key}"` + (hint ? `; did you mean "${hint}"? (TypeScript uses camelCase)` : `; known options: ${allowed.join(', ')}.`),
      `${who}: 알 수 없는 옵션 "${key}"` + (hint ? `. "${hint}"를 쓰려던 것인가요? (TypeScript에서는 camelCase를 씁니다)` : `. 사용할 수 있는 옵션: ${allowed.join(', ')}.`),
    );
  }
}

/**
 * A number as a learner would write it: values that are exactly float32
 * (read from a float32 tensor) print in their shortest float32 form, so
 * 0.7 shows as 0.7, not 0.699999988079071.
 */
export function fmtNumber(v: number): string {
  if (!Number.isFinite(v) || Number.isInteger(v) || Math.fround(v) !== v) return String(v);
  for (let p = 1; p <= 9; p++) {
    const s = String(Number(v.toPrecision(p)));
    if (Math.fround(Number(s)) === v) return s;
  }
  return String(v);
}
