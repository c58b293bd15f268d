// MinMaxScaler, StandardScaler and RobustScaler with scikit-learn 1.2's
// arithmetic: statistics per feature (column) in float64, constant features
// get scale 1 exactly where scikit-learn decides a feature is constant.
// Tensors are read once in `fit`; `transform` stays in tfjs ops.
import * as tf from '@tensorflow/tfjs';
import { checkOptionNames, fail, isTensor, readMatrix, type Matrix, type MatrixLike } from './inputs.ts';

const EPS64 = 2.220446049250313e-16;
const EPS32 = 1.1920928955078125e-7;

/** What `transform` gives back: a tensor for a tensor, rows of numbers for arrays. */
export type Scaled<T> = T extends tf.Tensor ? tf.Tensor2D : number[][];

/** `_handle_zeros_in_scale`: near-zero scales become 1 so constant features pass through. */
function handleZeros(scale: number[], eps: number, constant?: boolean[]): number[] {
  return scale.map((s, j) => ((constant ? constant[j] : s < 10 * eps) ? 1 : s));
}

/**
 * Calls `each(j, values)` for every column, reading the row-major data in
 * blocks of columns: one strided pass per column over 47 M values was 3× slower.
 */
function forEachColumn(m: Matrix, each: (j: number, values: Float64Array) => void): void {
  const block = 64;
  for (let j0 = 0; j0 < m.cols; j0 += block) {
    const w = Math.min(block, m.cols - j0);
    const cols = Array.from({ length: w }, () => new Float64Array(m.rows));
    for (let i = 0; i < m.rows; i++) {
      const base = i * m.cols + j0;
      for (let k = 0; k < w; k++) cols[k][i] = m.data[base + k];
    }
    for (let k = 0; k < w; k++) each(j0 + k, cols[k]);
  }
}

/**
 * The k-th and (k+1)-th smallest values (quickselect, in place): a full sort
 * of every MNIST pixel column took 11 s, selection takes well under one.
 */
