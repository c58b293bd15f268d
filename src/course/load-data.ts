// loadData('mnist' | 'fashion-mnist'): Keras's `load_data()` for the course.
// The raw bytes are cached per worker (a second Run does not download or
// gunzip again); each call builds fresh tensors, because the sandbox disposes
// a run's tensors when it ends.
//
// Options give a memory-lean path: with `validation` the split is computed on
// the raw uint8 bytes (the same rows as trainTestSplit) and each part is
// converted once, straight into its own tensor, so the full training tensor,
// its scaled copy and both parts never exist together (issue 6's budget).
import * as tf from '@tensorflow/tfjs';
import { loadDataset, type RawDataset } from '../data/load-dataset.ts';
import { runContext } from './context.ts';
import { floatTensor } from './float-tensor.ts';
import { lazyAvailable, lazyPixelTensor } from './lazy-pixels.ts';
import { checkOptionNames, describe, fail } from './inputs.ts';
import { splitIndices } from './split.ts';
import type { DatasetName } from '../contract/locale.ts';

export interface CourseDataset<X extends tf.Tensor = tf.Tensor3D> {
  /**
   * float32 [60000, 28, 28], grey levels 0–255 (unscaled, as in Keras); with
   * `scale` divided by 255, with `flatten` [60000, 784]; with `validation`
   * only the training part (e.g. 42000 rows for `testSize: 0.3`).
   */
  xTrain: X;
  /** int32 [60000] class indices (the training part with `validation`). */
  yTrain: tf.Tensor1D;
  /** float32 [10000, 28, 28] (or [10000, 784] with `flatten`), scaled like xTrain. */
  xTest: X;
  /** int32 [10000]. */
  yTest: tf.Tensor1D;
  /** The ten class names in the learner's language. */
  classNames: string[];
}

/** What `loadData(name, { validation })` returns: the training set already split. */
export interface CourseSplitDataset<X extends tf.Tensor = tf.Tensor3D> extends CourseDataset<X> {
  /** The validation part of the training set, same rows as `trainTestSplit` would pick. */
  xVal: X;
  /** int32 validation labels. */
  yVal: tf.Tensor1D;
}

export interface LoadDataValidation {
  /** Fraction (e.g. `0.3`) or number of training samples to hold out, as `trainTestSplit`'s `testSize`. */
  testSize: number;
  /** Seed, as `trainTestSplit`'s `randomState` (e.g. `777`): the same seed picks the same rows. */
  randomState?: number;
  /** `true`: keep the class proportions in both parts, as `trainTestSplit(x, y, { stratify: y })`. */
  stratify?: boolean;
}

export interface LoadDataOptions {
  /**
   * Split the training set into train and validation parts while loading,
   * with exactly the partition of `trainTestSplit(xTrain, yTrain, { testSize, randomState })`,
   * but without holding the whole set and both parts in memory at once.
   */
  validation?: LoadDataValidation;
  /** Divide the pixels while converting: `true` = by 255 (values 0–1), or by the given number. */
  scale?: boolean | number;
  /** `true`: images as rows of 784 values ([n, 784]) instead of [n, 28, 28]. */
  flatten?: boolean;
}

// flatten: true → [n, 784]; false or absent → [n, 28, 28]; a boolean known only at run time → either.
type ImagesOf<O> = O extends { flatten: true }
  ? tf.Tensor2D
  : O extends { flatten: false }
    ? tf.Tensor3D
    : O extends { flatten: boolean }
      ? tf.Tensor2D | tf.Tensor3D
      : tf.Tensor3D;

const DATASETS: readonly DatasetName[] = ['mnist', 'fashion-mnist'];
const OPTION_NAMES = ['validation', 'scale', 'flatten'];
const VALIDATION_NAMES = ['testSize', 'randomState', 'stratify'];
const cache = new Map<DatasetName, Promise<RawDataset>>();

const isPlainObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Checks the options before anything is loaded; returns the divisor (or undefined). */
function checkOptions(options: unknown): number | undefined {
  if (!isPlainObject(options)) {
    fail(
      `loadData: options must be an object such as { validation: { testSize: 0.3, randomState: 777 }, scale: true, flatten: true }; got ${describe(options)}.`,
      `loadData: 옵션은 { validation: { testSize: 0.3, randomState: 777 }, scale: true, flatten: true } 같은 객체여야 합니다. 받은 값: ${describe(options)}.`,
    );
  }
  checkOptionNames(options, 'loadData', OPTION_NAMES);
  const { validation, scale, flatten } = options;
  if (flatten !== undefined && typeof flatten !== 'boolean') {
    fail(`loadData: flatten must be true or false; got ${describe(flatten)}.`, `loadData: flatten은 true 또는 false여야 합니다. 받은 값: ${describe(flatten)}.`);
  }
  if (scale !== undefined && typeof scale !== 'boolean' && !(typeof scale === 'number' && Number.isFinite(scale) && scale > 0)) {
    fail(
      `loadData: scale must be true (divide by 255), false, or a positive number to divide by; got ${typeof scale === 'number' ? scale : describe(scale)}.`,
      `loadData: scale은 true(255로 나눔), false, 또는 나눌 양수여야 합니다. 받은 값: ${typeof scale === 'number' ? scale : describe(scale)}.`,
    );
  }
  if (validation !== undefined) {
    if (!isPlainObject(validation)) {
      fail(
        `loadData: validation must be an object such as { testSize: 0.3, randomState: 777 }; got ${describe(validation)}.`,
        `loadData: validation은 { testSize: 0.3, randomState: 777 } 같은 객체여야 합니다. 받은 값: ${describe(validation)}.`,
      );
    }
    checkOptionNames(validation, 'loadData validation', VALIDATION_NAMES);
    if (validation.testSize === undefined) {
      fail(
        'loadData: validation needs a testSize, e.g. { testSize: 0.3, randomState: 777 }.',
        'loadData: validation에는 testSize가 필요합니다. 예: { testSize: 0.3, randomState: 777 }.',
      );
    }
    if (validation.stratify !== undefined && typeof validation.stratify !== 'boolean') {
      fail(
        `loadData: validation.stratify must be true or false (true stratifies on the labels); got ${describe(validation.stratify)}.`,
        `loadData: validation.stratify는 true 또는 false여야 합니다(true면 레이블로 층화). 받은 값: ${describe(validation.stratify)}.`,
      );
    }
  }
  return scale === true ? 255 : typeof scale === 'number' ? scale : undefined;
}

