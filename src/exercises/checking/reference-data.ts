// The data the checks score a learner's model on, built in the check realm
// from the course's own verified bytes (ctx.dataset), never from what the
// learner exported: the validation and test sets exactly as the starters of
// lessons 9–12 prepare them (loadData's split with randomState 777, /255,
// flattened to 784 values).
import type * as tfType from '@tensorflow/tfjs';
import type { CheckContext } from '../../contract/exercise.ts';
import type { DatasetName } from '../../contract/locale.ts';
import { floatTensor } from '../../course/float-tensor.ts';
import { splitIndices } from '../../course/split.ts';

export interface ReferenceSet {
  /** [n, 784] float32 in 0–1. */
  x: tfType.Tensor2D;
  /** Class numbers. */
  labels: Int32Array;
  /** [n, 10] one-hot, for evaluate with categorical cross-entropy. */
  oneHot: tfType.Tensor2D;
}

// One per check run and set: the tensors live in the check realm's scope,
// freed after the checks. A set is converted when a check first asks for it
// (exercise 12 scores the test set only, 10 the validation set only); the
// conversion runs after an await, so never inside a check's tf.tidy.
const built = new WeakMap<object, Map<string, Promise<ReferenceSet>>>();

/**
 * The starters' validation split (testSize 0.3, randomState 777) or the test
 * set, as the starters of lessons 9–12 prepare them.
 */
export function referenceSet(ctx: CheckContext, which: 'validation' | 'test', name: DatasetName = 'mnist'): Promise<ReferenceSet> {
  let sets = built.get(ctx.exports);
  if (!sets) built.set(ctx.exports, (sets = new Map()));
  const key = `${name}/${which}`;
  let pending = sets.get(key);
  if (!pending) {
    pending = (async () => {
      const raw = await ctx.dataset(name);
      const set = (images: { data: Uint8Array }, labels: Int32Array, rows?: Int32Array): ReferenceSet => ({
        x: floatTensor(images.data, [labels.length, 784], { rows, divisor: 255 }) as tfType.Tensor2D,
        labels,
        oneHot: ctx.tf.oneHot(ctx.tf.tensor1d(labels, 'int32'), 10) as tfType.Tensor2D,
      });
      if (which === 'test') return set(raw.xTest, Int32Array.from(raw.yTest.data));
      const [, valRows] = splitIndices(raw.yTrain.data.length, { testSize: 0.3, randomState: 777 });
      return set(raw.xTrain, Int32Array.from(valRows, (i) => raw.yTrain.data[i]), valRows);
    })();
    sets.set(key, pending);
  }
  return pending;
}

/** `x` in the shape the model takes (a model may start with Flatten on [28, 28]). */
export function asModelInput(tf: typeof tfType, model: tfType.LayersModel, x: tfType.Tensor2D): tfType.Tensor {
  const shape = model.inputs[0]?.shape ?? [null, 784];
  const rest = shape.slice(1).map((d) => d ?? -1);
  return rest.length === 1 && rest[0] === 784 ? x : tf.reshape(x, [x.shape[0], ...rest]);
}

/** Predicted classes of the model on `x`, in large batches (tfjs's default of 32 copies the input per slice on WASM). */
export function predictClasses(tf: typeof tfType, model: tfType.LayersModel, x: tfType.Tensor2D): Int32Array {
  return tf.tidy(() => (model.predict(asModelInput(tf, model, x), { batchSize: 2048 }) as tfType.Tensor).argMax(-1).dataSync() as Int32Array);
}

/** [loss, accuracy] of a compiled model on a reference set. */
export function evaluateOn(tf: typeof tfType, model: tfType.LayersModel, set: ReferenceSet): [number, number] {
  const scores = model.evaluate(asModelInput(tf, model, set.x), set.oneHot, { batchSize: 2048 }) as tfType.Scalar[];
  const values = scores.map((s) => s.dataSync()[0]);
  tf.dispose(scores);
  return [values[0], values[1]];
}
