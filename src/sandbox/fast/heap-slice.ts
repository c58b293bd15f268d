// A box of a tensor copied straight from the wasm heap into a new tensor:
// the work is the output's bytes. tfjs-backend-wasm 4.22's Slice first copies
// its whole input out of wasm memory (`readSync`, a HEAPU8.slice), so taking
// 32 rows of a [10000, 784] tensor copied 31 MB; model.predict does that once
// per batch (quadratic in the rows). The slice kernels in slice-kernels.ts
// use this instead.
import type * as tfType from '@tensorflow/tfjs';

type TensorInfo = tfType.TensorInfo;
type Heap = Float32Array | Int32Array | Uint8Array;
export interface WasmBackendLike {
  makeOutput(shape: number[], dtype: string): TensorInfo;
  typedArrayFromHeap(info: TensorInfo): Heap;
}

/** Runs shorter than this are copied element by element: a subarray + set costs more than the copy. */
const SHORT_RUN = 16;

/** The dtypes the wasm backend keeps on its heap (strings live in JS; the original kernels handle them). */
export function onHeap(dtype: string): boolean {
  return dtype === 'float32' || dtype === 'int32' || dtype === 'bool';
}

/** True when [begin, begin + size) lies inside the shape on every axis. */
export function boxInside(shape: readonly number[], begin: readonly number[], size: readonly number[]): boolean {
  if (begin.length !== shape.length || size.length !== shape.length) return false;
  return shape.every((extent, i) => Number.isInteger(begin[i]) && Number.isInteger(size[i]) && begin[i]! >= 0 && size[i]! >= 0 && begin[i]! + size[i]! <= extent);
}

/**
 * A new tensor holding x[begin : begin + size] (the caller checks the box
 * with boxInside and the dtype with onHeap). The innermost axes the box
 * covers whole, with the first one it cuts, form one contiguous run in both
 * tensors; the axes outside it are walked with an odometer.
 */
export function sliceOnHeap(backend: WasmBackendLike, x: TensorInfo, begin: readonly number[], size: readonly number[]): TensorInfo {
  const out = backend.makeOutput([...size], x.dtype);
  const count = size.reduce((a, b) => a * b, 1);
  if (count === 0) return out;
  // Views only after makeOutput: an allocation may grow (and replace) the heap.
  const src = backend.typedArrayFromHeap(x);
  const dst = backend.typedArrayFromHeap(out);
  const shape = x.shape;
  const rank = shape.length;
  if (rank === 0) {
    dst[0] = src[0]!;
    return out;
  }
  const strides = new Array<number>(rank);
  strides[rank - 1] = 1;
  for (let i = rank - 2; i >= 0; i--) strides[i] = strides[i + 1]! * shape[i + 1]!;
  let cut = rank - 1;
  while (cut > 0 && size[cut] === shape[cut]) cut--;
  const run = size[cut]! * strides[cut]!;
  let from = 0;
  for (let i = 0; i <= cut; i++) from += begin[i]! * strides[i]!;
  const index = new Array<number>(cut).fill(0);
  for (let to = 0; to < count; to += run) {
    if (run < SHORT_RUN) for (let k = 0; k < run; k++) dst[to + k] = src[from + k]!;
    else dst.set(src.subarray(from, from + run), to);
    // Next run: step the innermost outer axis, carrying into the ones outside it.
    for (let d = cut - 1; d >= 0; d--) {
      from += strides[d]!;
      if (++index[d]! < size[d]!) break;
      from -= size[d]! * strides[d]!;
      index[d] = 0;
    }
  }
  return out;
}
