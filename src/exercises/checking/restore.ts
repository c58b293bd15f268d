// Rebuilds captured exports in the check realm with its own tfjs: tensors from
// their values, models through tfjs's own deserialization (topology, weights,
// training config), History and EarlyStopping as the real classes, so the
// checks read them as they would read the learner's objects. A learner
// function arrives as a stub that only says it cannot be called here: what a
// check needs to know about a function comes from the exercise's probes.
//
// A tensor that is an export or a field of an exported object is rebuilt when
// a check first reads it: copying values into this realm's tfjs is most of a
// rebuild's time, and exercises export whole datasets that no check reads
// (exercise 13 exports loadData's 220 MB `fashion` and reads one label of it).
import type * as tfType from '@tensorflow/tfjs';
import type { CapturedValue } from '../../contract/captured.ts';

/** A value the check realm could not rebuild (e.g. a model with a custom layer). */
export class Unrestorable {
  readonly reason: string;
  constructor(reason: string) {
    this.reason = reason;
  }
}

/** Marks what restore created, so the check realm can dispose it afterwards. */
export interface Restored {
  values: Record<string, unknown>;
  tensors: tfType.Tensor[];
  models: tfType.LayersModel[];
}

function learnerFunction(name: string): () => never {
  const stub = () => {
    throw new Error(`the learner's function ${name} runs only in the learner's realm; read its probes instead`);
  };
  Object.defineProperty(stub, 'name', { value: name });
  return stub;
}

async function restoreModel(tf: typeof tfType, value: Extract<CapturedValue, { $: 'model' }>, out: Restored): Promise<unknown> {
  try {
    const model = (await tf.models.modelFromJSON(value.topology as Parameters<typeof tf.models.modelFromJSON>[0])) as tfType.LayersModel;
    out.models.push(model);
    if (value.weights.length > 0) {
      const weights = value.weights.map((w) => tf.tensor(w.values, w.shape, w.dtype));
      model.setWeights(weights);
      tf.dispose(weights);
    }
    if (value.trainingConfig) model.loadTrainingConfig(value.trainingConfig as Parameters<tfType.LayersModel['loadTrainingConfig']>[0]);
    return model;
  } catch (error) {
    return new Unrestorable(`the model could not be rebuilt: ${String((error as Error)?.message ?? error)}`);
  }
}

async function restoreValue(tf: typeof tfType, value: CapturedValue, out: Restored): Promise<unknown> {
  if (value === null || typeof value !== 'object') return value;
  switch (value.$) {
    case 'undefined':
      return undefined;
    case 'bigint':
      return BigInt(value.text);
    case 'array':
      return Promise.all(value.items.map((item) => restoreValue(tf, item, out)));
    case 'object': {
      const object: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value.fields)) await restoreInto(tf, object, key, item, out);
      return object;
    }
    case 'typed-array':
      return value.values;
    case 'tensor':
      return restoreTensor(tf, value, out);
    case 'disposed-tensor': {
      // A disposed tensor of the same shape: checks report it as disposed.
      const tensor = tf.zeros(value.shape, value.dtype === 'int32' ? 'int32' : 'float32');
      tensor.dispose();
      return tensor;
    }
    case 'model':
      return restoreModel(tf, value, out);
    case 'history': {
      const history = new tf.History();
      history.epoch = value.epoch;
      history.history = value.history;
      history.params = (await restoreValue(tf, { $: 'object', className: 'Object', fields: value.params }, out)) as typeof history.params;
      return history;
    }
    case 'early-stopping':
      return tf.callbacks.earlyStopping({
        monitor: value.monitor,
        patience: value.patience,
        minDelta: value.minDelta,
        mode: value.mode as 'auto' | 'min' | 'max',
        ...(value.baseline === null ? {} : { baseline: value.baseline }),
      });
    case 'function':
      return learnerFunction(value.name);
    case 'promise':
      return new Promise(() => {});
    case 'omitted':
      return new Unrestorable(value.reason);
  }
}

function restoreTensor(tf: typeof tfType, value: Extract<CapturedValue, { $: 'tensor' }>, out: Restored): tfType.Tensor {
  // Kept: a check may first read it inside its own tf.tidy, which must not dispose it.
  const tensor = tf.keep(tf.tensor(value.values, value.shape, value.dtype));
  out.tensors.push(tensor);
  return tensor;
}

/** Sets `target[key]`; a tensor becomes a getter that rebuilds it on the first read. */
async function restoreInto(tf: typeof tfType, target: Record<string, unknown>, key: string, value: CapturedValue, out: Restored): Promise<void> {
  if (value === null || typeof value !== 'object' || value.$ !== 'tensor') {
    target[key] = await restoreValue(tf, value, out);
    return;
  }
  let tensor: tfType.Tensor | undefined;
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get: () => (tensor ??= restoreTensor(tf, value, out)),
    set: (replacement: unknown) => Object.defineProperty(target, key, { value: replacement, enumerable: true, configurable: true, writable: true }),
  });
}

/** Rebuilds every named value; dispose `tensors` and `models` when the checks are done. */
export async function restoreValues(tf: typeof tfType, values: Record<string, CapturedValue>): Promise<Restored> {
  const out: Restored = { values: {}, tensors: [], models: [] };
  for (const [name, value] of Object.entries(values)) await restoreInto(tf, out.values, name, value, out);
  return out;
}
