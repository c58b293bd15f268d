// The work of the slice kernels, counted rather than timed: bytes the wasm
// backend copies out of its memory (backend.readSync) while an op runs.
// tfjs 4.22's stock Slice copies its whole input per call (and StridedSlice,
// SplitV and Unpack go through it), so model.predict's batches cost the
// square of the rows; with installFastKernels every count here is 0. Its own
// file: the kernel registry is per realm, and the stock counts come first.
import { beforeAll, describe, expect, it } from 'vitest';
import type * as tfType from '@tensorflow/tfjs';
import { installFastKernels } from '../../src/sandbox/fast/index.ts';
import { countReadBack, testTensor, useWasm } from './helpers.ts';

describe('the slice kernels copy only what they return', () => {
  let tf: typeof tfType;
  let readBack: ReturnType<typeof countReadBack>;
  const bytesRead = (run: () => tfType.Tensor | tfType.Tensor[]) => {
    readBack.reset();
    tf.dispose(run());
    return readBack.count();
  };

  beforeAll(async () => {
    tf = await useWasm();
    readBack = countReadBack(tf);
  });

  it('stock tfjs copies the whole input per slice, split part and unstacked row; the fast kernels copy none', () => {
    const x = testTensor([1000, 784], 'float32', 1);
    const rows = testTensor([100, 784], 'int32', 2);
    // [op, its input, how many whole copies stock tfjs makes]
    const ops: [string, () => tfType.Tensor | tfType.Tensor[], tfType.Tensor, number][] = [
      ['slice of 32 rows', () => tf.slice(x, [64, 0], [32, 784]), x, 1],
      ['slice of a window', () => tf.slice(x, [10, 100], [20, 300]), x, 1],
      ['stridedSlice of 32 rows', () => tf.stridedSlice(x, [64, 0], [96, 784], [1, 1]), x, 1],
      ['split into 10', () => tf.split(x, 10), x, 10],
      ['unstack of 100 int32 rows', () => tf.unstack(rows), rows, 100],
    ];
    const stock = ops.map(([name, run]) => [name, bytesRead(run)]);
    expect(stock).toEqual(ops.map(([name, , input, copies]) => [name, copies * input.size * 4]));
    installFastKernels(tf);
    expect(ops.map(([name, run]) => [name, bytesRead(run)])).toEqual(ops.map(([name]) => [name, 0]));
    tf.dispose([x, rows]);
  });

  it('model.predict over 2,000 rows in batches of 32 reads nothing back', () => {
    installFastKernels(tf);
    const model = tf.sequential({ layers: [tf.layers.dense({ units: 16, activation: 'relu', inputShape: [784] }), tf.layers.dense({ units: 10, activation: 'softmax' })] });
    const x = testTensor([2000, 784], 'float32', 3);
    // Stock tfjs: 63 batches, each a copy of all 6.3 MB of x.
    expect(bytesRead(() => model.predict(x, { batchSize: 32 }) as tfType.Tensor)).toBe(0);
    tf.dispose(x);
    model.dispose();
  });
});
