// The fused WASM Adam (src/sandbox/fast/fused-adam.ts) against tfjs's own
// AdamOptimizer: same variables, same gradients, 25 steps, then every value,
// first and second moment and the iteration count must be bit-identical
// (each float32 operation is rounded in the stock order). It also keeps the
// optimizer's public state (getWeights/setWeights) intact.
import { beforeAll, describe, expect, it } from 'vitest';
import type * as tfType from '@tensorflow/tfjs';
import { installFastKernels } from '../../src/sandbox/fast/index.ts';
import { randomValues, useWasm } from './helpers.ts';

const SHAPES = [[784, 64], [64], [32, 10], [10]];
const STEPS = 25;
type Grads = Record<string, tfType.Tensor>;
const apply = (o: tfType.Optimizer, g: Grads) => o.applyGradients(g as unknown as Parameters<tfType.Optimizer['applyGradients']>[0]);

async function train(tf: typeof tfType, optimizer: tfType.AdamOptimizer, prefix: string) {
  const vars = SHAPES.map((shape, i) => tf.tidy(() => tf.variable(tf.tensor(randomValues(shape.reduce((a, b) => a * b, 1), 100 + i), shape), true, `${prefix}${i}`)));
  for (let step = 0; step < STEPS; step++) {
    const grads: Grads = {};
    vars.forEach((v, i) => (grads[v.name] = tf.tidy(() => tf.tensor(randomValues(v.size, 1000 * step + i), v.shape).mul(step % 7 === 3 ? 1e-4 : 0.3))));
    apply(optimizer, grads);
    tf.dispose(Object.values(grads));
  }
  const weights = await optimizer.getWeights();
  const result = {
    values: vars.map((v) => Array.from(v.dataSync())),
    state: weights.map((w) => Array.from(w.tensor.dataSync())),
    iterations: optimizer.iterations,
  };
  weights[0]!.tensor.dispose(); // the iteration-count scalar getWeights made
  tf.dispose(vars);
  return result;
}

describe('fused WASM Adam', () => {
  let tf: typeof tfType;
  let stock: Awaited<ReturnType<typeof train>>;
  beforeAll(async () => {
    tf = await useWasm();
    stock = await train(tf, tf.train.adam(0.01), 'stock');
    installFastKernels(tf);
  });

  it('gives bit-identical values, moments and iteration count', async () => {
    const before = tf.memory().numTensors;
    const fast = await train(tf, tf.train.adam(0.01), 'fast');
    expect(fast.iterations).toBe(STEPS);
    expect(fast.iterations).toBe(stock.iterations);
    fast.values.forEach((v, i) => expect(v).toEqual(stock.values[i]));
    fast.state.forEach((v, i) => expect(v).toEqual(stock.state[i]));
    // The optimizer's own state (accBeta1, accBeta2, two moments per variable) is all that stays.
    expect(tf.memory().numTensors - before).toBe(2 + 2 * SHAPES.length);
  });

  it('falls back to the stock optimizer on another backend', async () => {
    await tf.setBackend('cpu');
    try {
      const onCpu = await train(tf, tf.train.adam(0.01), 'cpu');
      onCpu.values.forEach((v, i) => expect(v).toEqual(stock.values[i]));
    } finally {
      await tf.setBackend('wasm');
    }
  });

  it('restores from getWeights/setWeights and continues identically', async () => {
    const a = tf.train.adam(0.01);
    const v = tf.variable(tf.tensor(randomValues(50, 7), [50]), true, 'resume');
    const g = () => ({ resume: tf.tensor(randomValues(50, 8), [50]) });
    for (let i = 0; i < 3; i++) apply(a, g());
    const b = tf.train.adam(0.01);
    await b.setWeights(await a.getWeights());
    const w = tf.variable(v.clone() as tfType.Tensor, true, 'resume2');
    apply(a, g());
    apply(b, { resume2: g().resume });
    expect(Array.from(w.dataSync())).toEqual(Array.from(v.dataSync()));
  });
});
