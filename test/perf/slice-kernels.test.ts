// The fast WASM slice kernels (src/sandbox/fast/slice-kernels.ts: Slice,
// StridedSlice, SplitV, Unpack) against tfjs's reference (the CPU backend)
// and the stock wasm kernels, bit-exact, on float32, int32 and bool tensors
// of rank 1 to 5, with size -1, empty boxes, masks, new and shrunk axes. The
// work they do is counted in slice-work.test.ts.
import { beforeAll, describe, expect, it } from 'vitest';
import type * as tfType from '@tensorflow/tfjs';
import { installFastKernels } from '../../src/sandbox/fast/index.ts';
import { SLICE_KERNELS } from '../../src/sandbox/fast/slice-kernels.ts';
import { resultsOn, testTensor, useWasm } from './helpers.ts';

type Tf = typeof tfType;
type Case = { name: string; run: (tf: Tf) => tfType.Tensor[] };
type Result = { shape: number[]; dtype: string; values: number[] }[];

// [shape, begin, size] for tf.slice; -1 means "to the end".
const boxes: [number[], number[], number[]][] = [
  [[10], [0], [10]],
  [[10], [3], [4]],
  [[10], [9], [-1]],
  [[10], [4], [0]], // empty
  [[300, 784], [32, 0], [32, 784]], // a predict batch: contiguous rows
  [[300, 784], [288, 0], [-1, -1]], // the last, short batch
  [[40, 50], [5, 7], [10, 20]], // a window: 10 runs of 20
  [[40, 50], [0, 49], [40, 1]], // one column: runs of one element
  [[40, 50], [0, 3], [40, 40]],
  [[40, 50], [40, 0], [0, 50]], // empty rows
  [[40, 50], [2, 50], [5, 0]], // empty columns at the end
  [[6, 7, 8], [1, 2, 3], [4, 5, 5]],
  [[6, 7, 8], [0, 3, 0], [6, 2, 8]], // whole inner axis: runs of 16
  [[6, 7, 8], [2, 0, 0], [1, -1, -1]],
  [[1, 500, 20], [0, 100, 0], [1, 64, 20]],
  [[3, 4, 5, 6], [1, 1, 2, 0], [2, 3, 3, 6]],
  [[3, 4, 5, 6], [0, 0, 0, 5], [-1, -1, -1, 1]],
  [[3, 4, 5, 6], [2, 3, 4, 5], [1, 1, 1, 1]],
  [[3, 4, 5, 6], [0, 2, 0, 0], [3, 0, 5, 6]],
  [[2, 3, 4, 5, 6], [1, 0, 2, 1, 3], [1, 3, 2, 4, 2]], // rank 5: beyond tfjs's own 2–4-D loops
];

