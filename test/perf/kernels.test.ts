// The fast WASM kernels (src/sandbox/fast) against tfjs's reference (the CPU
// backend) and against the stock wasm kernels, on the same deterministic
// random inputs. Tolerances: matmuls (forward and gradients) max |Δ| ≤ 1e-5 ×
// max |reference| (XNNPACK sums in another order); gather is bit-exact.
// Found on the way: the stock wasm _FusedMatMul with transposeA and
// transposeB gives wrong values (tfjs 4.22); the fast path is correct.
import { beforeAll, describe, expect, it } from 'vitest';
import type * as tfType from '@tensorflow/tfjs';
import { installFastKernels } from '../../src/sandbox/fast/index.ts';
import { randomValues, relativeError, resultsOn, useWasm } from './helpers.ts';

type Case = { name: string; run: (tf: typeof tfType) => tfType.Tensor[] };
const MATMUL_TOLERANCE = 1e-5;

const t = (tf: typeof tfType, shape: number[], seed: number) => tf.tensor(randomValues(shape.reduce((a, b) => a * b, 1), seed), shape);

const matmulCases: Case[] = [];
for (const [transposeA, transposeB] of [[false, false], [true, false], [false, true], [true, true]] as const) {
  const aShape = transposeA ? [784, 128] : [128, 784];
  const bShape = transposeB ? [64, 784] : [784, 64];
  matmulCases.push({
    name: `matMul 2-D transposeA=${transposeA} transposeB=${transposeB} with gradients`,
    run: (tf) => {
      const a = t(tf, aShape, 1);
      const b = t(tf, bShape, 2);
      const f = (x: tfType.Tensor, y: tfType.Tensor) => tf.matMul(x as tfType.Tensor2D, y as tfType.Tensor2D, transposeA, transposeB);
      const dy = t(tf, [128, 64], 3);
      const [da, db] = tf.grads((x: tfType.Tensor, y: tfType.Tensor) => f(x, y))([a, b], dy);
      return [f(a, b), da!, db!];
    },
  });
}
matmulCases.push({
  name: 'matMul 3-D with batch broadcasting and transposeB',
  run: (tf) => [tf.matMul(t(tf, [3, 5, 7], 4) as tfType.Tensor3D, t(tf, [1, 6, 7], 5) as tfType.Tensor3D, false, true)],
});
matmulCases.push({
  name: 'matMul 3-D transposeA and transposeB',
  run: (tf) => [tf.matMul(t(tf, [2, 7, 5], 6) as tfType.Tensor3D, t(tf, [2, 6, 7], 7) as tfType.Tensor3D, true, true)],
});
for (const activation of ['linear', 'relu'] as const) {
  matmulCases.push({
    name: `fused matMul + bias + ${activation}, transposed operands, with gradients`,
    run: (tf) => {
      const a = t(tf, [784, 128], 8);
      const b = t(tf, [64, 784], 9);
      const bias = t(tf, [64], 10);
      const f = (x: tfType.Tensor, y: tfType.Tensor, z: tfType.Tensor) =>
        tf.fused.matMul({ a: x as tfType.Tensor2D, b: y as tfType.Tensor2D, bias: z, transposeA: true, transposeB: true, activation });
      const forward = f(a, b, bias); // outside a gradient: the _FusedMatMul kernel itself
      const grads = tf.grads((x: tfType.Tensor, y: tfType.Tensor, z: tfType.Tensor) => f(x, y, z))([a, b, bias], t(tf, [128, 64], 11));
      return [forward, ...grads];
    },
  });
}

const gatherCases: Case[] = [
  { name: 'gather rows (axis 0) of a 2-D float tensor', run: (tf) => [tf.gather(t(tf, [500, 784], 12), tf.tensor1d([3, 499, 0, 3, 250], 'int32'))] },
  { name: 'gather with 2-D indices', run: (tf) => [tf.gather(t(tf, [40, 32], 13), tf.tensor2d([[1, 2], [39, 0]], [2, 2], 'int32'))] },
  { name: 'gather along axis 1 of a 3-D tensor', run: (tf) => [tf.gather(t(tf, [3, 10, 20], 14), tf.tensor1d([9, 0, 4], 'int32'), 1)] },
  { name: 'gather int32 rows', run: (tf) => [tf.gather(tf.range(0, 400, 1, 'int32').reshape([20, 20]), tf.tensor1d([19, 2], 'int32'))] },
  { name: 'gather small slices (stock path)', run: (tf) => [tf.gather(t(tf, [50, 3], 15), tf.tensor1d([1, 49], 'int32'))] },
];

describe('fast WASM kernels match the stock kernels', () => {
  let tf: typeof tfType;
  type Result = { shape: number[]; values: Float32Array | Int32Array | Uint8Array }[];
  let reference: Map<string, Result>;
  let stock: Map<string, Result>;
  const all = [...matmulCases, ...gatherCases];
  const compute = (c: Case): Result => tf.tidy(() => c.run(tf)).map((x) => ({ shape: x.shape, values: x.dataSync() as Float32Array }));

  beforeAll(async () => {
    tf = await useWasm();
    reference = await resultsOn('cpu', all, compute);
    stock = await resultsOn('wasm', all, compute);
    const report = installFastKernels(tf);
    expect(report.installed).toEqual(['BatchMatMul', '_FusedMatMul', 'GatherV2', 'Adam', 'Slice', 'StridedSlice', 'SplitV', 'Unpack', 'LeanFit']);
  });

  it('installFastKernels is idempotent and names what it installed', () => {
    expect(installFastKernels(tf).installed).toEqual([]);
  });

  for (const c of matmulCases) {
    it(c.name, () => {
      const fast = compute(c);
      const ref = reference.get(c.name)!;
      expect(fast.map((x) => x.shape)).toEqual(ref.map((x) => x.shape));
      fast.forEach((x, i) => expect(relativeError(x.values, ref[i]!.values)).toBeLessThanOrEqual(MATMUL_TOLERANCE));
      if (!c.name.startsWith('fused')) {
        // Where the stock wasm kernel is right, the fast one agrees with it too.
        fast.forEach((x, i) => expect(relativeError(x.values, stock.get(c.name)![i]!.values)).toBeLessThanOrEqual(MATMUL_TOLERANCE));
      }
    });
  }

  for (const c of gatherCases) {
    it(`${c.name} (bit-exact)`, () => {
      const fast = compute(c);
      for (const ref of [reference.get(c.name)!, stock.get(c.name)!]) {
        expect(fast.map((x) => x.shape)).toEqual(ref.map((x) => x.shape));
        fast.forEach((x, i) => expect(Array.from(x.values)).toEqual(Array.from(ref[i]!.values)));
      }
    });
  }

  it('gather still rejects an index out of range, naming it', () => {
    expect(() => tf.tidy(() => tf.gather(t(tf, [10, 32], 16), tf.tensor1d([2, 10], 'int32')))).toThrow(/index value 10 is not in \[0, 9\]/);
  });

  it('the fast kernels leave no tensors behind', () => {
    const before = tf.memory().numTensors;
    for (const c of all) tf.dispose(tf.tidy(() => c.run(tf)));
    expect(tf.memory().numTensors).toBe(before);
  });
});
