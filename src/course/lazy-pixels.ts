// Pixel tensors that stay uint8 until a kernel needs their float32 values.
//
// The book's flow (lessons 3–5) keeps every step's tensor alive: loadData's
// 0–255 images, both trainTestSplit parts, and the reshaped `/ 255` copies,
// three float32 copies of the images (618 MiB of wasm heap, Node and the
// page alike). Only the last copy is ever trained on. So loadData's unscaled images
// and the parts trainTestSplit takes from them are *lazy*: a float32 tensor
// like any other (same shape, dtype, values, memory accounting), whose data
// is the dataset's uint8 bytes (already in memory, 55 MB) plus the list of
// rows it holds, kept in a small store registered with the tfjs engine as
// the tensor's backend. Reading it (`dataSync`, `data`, `print`) converts the
// bytes. Three things work on it without creating its float32 copy:
//
// - `trainTestSplit` (and `take`): the parts are lazy too (their row lists);
// - `reshape`: shares the data, as on every backend;
// - division by a scalar (`div(255)`): the quotient is written straight from
//   the bytes into the output tensor on the wasm heap, float32(x / d) for
//   each pixel through a 256-entry table, the value `tf.div` computes.
//
// Anything else (mean, slice, fit, …) finds the data missing from its
// backend and the engine moves it there (tfjs's own lazy move between
// backends, `DataStorage.get` → `engine.moveData`): the float32 copy is made
// then, once, and the tensor behaves as an ordinary wasm tensor from then on.
// Only created on the wasm backend, the one whose Reshape and RealDiv are
// wrapped here; on other backends loadData builds float32 tensors at once.
import * as tf from '@tensorflow/tfjs';
import type { DataId, KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs';
import { convertRows } from './float-tensor.ts';

interface LazyPixels {
  /** The dataset's uint8 bytes, `rowSize` per source row. */
  bytes: Uint8Array;
  rowSize: number;
  /** Source rows held, in order; undefined: all of them. */
  rows: Int32Array | undefined;
  refCount: number;
}

interface WasmBackendLike {
  makeOutput(shape: number[], dtype: 'float32'): TensorInfo;
  typedArrayFromHeap(info: TensorInfo): Float32Array;
}

/**
 * The engine's view of lazy tensors: tensorInfo's `backend` for their data.
 * Implements what the engine calls on a tensor's backend (read, refCount,
 * disposeData) and what it calls while moving the data to a real backend.
 */
class LazyPixelStore {
  private readonly data = new WeakMap<DataId, LazyPixels>();
  private count = 0;

  get(dataId: DataId): LazyPixels | undefined {
    return this.data.get(dataId);
  }
  add(entry: LazyPixels): DataId {
    const dataId = {};
    this.data.set(dataId, entry);
    this.count++;
    return dataId;
  }
  readSync(dataId: DataId): Float32Array {
    const e = this.data.get(dataId);
    if (!e) throw new Error('lazy pixels: unknown data');
    const out = new Float32Array((e.rows ? e.rows.length : e.bytes.length / e.rowSize) * e.rowSize);
    convertRows(e.bytes, out, e.rows, undefined);
    return out;
  }
  read(dataId: DataId): Promise<Float32Array> {
    return Promise.resolve(this.readSync(dataId));
  }
  readToGPU(): never {
    throw new Error('lazy pixels: readToGPU is not supported; use data() or dataSync().');
  }
  refCount(dataId: DataId): number {
    return this.data.get(dataId)?.refCount ?? 0;
  }
  incRef(dataId: DataId): void {
    const e = this.data.get(dataId);
    if (e) e.refCount++;
  }
  /** As the backends do: true when the data is gone (last reference, or `force` while moving). */
  disposeData(dataId: DataId, force = false): boolean {
    const e = this.data.get(dataId);
    if (!e) return false;
    e.refCount--;
    if (!force && e.refCount > 0) return false;
    this.data.delete(dataId);
    this.count--;
    return true;
  }
  numDataIds(): number {
    return this.count;
  }
  memory() {
    return { unreliable: true };
  }
  dispose(): void {}
}

const store = new LazyPixelStore();
const WRAPPED = Symbol.for('mnist-course.lazy-pixels');

/** True when `x`'s data is still the uint8 bytes (no float32 copy made yet). */
export function isLazy(x: tf.TensorInfo): boolean {
  return store.get(x.dataId) !== undefined;
}

/** Replaces `kernelName` on the wasm backend with `wrap(stock)`, once per registry. */
function wrapKernel(kernelName: string, wrap: (stock: KernelFunc) => KernelFunc): void {
  const stock = tf.getKernel(kernelName, 'wasm') as (KernelConfig & { [WRAPPED]?: true }) | undefined;
  if (!stock || stock[WRAPPED]) return;
  const config = { ...stock, kernelFunc: wrap(stock.kernelFunc), [WRAPPED]: true as const };
  tf.unregisterKernel(kernelName, 'wasm');
  tf.registerKernel(config);
}

function installKernels(): void {
  wrapKernel('Reshape', (stock) => (args) => {
    const x = args.inputs.x as TensorInfo;
    if (!isLazy(x)) return stock(args);
    const size = tf.util.sizeFromShape(x.shape);
    const shape = tf.util.inferFromImplicitShape([...(args.attrs as { shape: number[] }).shape], size);
    if (tf.util.sizeFromShape(shape) !== size) return stock(args); // tfjs's own error, before any copy
    store.incRef(x.dataId);
    return { dataId: x.dataId, shape, dtype: x.dtype };
  });
  wrapKernel('RealDiv', (stock) => (args) => {
    const { a, b } = args.inputs as { a: TensorInfo; b: TensorInfo };
    const e = store.get(a.dataId);
    if (!e || a.dtype !== 'float32' || b.dtype !== 'float32' || isLazy(b) || tf.util.sizeFromShape(b.shape) !== 1 || b.shape.length > a.shape.length) {
      return stock(args);
    }
    const divisor = (tf.engine().readSync(b.dataId) as Float32Array)[0];
    const backend = args.backend as unknown as WasmBackendLike;
    const out = backend.makeOutput([...a.shape], 'float32');
    // The view is taken after the allocation (which may grow and replace the heap) and used at once.
    convertRows(e.bytes, backend.typedArrayFromHeap(out), e.rows, divisor);
    return out;
  });
}

const GUARDED = Symbol.for('mnist-course.lazy-pixels.heap-views');

/**
 * tfjs-backend-wasm's `typedArrayFromHeap` reads `HEAPU8.buffer` before it
 * looks the tensor up; for a lazy tensor the lookup moves the data onto the
 * heap, which may grow it and detach that buffer ("Cannot perform Construct
 * on a detached ArrayBuffer" in the kernels that take heap views, e.g.
 * Slice). So on this backend instance the lookup comes first.
 */
function guardHeapViews(backend: WasmBackendLike & { dataIdMap: { get(dataId: DataId): unknown }; [GUARDED]?: true }): void {
  if (backend[GUARDED]) return;
  const original = backend.typedArrayFromHeap;
  backend.typedArrayFromHeap = function (this: typeof backend, info: TensorInfo) {
    if (isLazy(info)) backend.dataIdMap.get(info.dataId);
    return original.call(this, info);
  };
  backend[GUARDED] = true;
}

const isWrapped = (name: string) => (tf.getKernel(name, 'wasm') as { [WRAPPED]?: true } | undefined)?.[WRAPPED] === true;

/** Whether lazy tensors can be made now (wasm backend, with its kernels wrapped). */
export function lazyAvailable(): boolean {
  if (tf.getBackend() !== 'wasm') return false;
  const backend = tf.backend() as unknown as Partial<WasmBackendLike>;
  if (typeof backend.makeOutput !== 'function' || typeof backend.typedArrayFromHeap !== 'function') return false;
  if (!isWrapped('Reshape') || !isWrapped('RealDiv')) installKernels();
  guardHeapViews(backend as WasmBackendLike & { dataIdMap: { get(dataId: DataId): unknown } });
  return isWrapped('Reshape') && isWrapped('RealDiv');
}

/**
 * A float32 tensor of `shape` holding rows of `bytes` (`rows`, or all of
 * them in order) as 0–255 values, without a float32 copy until one is needed.
 * Call only when `lazyAvailable()`.
 */
export function lazyPixelTensor(bytes: Uint8Array, shape: number[], rows?: Int32Array): tf.Tensor {
  const n = shape[0];
  const rowSize = n === 0 ? 0 : tf.util.sizeFromShape(shape) / n;
  const dataId = store.add({ bytes, rowSize, rows, refCount: 1 });
  return tf.engine().makeTensorFromDataId(dataId, shape, 'float32', store as unknown as tf.KernelBackend);
}

/**
 * Rows `idx` of a lazy tensor (first dimension), lazy too; undefined when `x`
 * is not lazy or its first dimension is not the dataset's rows.
 */
export function lazyRows(x: tf.Tensor, idx: Int32Array): tf.Tensor | undefined {
  const e = store.get(x.dataId);
  if (!e || x.rank === 0 || x.shape[0] === 0 || x.size / x.shape[0] !== e.rowSize) return undefined;
  const rows = e.rows ? Int32Array.from(idx, (i) => e.rows![i]) : Int32Array.from(idx);
  return lazyPixelTensor(e.bytes, [idx.length, ...x.shape.slice(1)], rows);
}
