// loadData's memory-lean options against the book's flow on the real MNIST
// files: the same rows as trainTestSplit, the same float32 values as
// `.reshape([-1, 784]).div(255)`, and no tensors beyond the ones returned.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setRunContext } from '../../src/course/context.ts';
import { nodeRunContext } from './support/node-run-context.ts';
import { loadData } from '../../src/course/load-data.ts';
import { trainTestSplit } from '../../src/course/split.ts';
import { CourseInputError } from '../../src/course/inputs.ts';

const context = nodeRunContext('load-data-test');

/** Number of elements where a and b differ (exact float32 comparison on the backend). */
const differing = (a: tf.Tensor, b: tf.Tensor) => tf.tidy(() => tf.notEqual(a, b).sum().dataSync()[0]);
const row = (t: tf.Tensor, i: number) => tf.tidy(() => Array.from(t.slice(i, 1).dataSync()));
const total = (t: tf.Tensor) => tf.tidy(() => t.sum().dataSync()[0]);

beforeAll(() => setRunContext(context));
afterAll(() => setRunContext(undefined));

describe('loadData validation/scale/flatten (wasm backend)', () => {
  beforeAll(async () => {
    await tf.setBackend('wasm');
    await tf.ready();
  });

  it('equals trainTestSplit + reshape + div(255) bit for bit, with randomState 777', async () => {
    const before = tf.memory();
    const lean = await loadData('mnist', { validation: { testSize: 0.3, randomState: 777 }, scale: true, flatten: true });
    const after = tf.memory();
    // Exactly the six returned tensors, nothing left over from the conversion.
    expect(after.numTensors - before.numTensors).toBe(6);
    expect(after.numBytes - before.numBytes).toBe((42000 + 18000 + 10000) * 784 * 4 + 70000 * 4);
    const flat: tf.Tensor2D = lean.xTrain; // the types follow the options
    expect(flat.shape).toEqual([42000, 784]);
    expect(lean.xVal.shape).toEqual([18000, 784]);
    expect(lean.xTest.shape).toEqual([10000, 784]);
    expect([lean.yTrain.shape, lean.yVal.shape, lean.yTest.shape]).toEqual([[42000], [18000], [10000]]);
    expect(lean.xTrain.dtype).toBe('float32');
    expect(lean.yTrain.dtype).toBe('int32');
    expect(lean.classNames).toHaveLength(10);

    // The book's flow, step by step.
    const plain = await loadData('mnist');
    const x = tf.tidy(() => plain.xTrain.reshape([-1, 784]).div(255));
    const [xTrain, xVal, yTrain, yVal] = trainTestSplit(x, plain.yTrain, { testSize: 0.3, randomState: 777 });
    const xTest = tf.tidy(() => plain.xTest.reshape([-1, 784]).div(255));

    for (const [a, b] of [[lean.xTrain, xTrain], [lean.xVal, xVal], [lean.xTest, xTest]] as const) {
      expect(differing(a, b)).toBe(0);
      for (const i of [0, 1, 777, a.shape[0] - 1]) expect(row(a, i)).toEqual(row(b, i));
      expect(total(a)).toBe(total(b));
    }
    expect(Array.from(lean.yTrain.dataSync())).toEqual(Array.from(yTrain.dataSync()));
    expect(Array.from(lean.yVal.dataSync())).toEqual(Array.from(yVal.dataSync()));
    expect(Array.from(lean.yTest.dataSync())).toEqual(Array.from(plain.yTest.dataSync()));
    // Values are really scaled and really shuffled (a wrong row order would fail the equalities above).
    expect(tf.tidy(() => lean.xTrain.max().dataSync()[0])).toBe(1);
    tf.dispose([x, xTrain, xVal, yTrain, yVal, xTest, ...Object.values(plain).filter((t) => t instanceof tf.Tensor)]);
    tf.dispose(Object.values(lean).filter((t) => t instanceof tf.Tensor) as tf.Tensor[]);
    expect(tf.memory().numTensors).toBe(before.numTensors);
  });

  it('scale as a number and no flatten keep [n, 28, 28] and divide by that number', async () => {
    const lean = await loadData('mnist', { scale: 2 });
    const plain = await loadData('mnist');
    expect(lean.xTrain.shape).toEqual([60000, 28, 28]);
    const half = tf.tidy(() => plain.xTrain.div(2));
    expect(differing(lean.xTrain, half)).toBe(0);
    expect('xVal' in lean).toBe(false);
    // @ts-expect-error without `validation` the result has no xVal
    expect(lean.xVal).toBeUndefined();
    const images: tf.Tensor3D = lean.xTrain;
    expect(images.rank).toBe(3);
    tf.dispose([half, ...Object.values(lean), ...Object.values(plain)].filter((t): t is tf.Tensor => t instanceof tf.Tensor));
  });
});

describe('loadData validation on the cpu backend', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('stratify: true picks the rows of trainTestSplit(x, y, { stratify: y }), unscaled [n, 28, 28]', async () => {
    const lean = await loadData('mnist', { validation: { testSize: 0.3, randomState: 777, stratify: true } });
    const plain = await loadData('mnist');
    const [xTrain, xVal, yTrain, yVal] = trainTestSplit(plain.xTrain, plain.yTrain, { testSize: 0.3, randomState: 777, stratify: plain.yTrain });
    expect(lean.xTrain.shape).toEqual([42000, 28, 28]);
    expect(differing(lean.xTrain, xTrain)).toBe(0);
    expect(differing(lean.xVal, xVal)).toBe(0);
    expect(Array.from(lean.yTrain.dataSync())).toEqual(Array.from(yTrain.dataSync()));
    expect(Array.from(lean.yVal.dataSync())).toEqual(Array.from(yVal.dataSync()));
    tf.dispose([xTrain, xVal, yTrain, yVal, ...Object.values(lean), ...Object.values(plain)].filter((t): t is tf.Tensor => t instanceof tf.Tensor));
  });
});

describe('loadData option errors', () => {
  const bad: [unknown, RegExp][] = [
    [{ validation: { testSize: 0.3, random_state: 777 } }, /unknown option "random_state"; did you mean "randomState"/],
    [{ scaled: true }, /unknown option "scaled"/],
    [{ scale: -1 }, /scale must be true/],
    [{ flatten: 'yes' }, /flatten must be true or false/],
    [{ validation: 0.3 }, /validation must be an object/],
    [{ validation: { randomState: 777 } }, /validation needs a testSize/],
    [{ validation: { testSize: 1.5 } }, /testSize=1.5 should be either positive/],
    [{ validation: { testSize: 0.3, stratify: 'y' } }, /stratify must be true or false/],
    [[1], /options must be an object/],
  ];
  for (const [options, message] of bad) {
    it(`rejects ${JSON.stringify(options)} with a bilingual CourseInputError and no tensors`, async () => {
      const before = tf.memory().numTensors;
      const error = await loadData('mnist', options as never).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CourseInputError);
      expect((error as Error).message).toMatch(message);
      expect((error as CourseInputError).text('ko')).toMatch(/[가-힣]/);
      expect(tf.memory().numTensors).toBe(before);
    });
  }
});
