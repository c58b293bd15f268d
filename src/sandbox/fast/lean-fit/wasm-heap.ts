// The lean trainer's view of tfjs-backend-wasm: its heap (a WebAssembly.Memory
// the dense-MLP kernels import, so tensors are read where they lie), its
// allocator, and where a tensor's data starts on that heap. Only the
// single-threaded build is used (threads never start here); anything else
// answers undefined and fit takes tfjs's own path.
import type * as tfType from '@tensorflow/tfjs';
import { DENSE_MLP_WASM } from './dense-mlp-wasm.ts';

type Tf = typeof tfType;

export interface DenseMlpKernels {
  compressRows(x: number, idx: number, rows: number, k: number, start: number, col: number, val: number): void;
  denseForward(start: number, col: number, val: number, rows: number, w: number, bias: number, n: number, out: number, relu: number): void;
  weightGrad(start: number, col: number, val: number, rows: number, dy: number, n: number, dw: number, k: number): void;
  biasGrad(dy: number, rows: number, n: number, db: number): void;
  inputGrad(dy: number, rows: number, n: number, w: number, k: number, h: number, dx: number, reluMask: number, mask: number): void;
  denseForwardRows(x: number, idx: number, rows: number, k: number, w: number, bias: number, n: number, out: number, relu: number): void;
  weightGradRows(x: number, idx: number, rows: number, k: number, dy: number, n: number, dw: number): void;
  applyMask(h: number, mask: number, count: number): void;
  adam(x: number, m: number, v: number, g: number, count: number, b1: number, b2: number, c1: number, c2: number, d1: number, d2: number, eps: number, minusLr: number): void;
  sgd(x: number, g: number, count: number, minusLr: number): void;
  momentum(x: number, acc: number, g: number, count: number, m: number, minusLr: number, nesterov: number): void;
  rmsprop(x: number, ms: number, mom: number, g: number, count: number, decay: number, oneMinusDecay: number, momentum: number, lr: number, eps: number): void;
}

export interface WasmHeap {
  /** Replaceable, so the bench's profiler can time each call. */
  kernels: DenseMlpKernels;
  malloc(bytes: number): number;
  free(pointer: number): void;
  /** A Float32Array over the whole heap, renewed whenever the heap has grown. */
  f32(): Float32Array;
  i32(): Int32Array;
  /** Byte offset of a tensor's data on the heap, or undefined when it lives elsewhere. */
  pointerOf(tensor: tfType.Tensor): number | undefined;
}

interface BackendWasmLike {
  wasm?: { asm?: { memory?: unknown }; _malloc?: (bytes: number) => number; _free?: (pointer: number) => void };
  dataIdMap?: { get(dataId: object): { memoryOffset?: number } | undefined; has(dataId: object): boolean };
}

let compiled: WebAssembly.Module | undefined;
const heaps = new WeakMap<WebAssembly.Memory, WasmHeap>();

function moduleBytes(): Uint8Array {
  const text = atob(DENSE_MLP_WASM);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

export function wasmHeap(tf: Tf): WasmHeap | undefined {
  if (tf.getBackend() !== 'wasm') return undefined;
  const backend = tf.backend() as unknown as BackendWasmLike;
  const memory = backend.wasm?.asm?.memory;
  const malloc = backend.wasm?._malloc;
  const free = backend.wasm?._free;
  const dataIdMap = backend.dataIdMap;
  if (!(memory instanceof WebAssembly.Memory) || !malloc || !free || !dataIdMap) return undefined;
  if (typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer) return undefined;
  const known = heaps.get(memory);
  if (known) return known;
  let instance: WebAssembly.Instance;
  try {
    // ~6.5 KB: small enough to compile synchronously anywhere.
    compiled ??= new WebAssembly.Module(moduleBytes() as BufferSource);
    instance = new WebAssembly.Instance(compiled, { env: { memory } });
  } catch {
    return undefined;
  }
  let f32 = new Float32Array(memory.buffer);
  let i32 = new Int32Array(memory.buffer);
  const renew = () => {
    if (f32.buffer !== memory.buffer) {
      f32 = new Float32Array(memory.buffer);
      i32 = new Int32Array(memory.buffer);
    }
  };
  const heap: WasmHeap = {
    kernels: instance.exports as unknown as DenseMlpKernels,
    malloc: (bytes) => {
      const pointer = malloc(bytes) >>> 0;
      if (pointer === 0) throw new RangeError(`out of WebAssembly memory allocating ${bytes} bytes`);
      return pointer;
    },
    free: (pointer) => free(pointer),
    f32: () => (renew(), f32),
    i32: () => (renew(), i32),
    pointerOf: (tensor) => {
      if (!dataIdMap.has(tensor.dataId)) return undefined;
      return dataIdMap.get(tensor.dataId)?.memoryOffset;
    },
  };
  heaps.set(memory, heap);
  return heap;
}
