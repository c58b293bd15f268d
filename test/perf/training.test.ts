// A short real training run (MNIST, 10,000 training and 3,000 validation
// samples, 2 epochs, the chapter's model and model.fit) with the stock wasm
// kernels, then with installFastKernels' kernels alone, then with its lean
// trainer, from the same initial weights: validation accuracy must land in
// the same band (all ≥ 0.88, within 0.02 of stock), the loss curves must
// agree closely, and neither epochs nor runs may grow the tensor count.
import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import type * as tfType from '@tensorflow/tfjs';
import { loadDataset } from '../../src/data/load-dataset.ts';
import { nodeTransport } from '../../src/data/transports/node.ts';
import { toFloat32 } from '../../src/data/to-float.ts';
import { installFastKernels } from '../../src/sandbox/fast/index.ts';
import { lastLeanFitDecision, setLeanFitEnabled } from '../../src/sandbox/fast/lean-fit/lean-fit.ts';
import { useWasm } from './helpers.ts';

const TRAIN = 10_000;
const VAL = 3_000;

describe('training with the fast WASM path', () => {
  let tf: typeof tfType;
  let x: tfType.Tensor2D, y: tfType.Tensor2D, xVal: tfType.Tensor2D, yVal: tfType.Tensor2D;
  let initial: tfType.Tensor[];

  const build = () => {
    const model = tf.sequential({
      layers: [
        tf.layers.dense({ units: 64, activation: 'relu', inputShape: [784] }),
        tf.layers.dense({ units: 32, activation: 'relu' }),
        tf.layers.dense({ units: 10, activation: 'softmax' }),
      ],
    });
    model.setWeights(initial);
    model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['acc'] });
    return model;
  };
  const train = async () => {
    const model = build();
    const counts: number[] = [];
    const history = await model.fit(x, y, {
      epochs: 2,
      batchSize: 128,
      shuffle: false,
      validationData: [xVal, yVal],
      verbose: 0,
      callbacks: { onEpochEnd: () => void counts.push(tf.memory().numTensors) },
    });
    model.dispose();
    return { history: history.history as Record<string, number[]>, counts };
  };

  beforeAll(async () => {
    tf = await useWasm();
    const raw = await loadDataset('mnist', nodeTransport(path.resolve('public/data')));
    const pixels = toFloat32(raw.xTrain.data.subarray(0, (TRAIN + VAL) * 784), { scale: true });
    const labels = Int32Array.from(raw.yTrain.data.subarray(0, TRAIN + VAL));
    [x, xVal] = [tf.tensor2d(pixels.subarray(0, TRAIN * 784), [TRAIN, 784]), tf.tensor2d(pixels.subarray(TRAIN * 784), [VAL, 784])];
    [y, yVal] = tf.tidy(() => [tf.oneHot(tf.tensor1d(labels.subarray(0, TRAIN), 'int32'), 10), tf.oneHot(tf.tensor1d(labels.subarray(TRAIN), 'int32'), 10)]) as tfType.Tensor2D[];
    const seedModel = tf.sequential({ layers: [tf.layers.dense({ units: 64, activation: 'relu', inputShape: [784] }), tf.layers.dense({ units: 32, activation: 'relu' }), tf.layers.dense({ units: 10, activation: 'softmax' })] });
    initial = seedModel.getWeights().map((w) => w.clone());
    seedModel.dispose();
  });

  it('reaches the same accuracy band as stock, with a steady tensor count', async () => {
    const stock = await train();
    expect(installFastKernels(tf).installed).toContain('BatchMatMul');
    const before = tf.memory().numTensors;
    setLeanFitEnabled(false);
    const kernelsOnly = await train();
    setLeanFitEnabled(true);
    const lean = await train();
    expect(lastLeanFitDecision).toEqual({ lean: true });
    const leanAgain = await train();
    for (const run of [stock, kernelsOnly, lean, leanAgain]) {
      expect(run.history.val_acc![1]).toBeGreaterThanOrEqual(0.88);
      expect(run.counts[1]).toBe(run.counts[0]); // no growth across epochs
    }
    for (const run of [kernelsOnly, lean]) {
      expect(Math.abs(run.history.val_acc![1]! - stock.history.val_acc![1]!)).toBeLessThanOrEqual(0.02);
      // Same data order and initial weights: only float32 rounding differs.
      run.history.loss!.forEach((loss, i) => expect(Math.abs(loss - stock.history.loss![i]!)).toBeLessThanOrEqual(0.01));
    }
    expect(leanAgain.history.loss).toEqual(lean.history.loss); // deterministic
    expect(tf.memory().numTensors).toBe(before); // no growth across runs
  });
});