const cases: Case[] = [];
const dtypes = ['float32', 'int32', 'bool'] as const;
boxes.forEach(([shape, begin, sz], i) => {
  for (const dtype of dtypes) {
    cases.push({ name: `slice ${dtype} [${shape}] begin [${begin}] size [${sz}]`, run: (tf) => [tf.slice(testTensor(shape, dtype, i + 1), begin, sz)] });
  }
});
for (const dtype of ['float32', 'int32'] as const) {
  cases.push(
    { name: `slice ${dtype} with begin and size as numbers (axis 0, rest whole)`, run: (tf) => [tf.slice(testTensor([20, 6], dtype, 30), 4, 9)] },
    { name: `slice ${dtype} with short begin and no size`, run: (tf) => [tf.slice(testTensor([5, 6, 7], dtype, 31), [2, 1])] },
    { name: `stridedSlice ${dtype} rows (sliceDim0)`, run: (tf) => [tf.stridedSlice(testTensor([50, 30], dtype, 32), [10, 0], [20, 30], [1, 1])] },
    { name: `stridedSlice ${dtype} window with stride 1`, run: (tf) => [tf.stridedSlice(testTensor([9, 10, 11], dtype, 33), [1, 2, 3], [8, 9, 7], [1, 1, 1])] },
    { name: `stridedSlice ${dtype} negative indices and masks`, run: (tf) => [tf.stridedSlice(testTensor([9, 10], dtype, 34), [-4, 0], [-1, 0], [1, 1], 0, 2)] },
    { name: `stridedSlice ${dtype} shrinking an axis`, run: (tf) => [tf.stridedSlice(testTensor([9, 10, 4], dtype, 35), [3, 0, 0], [4, 10, 4], [1, 1, 1], 0, 0, 0, 0, 1)] },
    { name: `stridedSlice ${dtype} with a new axis`, run: (tf) => [tf.stridedSlice(testTensor([9, 10], dtype, 36), [0, 2, 0], [1, 5, 10], [1, 1, 1], 0, 0, 0, 1)] },
    { name: `stridedSlice ${dtype} begin at end (empty)`, run: (tf) => [tf.stridedSlice(testTensor([9, 10], dtype, 37), [6, 0], [6, 10], [1, 1])] },
    { name: `stridedSlice ${dtype} whole tensor (identity)`, run: (tf) => [tf.stridedSlice(testTensor([9, 10], dtype, 39), [0, 0], [9, 10], [1, 1])] },
    { name: `split ${dtype} into 4 along axis 0`, run: (tf) => tf.split(testTensor([40, 12], dtype, 40), 4) },
    { name: `split ${dtype} by sizes along axis 1, with -1 and 0`, run: (tf) => tf.split(testTensor([5, 20, 3], dtype, 41), [3, 0, -1, 6], 1) },
    { name: `split ${dtype} along the last axis (negative)`, run: (tf) => tf.split(testTensor([4, 3, 10], dtype, 42), [7, 3], -1) },
    { name: `unstack ${dtype} rows`, run: (tf) => tf.unstack(testTensor([6, 25], dtype, 43)) },
    { name: `unstack ${dtype} along axis 1 of a 3-D tensor`, run: (tf) => tf.unstack(testTensor([4, 3, 5], dtype, 44), 1) },
    { name: `unstack ${dtype} along axis -1`, run: (tf) => tf.unstack(testTensor([4, 3, 5], dtype, 45), -1) },
  );
}
// Strided boxes stay with tfjs's kernel, float32 only: on int32 it returns a
// float32 tensor of the int bits (tfjs 4.22, stock and here alike).
cases.push({ name: 'stridedSlice float32 stride 2 (the original kernel)', run: (tf) => [tf.stridedSlice(testTensor([9, 10], 'float32', 38), [0, 1], [9, 10], [2, 3])] });
cases.push({ name: 'split bool into 2', run: (tf) => tf.split(testTensor([8, 5], 'bool', 46), 2) });
cases.push({ name: 'unstack bool', run: (tf) => tf.unstack(testTensor([3, 5], 'bool', 47)) });
cases.push({ name: 'slice a string tensor (the original kernel)', run: (tf) => [tf.slice(tf.tensor(['a', 'b', 'c', 'd', 'e', 'f'], [3, 2]), [1, 0], [2, 2])] });
cases.push({ name: 'gradient of a slice (pads back to the input shape)', run: (tf) => [tf.grad((x: tfType.Tensor) => tf.slice(x, [1, 2], [3, 4]).square().sum())(testTensor([6, 8], 'float32', 48))] });

describe('fast WASM slice kernels match tfjs', () => {
  let tf: Tf;
  let reference: Map<string, Result>;
  let stock: Map<string, Result>;
  const compute = (c: Case): Result => tf.tidy(() => c.run(tf)).map((x) => ({ shape: x.shape, dtype: x.dtype, values: Array.from(x.dataSync() as ArrayLike<number>) }));

  beforeAll(async () => {
    tf = await useWasm();
    reference = await resultsOn('cpu', cases, compute);
    stock = await resultsOn('wasm', cases, compute);
    expect(installFastKernels(tf).installed).toEqual(expect.arrayContaining([...SLICE_KERNELS]));
  });

  for (const c of cases) {
    it(`${c.name} (bit-exact)`, () => {
      const fast = compute(c);
      expect(fast).toEqual(reference.get(c.name));
      expect(fast).toEqual(stock.get(c.name));
    });
  }

  it('a slice past the end is refused, as on tfjs CPU and WebGL, instead of reading the next tensor', () => {
    expect(() => tf.tidy(() => tf.slice(testTensor([10, 4], 'float32', 50), [8, 0], [4, 4]))).toThrow(/begin\[0\] \+ size\[0\] \(12\) would overflow input.shape\[0\] \(10\)/);
  });

  it('the slice kernels leave no tensors behind', () => {
    const before = tf.memory().numTensors;
    for (const c of cases) tf.dispose(tf.tidy(() => c.run(tf)));
    expect(tf.memory().numTensors).toBe(before);
  });
});
