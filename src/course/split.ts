// train_test_split as in scikit-learn 1.2: same sizes, same validation, and
// with a randomState the same indices (ShuffleSplit and StratifiedShuffleSplit
// draw from numpy's RandomState, reproduced in random.ts).
import * as tf from '@tensorflow/tfjs';
import { checkRandomState, type RandomState } from './random.ts';
import {
  checkOptionNames,
  describe,
  fail,
  fmtShape,
  isTensor,
  isTypedArray,
  numSamples,
  readLabels,
  shapeOf,
  type LabelsLike,
  type TypedArray,
} from './inputs.ts';
import { lazyRows } from './lazy-pixels.ts';

/** Anything `trainTestSplit` can split along its first dimension. */
export type Splittable = tf.Tensor | readonly unknown[] | TypedArray;

export interface TrainTestSplitOptions {
  /**
   * Size of the test (validation) part: a fraction in (0, 1) such as `0.3`,
   * or a whole number of samples such as `18000`. Default: the complement of
   * `trainSize`, or `0.25` when neither is given.
   */
  testSize?: number;
  /** Size of the training part, like `testSize`. Default: all the rest. */
  trainSize?: number;
  /**
   * Seed (integer in [0, 2**32 - 1]). The same seed gives the same split as
   * scikit-learn's `random_state` (e.g. `777` as in the book). Omit it for a
   * different random split each run.
   */
  randomState?: number;
  /** Shuffle before splitting (default `true`). With `false` the first samples train. */
  shuffle?: boolean;
  /**
   * Labels whose class proportions both parts should keep (usually `y`).
   * Indices equal scikit-learn's `stratify=y` with the same `randomState`.
   */
  stratify?: LabelsLike | tf.Tensor | readonly (readonly number[])[];
}

/** `[a_train, a_test, b_train, b_test, …]`, each part of the same kind as its input. */
export type SplitResult<T extends readonly unknown[]> = T extends readonly [infer H, ...infer R]
  ? [H, H, ...SplitResult<R>]
  : T extends readonly []
    ? []
    : Splittable[];

const OPTION_NAMES = ['testSize', 'trainSize', 'randomState', 'shuffle', 'stratify'];
function isOptions(x: unknown): boolean {
  return typeof x === 'object' && x !== null && !isTensor(x) && !Array.isArray(x) && !isTypedArray(x);
}



function checkSize(value: number | undefined, n: number, name: string): 'int' | 'float' | 'none' {
  if (value === undefined) return 'none';
  if (typeof value !== 'number' || Number.isNaN(value)) {
    fail(`${name} must be a number; got ${describe(value)}.`, `${name}은(는) 숫자여야 합니다. 받은 값: ${describe(value)}.`);
  }
  const kind = Number.isInteger(value) ? 'int' : 'float';
  if ((kind === 'int' && (value >= n || value <= 0)) || (kind === 'float' && (value <= 0 || value >= 1))) {
    fail(
      `${name}=${value} should be either positive and smaller than the number of samples ${n} or a float in the (0, 1) range.`,
      `${name}=${value}은(는) 샘플 수 ${n}보다 작은 양의 정수이거나 (0, 1) 범위의 비율이어야 합니다.`,
    );
  }
  return kind;
}

