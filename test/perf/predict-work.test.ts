// The sandbox's predict and evaluate over the 10,000 test rows, counted
// rather than timed: kernel launches (every registered wasm kernel wrapped by
// src/sandbox/fast/kernel-profile.ts) and bytes copied out of wasm memory
// (backend.readSync). With tfjs's default batch size of 32 both are 313
// batches; the counts must stay a small constant per batch and the copies
// must not grow with the input (stock tfjs 4.22 copied the whole input per
// batch: docs/bench.md, "Prediction and evaluation"). Exercise 11's and 12's
// solutions and checks run exactly these calls.
import { beforeAll, describe, expect, it } from 'vitest';
import type * as tfType from '@tensorflow/tfjs';
import { installFastKernels } from '../../src/sandbox/fast/index.ts';
import { profileKernels } from '../../src/sandbox/fast/kernel-profile.ts';
import { countReadBack, testTensor, useWasm } from './helpers.ts';

const ROWS = 10_000;
const BATCHES = Math.ceil(ROWS / 32); // 313

describe('predict and evaluate of 10,000 rows do a bounded amount of work', () => {
  let tf: typeof tfType;
  let readBack: ReturnType<typeof countReadBack>;
  let model: tfType.Sequential;
  let x: tfType.Tensor2D;
  let y: tfType.Tensor2D;

  /** Kernel launches and bytes read back while `run` runs. */
  const work = (run: () => tfType.Tensor | tfType.Tensor[]) => {
    const profiler = profileKernels(tf, 'wasm');
    readBack.reset();
    try {
      const result = run();
      const values = (Array.isArray(result) ? result : [result]).map((t) => t.dataSync());
      tf.dispose(result);
      const calls = profiler.stats().reduce((sum, s) => sum + s.calls, 0);
      return { calls, readBytes: readBack.count(), values };
    } finally {
      profiler.stop();
    }
  };

  beforeAll(async () => {
    tf = await useWasm();
    installFastKernels(tf);
    readBack = countReadBack(tf);
    // The chapter's model (784-64-32-10), compiled as the lessons compile it.
    model = tf.sequential({
      layers: [
        tf.layers.dense({ units: 64, activation: 'relu', inputShape: [784] }),
        tf.layers.dense({ units: 32, activation: 'relu' }),
        tf.layers.dense({ units: 10, activation: 'softmax' }),
      ],
    });
    model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['acc'] });
    x = testTensor([ROWS, 784], 'float32', 5) as tfType.Tensor2D;
    y = tf.oneHot(tf.tensor1d(Array.from({ length: ROWS }, (_, i) => i % 10), 'int32'), 10).toFloat() as tfType.Tensor2D;
  });

  it('model.predict(xTest): at most 16 kernel launches per batch of 32, nothing read back but the answer', () => {
    const { calls, readBytes: bytes, values } = work(() => model.predict(x) as tfType.Tensor);
    expect(values[0]).toHaveLength(ROWS * 10);
    expect(calls).toBeLessThanOrEqual(16 * BATCHES + 16); // 15 per batch measured (4,696)
    // Only the [10000, 10] answer itself (dataSync above); the 31 MB input never.
    expect(bytes).toBe(ROWS * 10 * 4);
  });

  it('model.evaluate(xTest, yTest): at most 48 kernel launches per batch of 32, reading back the scores and its index arrays only', () => {
    const { calls, readBytes: bytes, values } = work(() => model.evaluate(x, y) as tfType.Scalar[]);
    expect(values.map((v) => v.length)).toEqual([1, 1]);
    expect(calls).toBeLessThanOrEqual(48 * BATCHES + 64); // 39 per batch measured (12,209)
    // tfjs-layers reads its int32 batch indices back (8 bytes a row: 80,008
    // bytes measured), never the input's 3,136 bytes a row.
    expect(bytes).toBeLessThanOrEqual(8 * ROWS + 64);
  });

  it('the checks\' batches of 2,048 (reference-data.ts) cost a handful of launches in all', () => {
    expect(work(() => model.predict(x, { batchSize: 2048 }) as tfType.Tensor).calls).toBeLessThanOrEqual(16 * 5 + 16);
    expect(work(() => model.evaluate(x, y, { batchSize: 2048 }) as tfType.Scalar[]).calls).toBeLessThanOrEqual(48 * 5 + 64);
  });
});
