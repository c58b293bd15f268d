// The book's step-by-step flow (lessons 3–5: loadData → trainTestSplit →
// reshape → / 255, every step's tensor kept, as the lessons write it) in
// bytes, not time: the wasm heap's high-water mark (it never shrinks, so its
// size at the end is the peak) stays within 1.5 × MNIST as float32 + the
// model, training included. And the lazy uint8-backed tensors that make it
// possible (lazy-pixels.ts) give exactly the values, dtypes, shapes and
// memory accounting of ordinary float32 tensors.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setRunContext } from '../../src/course/context.ts';
import { nodeRunContext } from './support/node-run-context.ts';
import { loadData } from '../../src/course/load-data.ts';
import { trainTestSplit } from '../../src/course/split.ts';
import { toCategorical } from '../../src/course/categorical.ts';
import { isLazy } from '../../src/course/lazy-pixels.ts';
import { loadDataset } from '../../src/data/load-dataset.ts';
import { nodeTransport } from '../../src/data/transports/node.ts';
import { installFastKernels } from '../../src/sandbox/fast/index.ts';

const context = nodeRunContext('flow-memory-test');

const MiB = 2 ** 20;
const heapBytes = () => (tf.backend() as unknown as { wasm: { HEAPU8: Uint8Array } }).wasm.HEAPU8.buffer.byteLength;
const differing = (a: tf.Tensor, b: tf.Tensor) => tf.tidy(() => tf.notEqual(a, b).sum().dataSync()[0]);

beforeAll(async () => {
  setRunContext(context);
  await tf.setBackend('wasm');
  await tf.ready();
  installFastKernels(tf); // as the sandbox runs learner code
});
afterAll(() => setRunContext(undefined));

describe("the book's flow on wasm", () => {
  it('peaks at ≤ 1.5 × MNIST float32 + the model, from loadData through one epoch of training', { timeout: 120_000 }, async () => {
    // Lessons 3–5 as the learner writes them: nothing disposed.
    const mnist = await loadData('mnist');
    const [xTrainRaw, xValRaw, yTrainLabels, yValLabels] = trainTestSplit(mnist.xTrain, mnist.yTrain, { testSize: 0.3, randomState: 777 });
    const xTrain = xTrainRaw.reshape([xTrainRaw.shape[0], 28 * 28]).div(255);
    const xVal = xValRaw.reshape([xValRaw.shape[0], 28 * 28]).div(255);
    const xTest = mnist.xTest.reshape([mnist.xTest.shape[0], 28 * 28]).div(255);
    const yTrain = toCategorical(yTrainLabels);
    const yVal = toCategorical(yValLabels);
    const yTest = toCategorical(mnist.yTest);
    expect([xTrain.shape, xVal.shape, xTest.shape]).toEqual([[42000, 784], [18000, 784], [10000, 784]]);
    expect([xTrain.dtype, yTrain.dtype, xTrainRaw.dtype, mnist.xTrain.dtype]).toEqual(['float32', 'float32', 'float32', 'float32']);

    const model = tf.sequential({
      layers: [
        tf.layers.dense({ units: 64, activation: 'relu', inputShape: [784] }),
        tf.layers.dense({ units: 32, activation: 'relu' }),
        tf.layers.dense({ units: 10, activation: 'softmax' }),
      ],
    });
    model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['acc'] });
    const history = await model.fit(xTrain, yTrain, { epochs: 1, batchSize: 128, validationData: [xVal, yVal], verbose: 0 });
    expect(history.history.val_acc[0]).toBeGreaterThan(0.85);

    const datasetFloat32 = 70000 * 784 * 4; // 209.3 MiB
    const modelBytes = model.countParams() * 4 * 3; // weights + Adam's two moments
    const budget = 1.5 * datasetFloat32 + modelBytes; // 314.6 MiB
    const peak = heapBytes();
    console.log(`book's flow: wasm heap peak ${(peak / MiB).toFixed(1)} MiB, budget ${(budget / MiB).toFixed(1)} MiB`);
    expect(peak).toBeLessThanOrEqual(budget);
    // The float32 copies on the heap are the scaled ones only (1.0 × MNIST + heap start and training).
    expect(peak).toBeLessThan(1.1 * datasetFloat32 + 16 * MiB);
    tf.dispose([mnist.xTrain, mnist.yTrain, mnist.xTest, mnist.yTest, xTrainRaw, xValRaw, yTrainLabels, yValLabels, xTrain, xVal, xTest, yTrain, yVal, yTest]);
    model.dispose();
  });
});