/** scikit-learn's `_validate_shuffle_split`: returns `[nTrain, nTest]`. */
export function validateShuffleSplit(
  n: number,
  testSize: number | undefined,
  trainSize: number | undefined,
  defaultTestSize: number,
): [number, number] {
  if (testSize === undefined && trainSize === undefined) testSize = defaultTestSize;
  const testKind = checkSize(testSize, n, 'testSize');
  const trainKind = checkSize(trainSize, n, 'trainSize');
  if (testKind === 'float' && trainKind === 'float' && trainSize! + testSize! > 1) {
    fail(
      `The sum of testSize and trainSize = ${trainSize! + testSize!}, should be in the (0, 1) range. Reduce testSize and/or trainSize.`,
      `testSize와 trainSize의 합(${trainSize! + testSize!})은 (0, 1) 범위여야 합니다. testSize나 trainSize를 줄이세요.`,
    );
  }
  let nTest = testKind === 'float' ? Math.ceil(testSize! * n) : testKind === 'int' ? testSize! : NaN;
  let nTrain = trainKind === 'float' ? Math.floor(trainSize! * n) : trainKind === 'int' ? trainSize! : NaN;
  if (trainKind === 'none') nTrain = n - nTest;
  else if (testKind === 'none') nTest = n - nTrain;
  if (nTrain + nTest > n) {
    fail(
      `The sum of trainSize and testSize = ${nTrain + nTest}, should be smaller than the number of samples ${n}. Reduce testSize and/or trainSize.`,
      `trainSize와 testSize의 합(${nTrain + nTest})이 샘플 수 ${n}보다 클 수 없습니다. testSize나 trainSize를 줄이세요.`,
    );
  }
  if (nTrain === 0) {
    fail(
      `With nSamples=${n}, testSize=${testSize} and trainSize=${trainSize}, the resulting train set will be empty. Adjust any of the aforementioned parameters.`,
      `샘플 ${n}개, testSize=${testSize}, trainSize=${trainSize}이면 훈련 세트가 비게 됩니다. 값을 조정하세요.`,
    );
  }
  return [nTrain, nTest];
}

/** ShuffleSplit's first split: `perm[nTest:nTest+nTrain]`, `perm[:nTest]`. */
export function shuffleSplitIndices(n: number, nTrain: number, nTest: number, rng: RandomState): [Int32Array, Int32Array] {
  const perm = rng.permutation(n);
  return [perm.slice(nTest, nTest + nTrain), perm.slice(0, nTest)];
}

/** scikit-learn's `_approximate_mode`: per-class draws that sum to nDraws, ties broken by rng. */
export function approximateMode(classCounts: readonly number[], nDraws: number, rng: RandomState): number[] {
  const total = classCounts.reduce((a, b) => a + b, 0);
  const continuous = classCounts.map((c) => (c / total) * nDraws);
  const floored = continuous.map(Math.floor);
  let needToAdd = Math.trunc(nDraws - floored.reduce((a, b) => a + b, 0));
  if (needToAdd > 0) {
    const remainder = continuous.map((c, i) => c - floored[i]);
    const values = [...new Set(remainder)].sort((a, b) => b - a);
    for (const value of values) {
      const inds: number[] = [];
      remainder.forEach((r, i) => {
        if (r === value) inds.push(i);
      });
      const addNow = Math.min(inds.length, needToAdd);
      for (const i of rng.choiceWithoutReplacement(inds, addNow)) floored[i] += 1;
      needToAdd -= addNow;
      if (needToAdd === 0) break;
    }
  }
  return floored;
}

/** Sorted distinct classes and each sample's class number (numpy's `unique(return_inverse=True)`). */
export function encodeClasses(keys: readonly (number | string)[]): { classes: (number | string)[]; inverse: Int32Array } {
  const classes = [...new Set(keys)].sort((a, b) =>
    typeof a === 'number' && typeof b === 'number' ? a - b : String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0,
  );
  const pos = new Map(classes.map((c, i) => [c, i]));
  const inverse = new Int32Array(keys.length);
  for (let i = 0; i < keys.length; i++) inverse[i] = pos.get(keys[i])!;
  return { classes, inverse };
}