/**
 * Loads MNIST or Fashion-MNIST like Keras's `load_data()`: float32 images
 * [n, 28, 28] with grey levels 0–255, int32 labels, and the class names.
 *
 * ```ts
 * const { xTrain, yTrain, xTest, yTest, classNames } = await loadData('mnist');
 * ```
 *
 * Memory-lean option: split, scale and flatten while loading, so the full
 * training tensor, its scaled copy and both parts never exist together
 * (about half the peak memory of `trainTestSplit` + `div(255)`):
 *
 * ```ts
 * const { xTrain, yTrain, xVal, yVal, xTest, yTest } = await loadData('mnist', {
 *   validation: { testSize: 0.3, randomState: 777 }, // same rows as trainTestSplit
 *   scale: true,   // pixels / 255
 *   flatten: true, // [n, 784]
 * });
 * ```
 */
export function loadData(name: DatasetName): Promise<CourseDataset>;
export function loadData<const O extends LoadDataOptions>(
  name: DatasetName,
  options: O,
): Promise<O extends { validation: LoadDataValidation } ? CourseSplitDataset<ImagesOf<O>> : CourseDataset<ImagesOf<O>>>;
export async function loadData(name: DatasetName, options?: LoadDataOptions): Promise<CourseDataset<tf.Tensor> | CourseSplitDataset<tf.Tensor>> {
  if (!DATASETS.includes(name)) {
    throw new Error(
      `loadData: unknown dataset ${JSON.stringify(name)}; use 'mnist' or 'fashion-mnist' / 알 수 없는 데이터셋입니다. 'mnist' 또는 'fashion-mnist'를 쓰세요.`,
    );
  }
  const divisor = options === undefined ? undefined : checkOptions(options);
  const context = runContext();
  let pending = cache.get(name);
  if (!pending) {
    pending = loadDataset(name, context.transport, {
      onProgress: (p) => runContext().dataProgress(name, p.loadedBytes, p.totalBytes),
    });
    cache.set(name, pending);
    pending.catch(() => cache.delete(name));
  } else {
    const raw = await pending;
    const total = raw.xTrain.data.length + raw.yTrain.data.length + raw.xTest.data.length + raw.yTest.data.length;
    context.dataProgress(name, total, total);
  }
  const raw = await pending;
  const flatten = options?.flatten === true;
  const shapeFor = (a: RawDataset['xTrain'], n: number) => (flatten ? [n, a.data.length / a.shape[0]] : [n, ...a.shape.slice(1)]);
  // Unscaled images on wasm stay uint8 until a kernel needs their float32
  // values (lazy-pixels.ts): the book's split and `/ 255` then make the only
  // float32 copy. Scaled images are built as float32 at once.
  const lazy = divisor === undefined && lazyAvailable();
  const images = (a: RawDataset['xTrain'], rows?: Int32Array) => {
    const shape = shapeFor(a, rows ? rows.length : a.shape[0]);
    return lazy ? lazyPixelTensor(a.data, shape, rows) : floatTensor(a.data, shape, { rows, divisor });
  };
  const labels = (a: RawDataset['yTrain'], rows?: Int32Array) =>
    tf.tensor1d(rows ? Int32Array.from(rows, (i) => a.data[i]) : Int32Array.from(a.data), 'int32');
  const validation = options?.validation;
  let data: CourseDataset<tf.Tensor> | CourseSplitDataset<tf.Tensor>;
  if (validation) {
    // The split's checks (testSize range, seed) run here, before any tensor exists.
    const [train, val] = splitIndices(raw.yTrain.data.length, {
      testSize: validation.testSize,
      randomState: validation.randomState,
      stratify: validation.stratify ? raw.yTrain.data : undefined,
    });
    data = {
      xTrain: images(raw.xTrain, train),
      yTrain: labels(raw.yTrain, train),
      xVal: images(raw.xTrain, val),
      yVal: labels(raw.yTrain, val),
      xTest: images(raw.xTest),
      yTest: labels(raw.yTest),
      classNames: [...raw.manifest.classNames[context.locale]],
    };
  } else {
    data = {
      xTrain: images(raw.xTrain),
      yTrain: labels(raw.yTrain),
      xTest: images(raw.xTest),
      yTest: labels(raw.yTest),
      classNames: [...raw.manifest.classNames[context.locale]],
    };
  }
  for (const t of Object.values(data)) if (t instanceof tf.Tensor) context.dataTensors.add(t);
  return data;
}