function pair(a: Float64Array, k: number): [number, number] {
  let lo = 0;
  let hi = a.length - 1;
  while (hi > lo) {
    const mid = (lo + hi) >> 1;
    // Median of three as pivot keeps sorted and constant columns linear.
    const x = a[lo], y = a[mid], z = a[hi];
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  let next = a[k];
  if (k + 1 < a.length) {
    next = Infinity;
    for (let i = k + 1; i < a.length; i++) if (a[i] < next) next = a[i];
  }
  return [a[k], next];
}

/** numpy's default ('linear') percentile. */
function percentile(values: Float64Array, q: number): number {
  const vi = (values.length - 1) * (q / 100);
  const lo = Math.floor(vi);
  const g = vi - lo;
  const [a, b] = pair(values, lo);
  const diff = b - a;
  return g >= 0.5 ? b - diff * (1 - g) : a + diff * g;
}

function median(values: Float64Array): number {
  const n = values.length;
  const h = n >> 1;
  if (n % 2) return pair(values, h)[0];
  const [a, b] = pair(values, h - 1);
  return (a + b) / 2;
}

/** Shared fit/transform plumbing; subclasses say what `a` and `b` are in `x·a + b`. */
abstract class Scaler {
  /** Number of features (columns) seen in `fit`. */
  nFeaturesIn: number | null = null;
  /** Number of samples (rows) seen in `fit`. */
  nSamplesSeen: number | null = null;

  protected abstract readonly kind: string;
  protected abstract fitMatrix(m: Matrix): void;
  /** Per-feature `mul` and `add` so that transform(x) = x·mul + add. */
  protected abstract forward(): { mul: number[]; add: number[] };

  /**
   * Learns the per-feature statistics from `x` (`[samples, features]`, a
   * tensor or an array of rows). Returns the scaler, so calls chain.
   */
  fit(x: MatrixLike): this {
    const m = readMatrix(x, 'x', `${this.kind}.fit`);
    if (m.rows === 0) {
      fail(
        `${this.kind}.fit: x has 0 samples; fit needs at least one row.`,
        `${this.kind}.fit: x에 샘플이 없습니다. 적어도 한 행이 필요합니다.`,
      );
    }
    this.fitMatrix(m);
    this.nFeaturesIn = m.cols;
    this.nSamplesSeen = m.rows;
    return this;
  }

  /** Scales `x` with the statistics learned in `fit`. Tensor in → float32 tensor out. */
  transform<T extends MatrixLike>(x: T): Scaled<T> {
    this.requireFitted('transform');
    const { mul, add } = this.forward();
    return this.apply(x, 'transform', (v, j) => v * mul[j] + add[j], (t) => {
      return t.mul(tf.tensor1d(mul, 'float32')).add(tf.tensor1d(add, 'float32'));
    });
  }

  /** `fit(x)` then `transform(x)`. */
  fitTransform<T extends MatrixLike>(x: T): Scaled<T> {
    return this.fit(x).transform(x);
  }

  /** Undoes `transform`: back to the original units. */
  inverseTransform<T extends MatrixLike>(x: T): Scaled<T> {
    this.requireFitted('inverseTransform');
    const { mul, add } = this.forward();
    return this.apply(x, 'inverseTransform', (v, j) => (v - add[j]) / mul[j], (t) => {
      return t.sub(tf.tensor1d(add, 'float32')).div(tf.tensor1d(mul, 'float32'));
    });
  }

  private requireFitted(method: string): void {
    if (this.nFeaturesIn !== null) return;
    const who = `${this.kind}.${method}`;
    fail(
      `${who}: this ${this.kind} is not fitted yet. Call fit(xTrain) (or fitTransform(xTrain)) first, then ${method}.`,
      `${who}: 이 ${this.kind}는 아직 학습(fit)되지 않았습니다. 먼저 fit(xTrain)이나 fitTransform(xTrain)을 호출하세요.`,
    );
  }

  private apply<T extends MatrixLike>(
    x: T,
    method: string,
    onValue: (v: number, j: number) => number,
    onTensor: (t: tf.Tensor2D) => tf.Tensor2D,
  ): Scaled<T> {
    const who = `${this.kind}.${method}`;
    const fitted = this.nFeaturesIn!;
    const mismatch = (got: number): never =>
      fail(
        `${who}: this scaler was fitted on ${fitted} features, got ${got}. Give x the same columns as in fit` +
          (fitted > got ? ' (did you forget to flatten the images, e.g. reshape([-1, 784])?).' : '.'),
        `${who}: 이 스케일러는 특성 ${fitted}개로 학습했는데 ${got}개가 들어왔습니다. fit 때와 같은 열을 주세요` +
          (fitted > got ? ' (이미지를 펼치는 것을 잊었나요? 예: reshape([-1, 784])).' : '.'),
      );
    if (isTensor(x)) {
      if (x.rank !== 2) readMatrix(x, 'x', who); // throws the 2-D message
      const got = x.shape[1] as number;
      if (got !== fitted) mismatch(got);
      const t = x as tf.Tensor2D;
      return tf.tidy(() => onTensor(t.toFloat())) as Scaled<T>;
    }
    const m = readMatrix(x, 'x', who);
    if (m.cols !== fitted) mismatch(m.cols);
    const out: number[][] = [];
    for (let i = 0; i < m.rows; i++) {
      const row = new Array<number>(m.cols);
      for (let j = 0; j < m.cols; j++) row[j] = onValue(m.data[i * m.cols + j], j);
      out.push(row);
    }
    return out as Scaled<T>;
  }
}

export interface MinMaxScalerOptions {
  /** Target range `[min, max]` of each feature (default `[0, 1]`). */
  featureRange?: [number, number];
}

/**
 * Scales each feature to `featureRange` (default 0–1):
 * `x' = (x − min) / (max − min)`, like scikit-learn's `MinMaxScaler`.
 * A constant feature (max = min) gets scale 1, as in scikit-learn.
 *
 * ```ts
 * const scaler = new MinMaxScaler();
 * const xTrainScaled = scaler.fitTransform(xTrain); // learn min/max on training data only
 * const xTestScaled = scaler.transform(xTest);
 * ```
 */
export class MinMaxScaler extends Scaler {
  protected readonly kind = 'MinMaxScaler';
  readonly featureRange: [number, number];
  /** Per-feature minimum seen in `fit` (`data_min_`). */
  dataMin: number[] | null = null;
  /** Per-feature maximum seen in `fit` (`data_max_`). */
  dataMax: number[] | null = null;
  /** `dataMax − dataMin` (`data_range_`). */
  dataRange: number[] | null = null;
  /** Per-feature multiplier (`scale_`). */
  scale: number[] | null = null;
  /** Per-feature offset added after scaling (`min_`). */
  min: number[] | null = null;

  constructor(options: MinMaxScalerOptions = {}) {
    super();
    checkOptionNames(options, 'MinMaxScaler', ['featureRange']);
    const r = options.featureRange ?? [0, 1];
    if (!Array.isArray(r) || r.length !== 2 || !(r[0] < r[1])) {
      fail(
        `MinMaxScaler: minimum of desired featureRange must be smaller than maximum. Got ${JSON.stringify(r)}; e.g. featureRange: [0, 1].`,
        `MinMaxScaler: featureRange의 최솟값이 최댓값보다 작아야 합니다. 받은 값 ${JSON.stringify(r)}; 예: featureRange: [0, 1].`,
      );
    }
    this.featureRange = [r[0], r[1]];
  }

  protected fitMatrix(m: Matrix): void {
    const lo = new Array<number>(m.cols).fill(Infinity);
    const hi = new Array<number>(m.cols).fill(-Infinity);
    for (let i = 0; i < m.rows; i++) {
      for (let j = 0; j < m.cols; j++) {
        const v = m.data[i * m.cols + j];
        if (v < lo[j]) lo[j] = v;
        if (v > hi[j]) hi[j] = v;
      }
    }
    const range = hi.map((h, j) => h - lo[j]);
    const [a, b] = this.featureRange;
    this.dataMin = lo;
    this.dataMax = hi;
    this.dataRange = range;
    this.scale = handleZeros(range, m.float32 ? EPS32 : EPS64).map((r) => (b - a) / r);
    this.min = lo.map((l, j) => a - l * this.scale![j]);
  }

  protected forward(): { mul: number[]; add: number[] } {
    return { mul: this.scale!, add: this.min! };
  }
}

export interface StandardScalerOptions {
  /** Subtract the mean (default `true`). */
  withMean?: boolean;
  /** Divide by the standard deviation (default `true`). */
  withStd?: boolean;
}

/**
 * Standardizes each feature: `x' = (x − mean) / std` (population std, as
 * scikit-learn's `StandardScaler`). A constant feature gets scale 1.
 */
export class StandardScaler extends Scaler {
  protected readonly kind = 'StandardScaler';
  readonly withMean: boolean;
  readonly withStd: boolean;
  /** Per-feature mean (`mean_`); null when both withMean and withStd are false. */
  mean: number[] | null = null;
  /** Per-feature variance (`var_`); null when withStd is false. */
  var: number[] | null = null;
  /** Per-feature standard deviation used for dividing (`scale_`); null when withStd is false. */
  scale: number[] | null = null;

  constructor(options: StandardScalerOptions = {}) {
    super();
    checkOptionNames(options, 'StandardScaler', ['withMean', 'withStd']);
    this.withMean = options.withMean ?? true;
    this.withStd = options.withStd ?? true;
  }

  protected fitMatrix(m: Matrix): void {
    if (!this.withMean && !this.withStd) {
      this.mean = this.var = this.scale = null;
      return;
    }
    const n = m.rows;
    const sum = new Array<number>(m.cols).fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < m.cols; j++) sum[j] += m.data[i * m.cols + j];
    this.mean = sum.map((s) => s / n);
    if (!this.withStd) {
      this.var = this.scale = null;
      return;
    }
    // scikit-learn's corrected two-pass variance (_incremental_mean_and_var).
    const t = sum.map((s) => s / n);
    const corr = new Array<number>(m.cols).fill(0);
    const sq = new Array<number>(m.cols).fill(0);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < m.cols; j++) {
        const d = m.data[i * m.cols + j] - t[j];
        corr[j] += d;
        sq[j] += d * d;
      }
    }
    const variance = sq.map((s, j) => (s - (corr[j] * corr[j]) / n) / n);
    this.var = variance;
    // _is_constant_feature: variance within float64 rounding of zero.
    const constant = variance.map((v, j) => v <= n * EPS64 * v + (n * this.mean![j] * EPS64) ** 2);
    this.scale = handleZeros(variance.map(Math.sqrt), EPS64, constant);
  }

  protected forward(): { mul: number[]; add: number[] } {
    const cols = this.nFeaturesIn!;
    const mean = this.withMean ? this.mean! : new Array<number>(cols).fill(0);
    const scale = this.withStd ? this.scale! : new Array<number>(cols).fill(1);
    return { mul: scale.map((s) => 1 / s), add: mean.map((mu, j) => -mu / scale[j]) };
  }
}

