// The host's look at what a learner's realm handed back: every value must be
// one of the shapes in src/contract/captured.ts, within CAPTURE_LIMITS, or
// the whole capture is refused with a reason. Runs on the page (and in the
// check worker again): only our code, on structured-cloned data.
import type { CapturedRun, CapturedValue } from '../../contract/captured.ts';
import { CAPTURE_LIMITS } from '../../contract/captured-limits.ts';

export class CaptureRejected extends Error {
  override name = 'CaptureRejected';
}

interface Budget {
  nodes: number;
  bytes: number;
}

const TENSOR_ARRAYS = { float32: Float32Array, int32: Int32Array, bool: Uint8Array } as const;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

function reject(path: string, why: string): never {
  throw new CaptureRejected(`${path}: ${why}`);
}

function count(budget: Budget, path: string, bytes = 0): void {
  budget.nodes += 1;
  budget.bytes += bytes;
  if (budget.nodes > CAPTURE_LIMITS.nodes) reject(path, 'too many values');
  if (budget.bytes > CAPTURE_LIMITS.bytes) reject(path, 'too many bytes');
}

function shapeOf(value: unknown, path: string): number[] {
  if (!Array.isArray(value) || value.length > 8 || !value.every((d) => Number.isSafeInteger(d) && d >= 0)) reject(path, 'bad shape');
  return value as number[];
}

const sizeOf = (shape: number[]) => shape.reduce((a, b) => a * b, 1);

/** Plain JSON data (model topology, training config), bounded. */
function checkJson(value: unknown, path: string, depth: number, budget: Budget): void {
  count(budget, path);
  if (value === null || typeof value === 'boolean' || typeof value === 'number') return;
  if (typeof value === 'string') {
    if (value.length > 10_000) reject(path, 'string too long');
    return;
  }
  if (depth > 32) reject(path, 'nested too deeply');
  if (Array.isArray(value)) return value.forEach((item, i) => checkJson(item, `${path}[${i}]`, depth + 1, budget));
  if (!isRecord(value)) reject(path, 'not plain data');
  for (const [key, item] of Object.entries(value)) checkJson(item, `${path}.${key}`, depth + 1, budget);
}

function checkValue(value: unknown, path: string, depth: number, budget: Budget): void {
  count(budget, path);
  if (value === null || typeof value === 'boolean' || typeof value === 'number') return;
  if (typeof value === 'string') {
    if (value.length > CAPTURE_LIMITS.stringLength) reject(path, 'string too long');
    return;
  }
  if (!isRecord(value) || typeof value.$ !== 'string') reject(path, 'not a captured value');
  if (depth > CAPTURE_LIMITS.depth) reject(path, 'nested too deeply');
  const text = (key: string, max = 200) => {
    if (typeof value[key] !== 'string' || (value[key] as string).length > max) reject(path, `bad ${key}`);
  };
  switch (value.$) {
    case 'undefined':
    case 'promise':
      return;
    case 'bigint':
    case 'function':
    case 'omitted':
      return text(value.$ === 'bigint' ? 'text' : value.$ === 'function' ? 'name' : 'reason', 1000);
    case 'array': {
      const items = value.items;
      if (!Array.isArray(items) || items.length > CAPTURE_LIMITS.arrayLength) reject(path, 'bad array');
      return items.forEach((item, i) => checkValue(item, `${path}[${i}]`, depth + 1, budget));
    }
    case 'object': {
      text('className');
      if (!isRecord(value.fields) || Object.keys(value.fields).length > CAPTURE_LIMITS.fields) reject(path, 'bad fields');
      for (const [key, item] of Object.entries(value.fields)) checkValue(item, `${path}.${key}`, depth + 1, budget);
      return;
    }
    case 'typed-array': {
      const v = value.values;
      if (!(v instanceof Float32Array || v instanceof Int32Array || v instanceof Uint8Array || v instanceof Float64Array)) reject(path, 'bad typed array');
      return count(budget, path, v.byteLength);
    }
    case 'tensor': {
      const shape = shapeOf(value.shape, path);
      const Type = TENSOR_ARRAYS[value.dtype as keyof typeof TENSOR_ARRAYS];
      if (!Type || !(value.values instanceof Type) || value.values.length !== sizeOf(shape)) reject(path, 'tensor values do not match its shape or dtype');
      return count(budget, path, value.values.byteLength);
    }
    case 'disposed-tensor':
      shapeOf(value.shape, path);
      return text('dtype', 20);
    case 'model': {
      checkJson(value.topology, `${path}.topology`, 0, budget);
      if (value.trainingConfig !== undefined) checkJson(value.trainingConfig, `${path}.trainingConfig`, 0, budget);
      if (!Array.isArray(value.weights) || value.weights.length > 1000) reject(path, 'bad weights');
      for (const [i, w] of value.weights.entries()) {
        if (!isRecord(w) || typeof w.name !== 'string' || w.name.length > 500) reject(`${path}.weights[${i}]`, 'bad weight');
        const shape = shapeOf(w.shape, `${path}.weights[${i}]`);
        const Type = w.dtype === 'int32' ? Int32Array : w.dtype === 'float32' ? Float32Array : undefined;
        if (!Type || !(w.values instanceof Type) || w.values.length !== sizeOf(shape)) reject(`${path}.weights[${i}]`, 'weight values do not match its shape');
        count(budget, path, w.values.byteLength);
      }
      return;
    }
    case 'history': {
      if (!Array.isArray(value.epoch) || value.epoch.length > 100_000 || !value.epoch.every((e) => typeof e === 'number')) reject(path, 'bad epochs');
      if (!isRecord(value.history) || Object.keys(value.history).length > 100) reject(path, 'bad history');
      for (const [key, series] of Object.entries(value.history)) {
        if (key.length > 100 || !Array.isArray(series) || series.length > 100_000 || !series.every((v) => typeof v === 'number')) reject(`${path}.${key}`, 'bad series');
        count(budget, path, series.length * 8);
      }
      if (!isRecord(value.params)) reject(path, 'bad params');
      for (const [key, item] of Object.entries(value.params)) checkValue(item, `${path}.params.${key}`, depth + 1, budget);
      return;
    }
    case 'early-stopping':
      text('monitor');
      text('mode');
      if (typeof value.patience !== 'number' || typeof value.minDelta !== 'number') reject(path, 'bad numbers');
      if (value.baseline !== null && typeof value.baseline !== 'number') reject(path, 'bad baseline');
      return;
    default:
      reject(path, `unknown kind ${JSON.stringify(String(value.$).slice(0, 40))}`);
  }
}

function checkNamed(values: unknown, path: string, budget: Budget): Record<string, CapturedValue> {
  if (!isRecord(values) || Object.keys(values).length > CAPTURE_LIMITS.fields) reject(path, 'not a set of named values');
  for (const [name, value] of Object.entries(values)) {
    if (name.length > 200) reject(path, 'name too long');
    checkValue(value, `${path}.${name}`, 0, budget);
  }
  return values as Record<string, CapturedValue>;
}

/** The capture as it is, once every part has been checked; throws CaptureRejected. */
export function validateCapture(value: unknown): CapturedRun {
  if (!isRecord(value)) reject('capture', 'not an object');
  const budget: Budget = { nodes: 0, bytes: 0 };
  if (value.stopped !== undefined && typeof value.stopped !== 'boolean') reject('capture.stopped', 'not a boolean');
  return { exports: checkNamed(value.exports, 'exports', budget), probes: checkNamed(value.probes, 'probes', budget), stopped: value.stopped === true };
}