/** StratifiedShuffleSplit's first split, step for step as scikit-learn 1.2. */
export function stratifiedShuffleSplitIndices(
  keys: readonly (number | string)[],
  nTrain: number,
  nTest: number,
  rng: RandomState,
): [Int32Array, Int32Array] {
  const { classes, inverse } = encodeClasses(keys);
  const nClasses = classes.length;
  const classCounts = new Array<number>(nClasses).fill(0);
  for (const c of inverse) classCounts[c]++;
  const least = Math.min(...classCounts);
  if (least < 2) {
    const cls = classes[classCounts.indexOf(least)];
    fail(
      `The least populated class in stratify (${JSON.stringify(cls)}) has only 1 member, which is too few. The minimum number of groups for any class cannot be less than 2.`,
      `stratify에서 가장 적은 클래스(${JSON.stringify(cls)})의 샘플이 1개뿐입니다. 층화 분할에는 클래스마다 최소 2개가 필요합니다.`,
    );
  }
  if (nTrain < nClasses) {
    fail(
      `The trainSize = ${nTrain} should be greater or equal to the number of classes = ${nClasses}.`,
      `훈련 세트 크기(${nTrain})가 클래스 수(${nClasses})보다 작을 수 없습니다.`,
    );
  }
  if (nTest < nClasses) {
    fail(
      `The testSize = ${nTest} should be greater or equal to the number of classes = ${nClasses}.`,
      `테스트 세트 크기(${nTest})가 클래스 수(${nClasses})보다 작을 수 없습니다.`,
    );
  }
  const classIndices: number[][] = classes.map(() => []);
  for (let i = 0; i < inverse.length; i++) classIndices[inverse[i]].push(i);
  const nI = approximateMode(classCounts, nTrain, rng);
  const remaining = classCounts.map((c, i) => c - nI[i]);
  const tI = approximateMode(remaining, nTest, rng);
  const train: number[] = [];
  const test: number[] = [];
  for (let k = 0; k < nClasses; k++) {
    const perm = rng.permutation(classCounts[k]);
    const idx = classIndices[k];
    for (let j = 0; j < nI[k]; j++) train.push(idx[perm[j]]);
    for (let j = nI[k]; j < nI[k] + tI[k]; j++) test.push(idx[perm[j]]);
  }
  return [rng.permuted(train), rng.permuted(test)];
}

/** Row keys for stratifying on 2-D labels (e.g. one-hot), as numpy's `" ".join(row.astype(str))`. */
function stratifyKeys(stratify: unknown): (number | string)[] {
  const shape = shapeOf(stratify);
  if (shape.length !== 2 || shape[1] === 1) return readLabels(stratify, 'stratify');
  const cols = shape[1];
  const flat: number[] = isTensor(stratify)
    ? Array.from(stratify.dataSync() as ArrayLike<number>)
    : (stratify as ArrayLike<ArrayLike<number>>[] as unknown as number[][]).flatMap((r) => Array.from(r));
  const float = isTensor(stratify) ? stratify.dtype === 'float32' : flat.some((v) => !Number.isInteger(v));
  const str = (v: number) => (float && Number.isInteger(v) ? `${v}.0` : String(v));
  const keys: string[] = [];
  for (let i = 0; i < shape[0]; i++) keys.push(flat.slice(i * cols, (i + 1) * cols).map(str).join(' '));
  return keys;
}

/**
 * The rows `trainTestSplit` would pick for `n` samples: `[train, test]`
 * indices (with `shuffle: false`, the first rows train). Internal: loadData's
 * `validation` option splits raw bytes with it, so both paths agree.
 */
export function splitIndices(n: number, options: TrainTestSplitOptions): [Int32Array, Int32Array] {
  const [nTrain, nTest] = validateShuffleSplit(n, options.testSize, options.trainSize, 0.25);
  const shuffle = options.shuffle ?? true;
  if (!shuffle) {
    if (options.stratify !== undefined) {
      fail(
        'trainTestSplit: stratified train/test split is not implemented for shuffle=false; remove stratify or set shuffle: true.',
        'trainTestSplit: shuffle이 false이면 층화 분할(stratify)을 할 수 없습니다. stratify를 빼거나 shuffle: true로 두세요.',
      );
    }
    return [Int32Array.from({ length: nTrain }, (_, i) => i), Int32Array.from({ length: nTest }, (_, i) => nTrain + i)];
  }
  const rng = checkRandomState(options.randomState);
  if (options.stratify === undefined) return shuffleSplitIndices(n, nTrain, nTest, rng);
  const keys = stratifyKeys(options.stratify);
  if (keys.length !== n) {
    fail(
      `trainTestSplit: stratify has ${keys.length} labels but the arrays have ${n} samples.`,
      `trainTestSplit: stratify의 레이블은 ${keys.length}개인데 배열의 샘플은 ${n}개입니다.`,
    );
  }
  return stratifiedShuffleSplitIndices(keys, nTrain, nTest, rng);
}

