// KFold and StratifiedKFold index generation as in scikit-learn 1.2,
// including the shuffles drawn from numpy's RandomState.
import { checkOptionNames, fail, readLabels, requireDiscrete, type LabelsLike } from './inputs.ts';
import { checkRandomState } from './random.ts';

export interface KFoldOptions {
  /** Number of folds, at least 2 (default 5). */
  nSplits?: number;
  /** Shuffle before cutting the folds (default `false`). */
  shuffle?: boolean;
  /** Seed for the shuffle (integer); only allowed with `shuffle: true`. Same seed, same folds as scikit-learn. */
  randomState?: number;
}

/** One fold: the indices to train on and the indices to validate on, both ascending. */
export interface Fold {
  trainIndex: Int32Array;
  testIndex: Int32Array;
}

const NAMES = ['nSplits', 'shuffle', 'randomState'];

function checkOptions(options: KFoldOptions, who: string, n: number): { k: number; shuffle: boolean } {
  checkOptionNames(options, who, NAMES);
  const k = options.nSplits ?? 5;
  if (!Number.isInteger(k) || k < 2) {
    fail(
      `${who}: k-fold cross-validation requires at least one train/test split by setting nSplits=2 or more, got nSplits=${String(k)}.`,
      `${who}: k-겹 교차 검증에는 nSplits가 2 이상인 정수여야 합니다. 받은 값: nSplits=${String(k)}.`,
    );
  }
  const shuffle = options.shuffle ?? false;
  if (!shuffle && options.randomState !== undefined) {
    fail(
      `${who}: setting a randomState has no effect since shuffle is false. Leave randomState out, or set shuffle: true.`,
      `${who}: shuffle이 false이면 randomState는 효과가 없습니다. randomState를 빼거나 shuffle: true로 두세요.`,
    );
  }
  if (k > n) {
    fail(
      `${who}: cannot have number of splits nSplits=${k} greater than the number of samples: nSamples=${n}.`,
      `${who}: 폴드 수 nSplits=${k}가 샘플 수 ${n}보다 클 수 없습니다.`,
    );
  }
  return { k, shuffle };
}

/** Folds from a fold number per sample (BaseCrossValidator.split: both sides ascending). */
function foldsFrom(testFold: Int32Array, k: number): Fold[] {
  const out: Fold[] = [];
  for (let f = 0; f < k; f++) {
    const train: number[] = [];
    const test: number[] = [];
    for (let i = 0; i < testFold.length; i++) (testFold[i] === f ? test : train).push(i);
    out.push({ trainIndex: Int32Array.from(train), testIndex: Int32Array.from(test) });
  }
  return out;
}

/**
 * Index pairs for k-fold cross-validation, like scikit-learn's
 * `KFold(n_splits, shuffle, random_state).split(x)`: the first
 * `n % nSplits` folds get one extra sample. With `shuffle` and a
 * `randomState`, the folds equal scikit-learn's.
 *
 * ```ts
 * for (const { trainIndex, testIndex } of kFold(xTrain.shape[0], { nSplits: 5 })) {
 *   const xFoldTrain = tf.gather(xTrain, trainIndex);
 * }
 * ```
 */
export function kFold(nSamples: number, options: KFoldOptions = {}): Fold[] {
  if (!Number.isInteger(nSamples) || nSamples < 0) {
    fail(
      `kFold: nSamples must be the number of samples (a whole number, e.g. x.shape[0]); got ${String(nSamples)}.`,
      `kFold: nSamples는 샘플 수(정수, 예: x.shape[0])여야 합니다. 받은 값: ${String(nSamples)}.`,
    );
  }
  const { k, shuffle } = checkOptions(options, 'kFold', nSamples);
  const indices = Int32Array.from({ length: nSamples }, (_, i) => i);
  if (shuffle) checkRandomState(options.randomState).shuffle(indices);
  const testFold = new Int32Array(nSamples);
  let current = 0;
  for (let f = 0; f < k; f++) {
    const size = Math.floor(nSamples / k) + (f < nSamples % k ? 1 : 0);
    for (let i = current; i < current + size; i++) testFold[indices[i]] = f;
    current += size;
  }
  return foldsFrom(testFold, k);
}

/**
 * Like `kFold`, but each fold keeps the class proportions of `y`, as
 * scikit-learn's `StratifiedKFold(n_splits, shuffle, random_state).split(x, y)`;
 * the same folds for the same `randomState`.
 */
export function stratifiedKFold(y: LabelsLike, options: KFoldOptions = {}): Fold[] {
  const labels = readLabels(y, 'stratifiedKFold: y');
  requireDiscrete(labels, 'stratifiedKFold: y');
  const n = labels.length;
  const { k, shuffle } = checkOptions(options, 'stratifiedKFold', n);
  const rng = shuffle ? checkRandomState(options.randomState) : null;
  // Classes numbered by first appearance, as scikit-learn encodes them.
  const order = new Map<string | number, number>();
  const encoded = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    if (!order.has(labels[i])) order.set(labels[i], order.size);
    encoded[i] = order.get(labels[i])!;
  }
  const nClasses = order.size;
  const counts = new Array<number>(nClasses).fill(0);
  for (const c of encoded) counts[c]++;
  if (counts.every((c) => k > c)) {
    fail(
      `stratifiedKFold: nSplits=${k} cannot be greater than the number of members in each class.`,
      `stratifiedKFold: nSplits=${k}가 모든 클래스의 샘플 수보다 큽니다.`,
    );
  }
  const least = Math.min(...counts);
  if (k > least) {
    console.warn(
      `Warning: the least populated class in y has only ${least} members, which is less than nSplits=${k}.\n` +
        `가장 적은 클래스의 샘플이 ${least}개로 nSplits=${k}보다 적습니다.`,
    );
  }
  // Round-robin allocation over the sorted classes: allocation[f][c].
  const sorted = Array.from(encoded).sort((a, b) => a - b);
  const allocation = Array.from({ length: k }, () => new Array<number>(nClasses).fill(0));
  for (let i = 0; i < n; i++) allocation[i % k][sorted[i]]++;
  const testFold = new Int32Array(n);
  for (let c = 0; c < nClasses; c++) {
    const folds: number[] = [];
    for (let f = 0; f < k; f++) for (let r = 0; r < allocation[f][c]; r++) folds.push(f);
    const arr = Int32Array.from(folds);
    if (rng) rng.shuffle(arr);
    let j = 0;
    for (let i = 0; i < n; i++) if (encoded[i] === c) testFold[i] = arr[j++];
  }
  return foldsFrom(testFold, k);
}
