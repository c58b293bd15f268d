// Runs in the learner's realm after their module finished: turns its exports
// into plain data (src/contract/captured.ts) that can leave the realm. The
// learner could have patched anything this code calls, so nothing here is
// trusted: the host validates the result (src/exercises/checking/validate-capture.ts)
// and checks recompute what matters in a fresh realm. This file only has to
// be faithful for honest programs and must never throw.
import type * as tfType from '@tensorflow/tfjs';
import type { CapturedValue } from '../contract/captured.ts';
import { CAPTURE_LIMITS } from '../contract/captured-limits.ts';

interface Budget {
  nodes: number;
  bytes: number;
}

const omitted = (reason: string): CapturedValue => ({ $: 'omitted', reason });

function numberList(value: unknown): number[] {
  return Array.isArray(value) ? value.map((v) => (typeof v === 'number' ? v : Number((v as { dataSync?: () => ArrayLike<number> })?.dataSync?.()[0]))) : [];
}

function captureTensor(tensor: tfType.Tensor, budget: Budget): CapturedValue {
  if (tensor.isDisposed) return { $: 'disposed-tensor', dtype: tensor.dtype, shape: [...tensor.shape] };
  const bytes = tensor.size * 4;
  if (budget.bytes + bytes > CAPTURE_LIMITS.bytes) return omitted(`tensor of ${tensor.size} values is over the capture budget`);
  budget.bytes += bytes;
  if (tensor.dtype !== 'float32' && tensor.dtype !== 'int32' && tensor.dtype !== 'bool') return omitted(`tensor dtype ${tensor.dtype}`);
  return { $: 'tensor', dtype: tensor.dtype, shape: [...tensor.shape], values: tensor.dataSync() as Float32Array | Int32Array | Uint8Array };
}

function captureModel(model: tfType.LayersModel, budget: Budget): CapturedValue {
  const topology = model.toJSON(null, false);
  const weights = model.weights.map((variable, i) => {
    const tensor = variable.read();
    budget.bytes += tensor.size * 4;
    return { name: variable.name, shape: [...tensor.shape], dtype: tensor.dtype as 'float32' | 'int32', values: tensor.dataSync() as Float32Array | Int32Array, index: i };
  });
  if (budget.bytes > CAPTURE_LIMITS.bytes) return omitted('model weights over the capture budget');
  // Only compiled models have a training config (getTrainingConfig throws otherwise).
  let trainingConfig: unknown;
  try {
    // getTrainingConfig is protected in the typings; tfjs's own save() calls it.
    const withConfig = model as unknown as { getTrainingConfig(): unknown };
    if (model.optimizer) trainingConfig = JSON.parse(JSON.stringify(withConfig.getTrainingConfig()));
  } catch {
    trainingConfig = undefined;
  }
  return { $: 'model', topology, weights: weights.map(({ index: _, ...w }) => w), ...(trainingConfig ? { trainingConfig } : {}) };
}

function captureValue(value: unknown, tf: typeof tfType, depth: number, budget: Budget, seen: Set<object>): CapturedValue {
  if (++budget.nodes > CAPTURE_LIMITS.nodes) return omitted('too many values');
  switch (typeof value) {
    case 'undefined':
      return { $: 'undefined' };
    case 'boolean':
    case 'number':
      return value;
    case 'string':
      return value.length > CAPTURE_LIMITS.stringLength ? omitted(`string of ${value.length} characters`) : value;
    case 'bigint':
      return { $: 'bigint', text: String(value) };
    case 'function':
      return { $: 'function', name: String(value.name).slice(0, 100) };
    case 'symbol':
      return omitted('symbol');
  }
  if (value === null) return null;
  const object = value as object;
  if (seen.has(object)) return omitted('a value that contains itself');
  if (depth >= CAPTURE_LIMITS.depth) return omitted('nested too deeply');
  seen.add(object);
  try {
    if (object instanceof tf.Tensor) return captureTensor(object, budget);
    if (object instanceof tf.LayersModel) return captureModel(object, budget);
    if (object instanceof tf.History) {
      const history: Record<string, number[]> = {};
      for (const [key, values] of Object.entries(object.history)) history[key] = numberList(values);
      const params = captureValue(object.params ?? {}, tf, depth + 1, budget, seen);
      return { $: 'history', epoch: numberList(object.epoch), history, params: params && typeof params === 'object' && '$' in params && params.$ === 'object' ? params.fields : {} };
    }
    if (object instanceof tf.EarlyStopping) {
      const e = object as unknown as { monitor: string; patience: number; minDelta: number; mode: string; baseline?: number };
      return { $: 'early-stopping', monitor: String(e.monitor), patience: Number(e.patience), minDelta: Number(e.minDelta), mode: String(e.mode), baseline: typeof e.baseline === 'number' ? e.baseline : null };
    }
    if (object instanceof Promise) return { $: 'promise' };
    if (ArrayBuffer.isView(object) && !(object instanceof DataView)) {
      if (!(object instanceof Float32Array || object instanceof Int32Array || object instanceof Uint8Array || object instanceof Float64Array)) {
        return omitted(`${object.constructor.name}`);
      }
      budget.bytes += object.byteLength;
      return budget.bytes > CAPTURE_LIMITS.bytes ? omitted('typed array over the capture budget') : { $: 'typed-array', values: object };
    }
    if (Array.isArray(object)) {
      if (object.length > CAPTURE_LIMITS.arrayLength) return omitted(`array of ${object.length} items`);
      return { $: 'array', items: object.map((item) => captureValue(item, tf, depth + 1, budget, seen)) };
    }
    const fields: Record<string, CapturedValue> = {};
    for (const key of Object.keys(object).slice(0, CAPTURE_LIMITS.fields)) {
      fields[key] = captureValue((object as Record<string, unknown>)[key], tf, depth + 1, budget, seen);
    }
    const className = Object.getPrototypeOf(object)?.constructor?.name;
    return { $: 'object', className: typeof className === 'string' ? className.slice(0, 100) : 'Object', fields };
  } catch (error) {
    return omitted(`could not be read (${String((error as Error)?.message ?? error).slice(0, 200)})`);
  } finally {
    seen.delete(object);
  }
}

/** Every named value as data; never throws. */
export function captureValues(values: Record<string, unknown>, tf: typeof tfType): Record<string, CapturedValue> {
  const budget: Budget = { nodes: 0, bytes: 0 };
  const captured: Record<string, CapturedValue> = {};
  for (const name of Object.keys(values).slice(0, CAPTURE_LIMITS.fields)) {
    captured[name] = captureValue(values[name], tf, 0, budget, new Set());
  }
  return captured;
}