/** Rows `idx` of a tensor, typed array or array (tf.gather for tensors: no copy through JS). */
export function take<T>(x: T, idx: Int32Array, start?: number): T {
  if (isTensor(x)) {
    const t = x;
    // loadData's images (still uint8 bytes): the part is a list of rows, no float32 copy.
    const lazy = lazyRows(t, idx);
    if (lazy) return lazy as T;
    if (start !== undefined) return tf.slice(t, start, idx.length) as T;
    // Gathering rows of a 2-D view is ~25% faster than of [n, 28, 28] (cpu and wasm kernels).
    return tf.tidy(() => {
      const rows = t.rank > 2 ? t.reshape([t.shape[0], -1]) : t;
      const picked = tf.gather(rows, tf.tensor1d(idx, 'int32'));
      return t.rank > 2 ? picked.reshape([idx.length, ...t.shape.slice(1)]) : picked;
    }) as T;
  }
  if (isTypedArray(x)) {
    const Ctor = x.constructor as new (n: number) => TypedArray;
    const out = new Ctor(idx.length);
    for (let i = 0; i < idx.length; i++) out[i] = x[idx[i]];
    return out as T;
  }
  const arr = x as readonly unknown[];
  return Array.from(idx, (i) => arr[i]) as T;
}

/**
 * Splits arrays or tensors into random train and test parts, like
 * scikit-learn's `train_test_split`.
 *
 * ```ts
 * const [xTrain, xVal, yTrain, yVal] = trainTestSplit(x, y, { testSize: 0.3, randomState: 777 });
 * ```
 *
 * - Tensors come back as tensors (same dtype; rows picked with `tf.gather`),
 *   typed arrays as the same typed array, arrays as arrays. You own the
 *   returned tensors: `dispose()` them when done.
 * - With a `randomState`, the partition is the same as scikit-learn's
 *   (`train_test_split(x, y, test_size=0.3, random_state=777)` → the same
 *   42,000/18,000 MNIST samples, in the same order), with or without `stratify`.
 * - Sizes: `nTest = ceil(testSize × n)` for a fraction, `nTrain = floor(trainSize × n)`.
 *
 * @returns `[a_train, a_test, b_train, b_test, …]`: train before test, for each input in order.
 */
export function trainTestSplit<T extends Splittable[]>(...args: [...T, TrainTestSplitOptions]): SplitResult<T>;
export function trainTestSplit<T extends Splittable[]>(...arrays: T): SplitResult<T>;
export function trainTestSplit(...args: unknown[]): unknown[] {
  let options: TrainTestSplitOptions = {};
  if (args.length > 0 && isOptions(args[args.length - 1])) options = args.pop() as TrainTestSplitOptions;
  checkOptionNames(options, 'trainTestSplit', OPTION_NAMES);
  if (args.length === 0) {
    fail(
      'trainTestSplit: at least one array required as input, e.g. trainTestSplit(x, y, { testSize: 0.3 }).',
      'trainTestSplit: 나눌 배열이 하나 이상 필요합니다. 예: trainTestSplit(x, y, { testSize: 0.3 }).',
    );
  }
  const counts = args.map((a, i) => numSamples(a, `trainTestSplit argument ${i + 1}`));
  if (new Set(counts).size > 1) {
    fail(
      `trainTestSplit: found input variables with inconsistent numbers of samples: [${counts.join(', ')}] ` +
        `(shapes ${args.map((a) => fmtShape(shapeOf(a))).join(', ')}). Every array needs the same first dimension.`,
      `trainTestSplit: 입력마다 샘플 수가 다릅니다: [${counts.join(', ')}] (shape ${args.map((a) => fmtShape(shapeOf(a))).join(', ')}). 모든 배열의 첫 번째 차원이 같아야 합니다.`,
    );
  }
  const [train, test] = splitIndices(counts[0], options);
  const shuffle = options.shuffle ?? true;
  const nTrain = train.length;
  const out: unknown[] = [];
  for (const a of args) {
    out.push(take(a, train, shuffle ? undefined : 0), take(a, test, shuffle ? undefined : nTrain));
  }
  return out;
}
