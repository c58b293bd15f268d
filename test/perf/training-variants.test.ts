// A short real training run per trainer-coverage variant (MNIST, 6,000
// training and 2,000 validation samples, 2 epochs, chapter-model.ts's
// variants of the chapter's model) with tfjs's own fit loop (fast kernels)
// and with the lean trainer, from the same initial weights: both must train
// (validation accuracy ≥ 0.80; ≥ 0.2 for 'sgd', twice chance: its learning rate of
// 0.01 reaches only 0.3–0.45 in 94 steps) and land in the same band (within 0.02; 0.03
// with Dropout, whose masks differ), and the lean run must have been lean.
import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import type * as tfType from '@tensorflow/tfjs';
import { loadDataset } from '../../src/data/load-dataset.ts';
import { nodeTransport } from '../../src/data/transports/node.ts';
import { toFloat32 } from '../../src/data/to-float.ts';
import { installFastKernels } from '../../src/sandbox/fast/index.ts';
import { lastLeanFitDecision, setLeanFitEnabled } from '../../src/sandbox/fast/lean-fit/lean-fit.ts';
import { chapterModel, standardise, type Variant } from '../../scripts/bench/chapter-model.ts';
import { useWasm } from './helpers.ts';

const TRAIN = 6_000;
const VAL = 2_000;
const VARIANTS: Variant[] = ['dense-inputs', 'sgd', 'rmsprop', 'sigmoid-bce', 'dropout'];

describe('short training runs of the lean trainer variants', () => {
  let tf: typeof tfType;
  let pixels: Float32Array;
  let standardised: Float32Array;
  let y: tfType.Tensor2D, yVal: tfType.Tensor2D;

  beforeAll(async () => {
    tf = await useWasm();
    installFastKernels(tf);
    const raw = await loadDataset('mnist', nodeTransport(path.resolve('public/data')));
    pixels = toFloat32(raw.xTrain.data.subarray(0, (TRAIN + VAL) * 784), { scale: true });
    const [train, val] = [pixels.slice(0, TRAIN * 784), pixels.slice(TRAIN * 784)];
    standardise(train, [val], 784);
    standardised = new Float32Array([...train, ...val]);
    const labels = Int32Array.from(raw.yTrain.data.subarray(0, TRAIN + VAL));
    [y, yVal] = tf.tidy(() => [tf.oneHot(tf.tensor1d(labels.subarray(0, TRAIN), 'int32'), 10).toFloat(), tf.oneHot(tf.tensor1d(labels.subarray(TRAIN), 'int32'), 10).toFloat()]) as tfType.Tensor2D[];
  });

  for (const variant of VARIANTS) {
    it(`${variant}: the lean trainer lands in tfjs's accuracy band`, async () => {
      const data = variant === 'dense-inputs' ? standardised : pixels;
      const x = tf.tensor2d(data.subarray(0, TRAIN * 784), [TRAIN, 784]);
      const xVal = tf.tensor2d(data.subarray(TRAIN * 784), [VAL, 784]);
      const seed = chapterModel(tf, variant);
      const initial = seed.getWeights().map((w) => w.clone());
      seed.dispose();
      const train = async (lean: boolean) => {
        setLeanFitEnabled(lean);
        const model = chapterModel(tf, variant);
        model.setWeights(initial);
        const history = await model.fit(x, y, { epochs: 2, batchSize: 128, shuffle: false, validationData: [xVal, yVal], verbose: 0 });
        const decision = lastLeanFitDecision;
        model.dispose();
        return { valAcc: history.history.val_acc![1] as number, decision };
      };
      const stock = await train(false);
      const lean = await train(true);
      setLeanFitEnabled(true);
      expect(lean.decision).toEqual({ lean: true });
      const floor = variant === 'sgd' ? 0.2 : 0.8;
      expect(stock.valAcc).toBeGreaterThanOrEqual(floor);
      expect(lean.valAcc).toBeGreaterThanOrEqual(floor);
      expect(Math.abs(lean.valAcc - stock.valAcc)).toBeLessThanOrEqual(variant === 'dropout' ? 0.03 : 0.02);
      tf.dispose([x, xVal, ...initial]);
    }, 120_000);
  }
});