describe('lazy pixel tensors', () => {
  it('give the values of ordinary float32 tensors through split, reshape and / 255, bit for bit', { timeout: 120_000 }, async () => {
    const raw = await loadDataset('mnist', nodeTransport('public/data'));
    const before = tf.memory();
    const lazy = await loadData('mnist');
    const after = tf.memory();
    // Counted like float32 tensors: four tensors, 4 bytes per pixel.
    expect(after.numTensors - before.numTensors).toBe(4);
    expect(after.numBytes - before.numBytes).toBe(70000 * 784 * 4 + 70000 * 4);
    expect(isLazy(lazy.xTrain) && isLazy(lazy.xTest)).toBe(true);
    expect(lazy.xTrain.shape).toEqual([60000, 28, 28]);

    // The same flow on ordinary tensors, through the stock kernels.
    const eager = tf.tensor3d(Float32Array.from(raw.xTrain.data), [60000, 28, 28]);
    expect(isLazy(eager)).toBe(false);
    const split = { testSize: 0.3, randomState: 777 };
    const [aTr, aVal] = trainTestSplit(lazy.xTrain, split);
    const [bTr, bVal] = trainTestSplit(eager, split);
    expect(isLazy(aTr) && isLazy(aVal)).toBe(true);
    expect([aTr.shape, aVal.shape]).toEqual([bTr.shape, bVal.shape]);
    const aScaled = aTr.reshape([42000, 784]).div(255);
    const bScaled = bTr.reshape([42000, 784]).div(255);
    expect(isLazy(aScaled)).toBe(false); // the one float32 copy, on the wasm heap
    expect(aScaled.dtype).toBe('float32');
    expect(differing(aScaled, bScaled)).toBe(0);
    // Scaled first, then split (the bench's old order); any divisor.
    expect(differing(aVal.div(7), bVal.div(7))).toBe(0);
    expect(differing(tf.div(lazy.xTest, tf.scalar(255)), tf.div(tf.tensor3d(Float32Array.from(raw.xTest.data), [10000, 28, 28]), 255))).toBe(0);
    // shuffle: false takes the first rows for training: lazy parts too, the same values.
    const eagerTest = tf.tensor3d(Float32Array.from(raw.xTest.data), [10000, 28, 28]);
    const [c1, c2] = trainTestSplit(lazy.xTest, { testSize: 0.25, shuffle: false });
    const [d1, d2] = trainTestSplit(eagerTest, { testSize: 0.25, shuffle: false });
    expect(isLazy(c1) && isLazy(c2)).toBe(true);
    expect([differing(c1, d1), differing(c2, d2)]).toEqual([0, 0]);
    tf.dispose([eagerTest, c1, c2, d1, d2]);
    // Read back as 0–255 floats.
    expect(aVal.dataSync()).toEqual(bVal.dataSync());
    expect(Array.from((await lazy.xTrain.slice(0, 1).data()).slice(150, 160))).toEqual(Array.from(raw.xTrain.data.slice(150, 160)));
    tf.dispose([eager, bTr, bVal, aScaled, bScaled]);
  });

  it('become ordinary wasm tensors when another kernel needs them, and stay correct', async () => {
    const { xTrain } = await loadData('mnist');
    const [part] = trainTestSplit(xTrain, { testSize: 0.5, randomState: 1 });
    const viaReshape = part.reshape([-1, 784]);
    expect(isLazy(viaReshape)).toBe(true);
    const mean = part.mean().dataSync()[0]; // moved to the heap here
    expect(isLazy(part)).toBe(false);
    expect(isLazy(viaReshape)).toBe(false); // same data
    expect(mean).toBeCloseTo(tf.tidy(() => tf.tensor(part.dataSync()).mean().dataSync()[0]), 3);
    expect(differing(viaReshape.reshape(part.shape), part)).toBe(0);
    expect(() => xTrain.reshape([11, -1])).toThrow(/implicit shape/);
    expect(() => xTrain.reshape([11, 5])).toThrow(/shape/);
    expect(isLazy(xTrain)).toBe(true); // an error moves nothing
    tf.dispose([xTrain, part, viaReshape]);
  });

  it('are freed with their last reference, in tidy too', async () => {
    const start = tf.memory().numTensors;
    const { xTrain, yTrain, xTest, yTest } = await loadData('mnist');
    const kept = tf.tidy(() => {
      const [a] = trainTestSplit(xTrain, { testSize: 0.3, randomState: 777 });
      return a.reshape([-1, 784]).div(255);
    });
    expect(tf.memory().numTensors - start).toBe(5);
    tf.dispose([xTrain, yTrain, xTest, yTest, kept]);
    expect(tf.memory().numTensors).toBe(start);
    expect(tf.memory().numBytes).toBeGreaterThanOrEqual(0);
  });
});
