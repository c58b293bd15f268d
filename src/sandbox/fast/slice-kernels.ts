// WASM Slice, StridedSlice, SplitV and Unpack that cost what they return.
// In tfjs-backend-wasm 4.22 each of them ends in Slice's function, which
// copies its whole input out of wasm memory before taking its part (see
// heap-slice.ts). StridedSlice (its contiguous paths), SplitV and Unpack call
// that function directly, not through the registry, so replacing Slice alone
// would not reach them; split into k parts and unstack of n rows copied the
// input k and n times. Each kernel here copies its box with sliceOnHeap and
// leaves anything else (strings, strided or out-of-range boxes) to the
// original kernel. GatherV2 reads only its indices (row-gather.ts), Concat
// and Identity read heap views: they never had the problem.
import type * as tfType from '@tensorflow/tfjs';
import { boxInside, onHeap, sliceOnHeap, type WasmBackendLike } from './heap-slice.ts';

type Tf = typeof tfType;
type TensorInfo = tfType.TensorInfo;
type KernelFunc = tfType.KernelFunc;
type KernelArgs = Parameters<KernelFunc>[0];

export const SLICE_KERNELS = ['Slice', 'StridedSlice', 'SplitV', 'Unpack'] as const;
export type SliceKernelName = (typeof SLICE_KERNELS)[number];

/** The new kernelFunc for one kernel, given tfjs's (for what it leaves to it). */
const makers: Record<SliceKernelName, (tf: Tf, original: KernelFunc) => KernelFunc> = {
  Slice: (tf, original) => (args) => {
    const x = args.inputs.x as TensorInfo;
    const { begin, size } = args.attrs as unknown as { begin: number | number[]; size?: number | number[] };
    const [begin_, size_] = tf.slice_util.parseSliceParams(x, begin, size) as [number[], number[]];
    // As tfjs's CPU and WebGL kernels do (the wasm one reads past the end instead).
    tf.slice_util.assertParamsValid(x, begin_, size_);
    if (!onHeap(x.dtype) || !boxInside(x.shape, begin_, size_)) return original(args);
    return sliceOnHeap(backendOf(args), x, begin_, size_);
  },

  StridedSlice: (tf, original) => (args) => {
    const x = args.inputs.x as TensorInfo;
    const a = args.attrs as unknown as tfType.StridedSliceAttrs;
    const info = tf.slice_util.sliceInfo(x.shape, a.begin, a.end, a.strides, a.beginMask, a.endMask, a.ellipsisMask, a.newAxisMask, a.shrinkAxisMask);
    // tfjs's kernel sends these paths to Slice; the identity (a reshape) and
    // strided boxes (a C++ loop over the output) stay with it.
    const plainBox = (info.sliceDim0 || info.isSimpleSlice) && info.strides.every((s) => s === 1);
    if (info.isIdentity || !plainBox || !onHeap(x.dtype)) return original(args);
    const size = tf.slice_util.computeOutShape(info.begin, info.end, info.strides);
    if (!boxInside(x.shape, info.begin, size)) return original(args);
    const out = sliceOnHeap(backendOf(args), x, info.begin, size);
    return { ...out, shape: info.finalShape }; // same element count: a reshape in place, as tfjs's does
  },

  SplitV: (tf, original) => (args) => {
    const x = args.inputs.x as TensorInfo;
    const { numOrSizeSplits, axis } = args.attrs as unknown as tfType.SplitVAttrs;
    if (!onHeap(x.dtype)) return original(args);
    const parsedAxis = tf.util.parseAxisParam(axis, x.shape)[0]!;
    const sizes = tf.backend_util.prepareSplitSize(x as tfType.Tensor, numOrSizeSplits, parsedAxis);
    const begin = new Array<number>(x.shape.length).fill(0);
    const boxes = sizes.map((part) => {
      const box = { begin: [...begin], size: x.shape.map((extent, i) => (i === parsedAxis ? part : extent)) };
      begin[parsedAxis] += part;
      return box;
    });
    if (!boxes.every((b) => boxInside(x.shape, b.begin, b.size))) return original(args);
    return boxes.map((b) => sliceOnHeap(backendOf(args), x, b.begin, b.size));
  },

  Unpack: (_tf, original) => (args) => {
    const value = args.inputs.value as TensorInfo;
    if (!onHeap(value.dtype)) return original(args);
    const { axis: given } = args.attrs as unknown as tfType.UnpackAttrs;
    const axis = given < 0 ? given + value.shape.length : given;
    const outShape = value.shape.filter((_, i) => i !== axis);
    const size = value.shape.map((extent, i) => (i === axis ? 1 : extent));
    return Array.from({ length: value.shape[axis]! }, (_, k) => {
      const begin = value.shape.map((_, i) => (i === axis ? k : 0));
      return { ...sliceOnHeap(backendOf(args), value, begin, size), shape: outShape };
    });
  },
};

function backendOf(args: KernelArgs): WasmBackendLike {
  return args.backend as unknown as WasmBackendLike;
}

/** Replaces one wasm kernel through tfjs's public registry, keeping its config (setupFunc included). */
export function installSliceKernel(tf: Tf, name: SliceKernelName): void {
  const original = tf.getKernel(name, 'wasm');
  if (!original) return;
  const kernelFunc = makers[name](tf, original.kernelFunc);
  tf.unregisterKernel(name, 'wasm');
  tf.registerKernel({ ...original, kernelFunc });
}