export interface RobustScalerOptions {
  /** Subtract the median (default `true`). */
  withCentering?: boolean;
  /** Divide by the interquartile range (default `true`). */
  withScaling?: boolean;
  /** Percentiles whose distance is the scale (default `[25, 75]`, the IQR). */
  quantileRange?: [number, number];
}

/**
 * Scales each feature robustly to outliers: `x' = (x − median) / (Q3 − Q1)`,
 * like scikit-learn's `RobustScaler` (numpy's linear percentiles). A feature
 * with zero interquartile range gets scale 1.
 */
export class RobustScaler extends Scaler {
  protected readonly kind = 'RobustScaler';
  readonly withCentering: boolean;
  readonly withScaling: boolean;
  readonly quantileRange: [number, number];
  /** Per-feature median (`center_`); null when withCentering is false. */
  center: number[] | null = null;
  /** Per-feature quantile range (`scale_`); null when withScaling is false. */
  scale: number[] | null = null;

  constructor(options: RobustScalerOptions = {}) {
    super();
    checkOptionNames(options, 'RobustScaler', ['withCentering', 'withScaling', 'quantileRange']);
    this.withCentering = options.withCentering ?? true;
    this.withScaling = options.withScaling ?? true;
    const q = options.quantileRange ?? [25, 75];
    if (!Array.isArray(q) || q.length !== 2 || !(0 <= q[0] && q[0] <= q[1] && q[1] <= 100)) {
      fail(
        `RobustScaler: invalid quantileRange ${JSON.stringify(q)}; use two percentiles 0 ≤ low ≤ high ≤ 100, e.g. [25, 75].`,
        `RobustScaler: quantileRange ${JSON.stringify(q)}이(가) 올바르지 않습니다. 0 ≤ 낮은 값 ≤ 높은 값 ≤ 100인 백분위 두 개를 주세요 (예: [25, 75]).`,
      );
    }
    this.quantileRange = [q[0], q[1]];
  }

  protected fitMatrix(m: Matrix): void {
    const center: number[] = [];
    const scale: number[] = [];
    forEachColumn(m, (_, values) => {
      const c = values;
      if (this.withCentering) center.push(median(c));
      if (this.withScaling) scale.push(percentile(c, this.quantileRange[1]) - percentile(c, this.quantileRange[0]));
    });
    this.center = this.withCentering ? center : null;
    this.scale = this.withScaling ? handleZeros(scale, m.float32 ? EPS32 : EPS64) : null;
  }

  protected forward(): { mul: number[]; add: number[] } {
    const cols = this.nFeaturesIn!;
    const center = this.center ?? new Array<number>(cols).fill(0);
    const scale = this.scale ?? new Array<number>(cols).fill(1);
    return { mul: scale.map((s) => 1 / s), add: center.map((c, j) => -c / scale[j]) };
  }
}
