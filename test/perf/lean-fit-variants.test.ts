// The lean trainer's coverage variants against tfjs's own fit (with the fast
// kernels, checked against tfjs's CPU reference in kernels.test.ts), from
// the same initial weights: dense (standardised) inputs, SGD / momentum /
// RMSprop (weights and optimizer state after several steps, and a stock fit
// continuing from the written-back state), sigmoid + binary cross-entropy
// (gradients, loss and binary accuracy), and Dropout (rate 0 is the identity;
// a fixed mask gives tfjs's gradients, computed with tf.grads).
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type * as tfType from '@tensorflow/tfjs';
import { installFastKernels } from '../../src/sandbox/fast/index.ts';
import { lastLeanFitDecision, lastLeanFitDenseInputs, setLeanFitEnabled, setLeanFitRandom } from '../../src/sandbox/fast/lean-fit/lean-fit.ts';
import { randomValues, relativeError, useWasm } from './helpers.ts';

type Tf = typeof tfType;
const GRADIENT_TOLERANCE = 1e-5;
const WEIGHT_TOLERANCE = 1e-4;

describe('lean fit variants', () => {
  let tf: Tf;
  beforeAll(async () => {
    tf = await useWasm();
    expect(installFastKernels(tf).installed).toContain('LeanFit');
  });
  afterEach(() => {
    setLeanFitEnabled(true);
    setLeanFitRandom();
  });

  /** Values in [lo, hi) with about `zeros` of them exactly zero. */
  const inputs = (shape: number[], seed: number, zeros = 0, lo = 0, hi = 1) => {
    const u = randomValues(shape.reduce((a, b) => a * b, 1), seed).map((v) => (v + 1) / 2);
    return tf.tensor(u.map((v) => (v < zeros ? 0 : lo + (hi - lo) * v)), shape);
  };
  const oneHot = (rows: number, classes: number, seed: number) =>
    tf.tidy(() => tf.oneHot(tf.tensor1d(Int32Array.from(randomValues(rows, seed), (v) => Math.floor(((v + 1) / 2) * classes)), 'int32'), classes).toFloat());

  type Layer = tfType.layers.Layer;
  /** A model from layer factories, with weights copied from `weights` when given. */
  function build(layers: () => Layer[], compile: tfType.ModelCompileArgs, weights?: tfType.Tensor[]) {
    const model = tf.sequential({ layers: layers() });
    if (weights) model.setWeights(weights);
    model.compile(compile);
    return model;
  }

  /** The same fit stock then lean from the same weights. */
  async function both(layers: () => Layer[], compile: () => tfType.ModelCompileArgs, fit: (m: tfType.Sequential) => Promise<tfType.History>) {
    const seed = tf.sequential({ layers: layers() });
    const weights = seed.getWeights().map((w) => w.clone());
    const run = async (lean: boolean) => {
      setLeanFitEnabled(lean);
      const model = build(layers, compile(), weights);
      const history = await fit(model);
      return { model, history, decision: lastLeanFitDecision };
    };
    const stock = await run(false);
    const lean = await run(true);
    setLeanFitEnabled(true);
    expect(stock.decision?.lean).toBe(false);
    expect(lean.decision).toEqual({ lean: true });
    return { stock, lean, weights };
  }

  const series = (h: tfType.History, key: string) => h.history[key] as number[];
  const adamGradients = (model: tfType.Sequential) => {
    const adam = model.optimizer as unknown as { accumulatedFirstMoment: { variable: tfType.Variable }[]; beta1: number };
    return adam.accumulatedFirstMoment.map((m) => Array.from(m.variable.dataSync(), (g) => g / (1 - adam.beta1)));
  };
  const expectClose = (a: tfType.Tensor[] | number[][], b: tfType.Tensor[] | number[][], tolerance: number) => {
    expect(a.length).toBe(b.length);
    const values = (t: tfType.Tensor | number[]) => (Array.isArray(t) ? t : t.dataSync());
    a.forEach((t, i) => expect(relativeError(values(t), values(b[i]!))).toBeLessThanOrEqual(tolerance));
  };

  // Seeded initial weights: after several Adam steps the two paths differ by
  // float32 summation order, which Adam turns into larger relative steps where
  // a gradient is near zero; with unseeded weights a draw now and then ended
  // 1.6e-4 apart (1 run in ~16). Seeded, each test compares one fixed start.
  const mlp = (inputsN: number, hidden: number[], out: number, output = 'softmax', dropout?: number) => () => {
    const layers: Layer[] = [];
    const kernelInitializer = (i: number) => tf.initializers.glorotUniform({ seed: 1000 + i });
    hidden.forEach((units, i) => {
      layers.push(tf.layers.dense({ units, activation: i === 1 ? 'linear' : 'relu', kernelInitializer: kernelInitializer(i), ...(i === 0 ? { inputShape: [inputsN] } : {}) }));
      if (dropout !== undefined) layers.push(tf.layers.dropout({ rate: dropout }));
    });
    layers.push(tf.layers.dense({ units: out, activation: output as 'softmax', kernelInitializer: kernelInitializer(hidden.length) }));
    return layers;
  };

  it("dense (standardised) inputs: tfjs's gradients and loss, read dense", async () => {
    // 130 rows: the four-row blocks end with a partial block; 37 inputs: a partial block of inputs.
    for (const [features, hidden] of [[784, [64, 32]], [37, [13, 9]]] as const) {
      const x = inputs([130, features], 21, 0, -2, 2);
      const y = oneHot(130, 10, 22);
      const { stock, lean } = await both(mlp(features, [...hidden], 10), () => ({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['acc'] }), (m) => m.fit(x, y, { epochs: 1, batchSize: 130, shuffle: false }));
      expect(lastLeanFitDenseInputs![0]).toBe(true);
      expect(lastLeanFitDenseInputs![2]).toBe(true); // the linear hidden layer's output has no zeros
      expectClose(adamGradients(lean.model), adamGradients(stock.model), GRADIENT_TOLERANCE);
      expect(relativeError(series(lean.history, 'loss'), series(stock.history, 'loss'))).toBeLessThanOrEqual(1e-5);
      // Several shuffled steps and a validation pass on the dense path.
      const again = await both(mlp(features, [...hidden], 10), () => ({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['acc'] }), (m) => m.fit(x, y, { epochs: 2, batchSize: 32, shuffle: false, validationSplit: 0.2 }));
      expectClose(again.lean.model.getWeights(), again.stock.model.getWeights(), WEIGHT_TOLERANCE);
      expect(relativeError(series(again.lean.history, 'val_loss'), series(again.stock.history, 'val_loss'))).toBeLessThanOrEqual(1e-4);
      tf.dispose([x, y]);
    }
  });

  const optimizers: { name: string; make: () => tfType.Optimizer | string; slots: string[] }[] = [
    { name: "'sgd'", make: () => 'sgd', slots: [] },
    { name: 'sgd(0.1)', make: () => tf.train.sgd(0.1), slots: [] },
    { name: 'momentum(0.05, 0.9)', make: () => tf.train.momentum(0.05, 0.9), slots: ['accumulations'] },
    { name: 'momentum Nesterov', make: () => tf.train.momentum(0.05, 0.9, true), slots: ['accumulations'] },
    { name: "'rmsprop'", make: () => 'rmsprop', slots: ['accumulatedMeanSquares', 'accumulatedMoments'] },
    { name: 'rmsprop(0.01, 0.8, 0.5, 1e-6)', make: () => tf.train.rmsprop(0.01, 0.8, 0.5, 1e-6), slots: ['accumulatedMeanSquares', 'accumulatedMoments'] },
  ];
  for (const o of optimizers) {
    it(`optimizer ${o.name}: tfjs's weights and optimizer state, and a later stock fit continues`, async () => {
      const x = inputs([96, 20], 31, 0.4);
      const y = oneHot(96, 4, 32);
      const fit = (m: tfType.Sequential) => m.fit(x, y, { epochs: 3, batchSize: 16, shuffle: false });
      const { stock, lean } = await both(mlp(20, [12, 6], 4), () => ({ optimizer: o.make(), loss: 'categoricalCrossentropy', metrics: ['acc'] }), fit);
      expectClose(lean.model.getWeights(), stock.model.getWeights(), WEIGHT_TOLERANCE);
      expect(relativeError(series(lean.history, 'loss'), series(stock.history, 'loss'))).toBeLessThanOrEqual(1e-4);
      const state = (m: tfType.Sequential) => o.slots.flatMap((slot) => ((m.optimizer as unknown as Record<string, { originalName: string; variable: tfType.Variable }[]>)[slot] ?? []));
      const names = (m: tfType.Sequential) => state(m).map((e) => e.originalName.split('/').slice(1).join('/'));
      expect(names(lean.model)).toEqual(names(stock.model));
      expect(state(lean.model).length).toBe(o.slots.length * 6);
      expectClose(state(lean.model).map((e) => e.variable), state(stock.model).map((e) => e.variable), WEIGHT_TOLERANCE);
      expect(lean.model.optimizer.iterations).toBe(stock.model.optimizer.iterations);
      // A second fit continues from the written-back state: stock after lean, and lean again.
      setLeanFitEnabled(false);
      await stock.model.fit(x, y, { epochs: 1, batchSize: 16, shuffle: false });
      await lean.model.fit(x, y, { epochs: 1, batchSize: 16, shuffle: false });
      expectClose(lean.model.getWeights(), stock.model.getWeights(), WEIGHT_TOLERANCE);
      setLeanFitEnabled(true);
      await lean.model.fit(x, y, { epochs: 1, batchSize: 16, shuffle: false });
      expect(lastLeanFitDecision).toEqual({ lean: true });
      setLeanFitEnabled(false);
      await stock.model.fit(x, y, { epochs: 1, batchSize: 16, shuffle: false });
      expectClose(lean.model.getWeights(), stock.model.getWeights(), WEIGHT_TOLERANCE);
      tf.dispose([x, y]);
    });
  }

  it("sigmoid + binaryCrossentropy: tfjs's gradients, loss and binary accuracy", async () => {
    for (const units of [1, 5]) {
      const x = inputs([64, 16], 41, 0.3);
      const y = tf.tidy(() => tf.tensor(randomValues(64 * units, 42).map((v) => (v > 0 ? 1 : 0)), [64, units]));
      const layers = mlp(16, [8], units, 'sigmoid');
      const compile = () => ({ optimizer: 'adam', loss: 'binaryCrossentropy', metrics: ['acc'] });
      const one = await both(layers, compile, (m) => m.fit(x, y, { epochs: 1, batchSize: 64, shuffle: false }));
      expectClose(adamGradients(one.lean.model), adamGradients(one.stock.model), GRADIENT_TOLERANCE);
      const several = await both(layers, compile, (m) => m.fit(x, y, { epochs: 3, batchSize: 16, shuffle: false, validationSplit: 0.25 }));
      const h = (r: typeof several.lean) => r.history.history as Record<string, number[]>;
      for (const key of ['loss', 'acc', 'val_loss', 'val_acc']) expect(relativeError(h(several.lean)[key]!, h(several.stock)[key]!), key).toBeLessThanOrEqual(1e-4);
      expect(h(several.lean).acc!.some((a) => (a as number) * 64 * units % 1 !== 0 || units === 1)).toBe(true);
      tf.dispose([x, y]);
    }
  });

  it('Dropout at rate 0 is the identity; a fixed mask gives the gradients tf.grads computes', async () => {
    const x = inputs([40, 24], 51, 0.5);
    const y = oneHot(40, 5, 52);
    const adam = () => ({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['acc'] });
    const zero = await both(mlp(24, [16, 8], 5, 'softmax', 0), adam, (m) => m.fit(x, y, { epochs: 1, batchSize: 40, shuffle: false }));
    expectClose(adamGradients(zero.lean.model), adamGradients(zero.stock.model), GRADIENT_TOLERANCE);

    // Rate 0.3 with a fixed sequence of draws: layer 1's mask (40 × 16), then layer 2's (40 × 8).
    const rate = 0.3;
    const draws = randomValues(40 * 24, 53).map((v) => (v + 1) / 2);
    let next = 0;
    setLeanFitRandom(() => draws[next++]!);
    const model = build(mlp(24, [16, 8], 5, 'softmax', rate), adam());
    const weights = model.getWeights().map((w) => w.clone());
    await model.fit(x, y, { epochs: 1, batchSize: 40, shuffle: false });
    expect(lastLeanFitDecision).toEqual({ lean: true });
    expect(next).toBe(40 * 16 + 40 * 8);
    const keep = Math.fround(1 - rate);
    const mask = (from: number, units: number) => tf.tensor(Array.from(draws.subarray(from, from + 40 * units), (u) => (Math.floor(u + keep) >= 1 ? Math.fround(1 / keep) : 0)), [40, units]);
    const [m1, m2] = [mask(0, 16), mask(40 * 16, 8)];
    const reference = tf.grads((w0, b0, w1, b1, w2, b2) => {
      const h1 = tf.relu(x.matMul(w0!).add(b0!)).mul(m1);
      const h2 = h1.matMul(w1!).add(b1!).mul(m2); // the second hidden layer is linear
      const p = tf.softmax(h2.matMul(w2!).add(b2!));
      return tf.metrics.categoricalCrossentropy(y, p).mean();
    })(weights);
    expectClose(adamGradients(model), reference.map((g) => Array.from(g.dataSync())), GRADIENT_TOLERANCE);
    // Inference is unaffected: evaluate equals a model without Dropout holding the same weights.
    const plain = build(mlp(24, [16, 8], 5), adam(), model.getWeights());
    const evaluate = (m: tfType.Sequential) => (m.evaluate(x, y) as tfType.Scalar[]).map((s) => s.dataSync()[0]!);
    expect(evaluate(model)).toEqual(evaluate(plain));
    tf.dispose([x, y, m1, m2, ...weights, ...reference]);
  });

  it('still declines, and says why', async () => {
    const x = inputs([20, 8], 61, 0.5);
    const y = oneHot(20, 3, 62);
    const cases: [() => Layer[], tfType.ModelCompileArgs, string][] = [
      [() => [tf.layers.dropout({ rate: 0.2, inputShape: [8] }), tf.layers.dense({ units: 3, activation: 'softmax' })], { optimizer: 'adam', loss: 'categoricalCrossentropy' }, 'Dropout not directly after a Dense layer'],
      [() => [tf.layers.dense({ units: 3, activation: 'softmax', inputShape: [8] }), tf.layers.dropout({ rate: 0.2 })], { optimizer: 'adam', loss: 'categoricalCrossentropy' }, 'Dropout after the output layer'],
      [() => [tf.layers.dense({ units: 4, inputShape: [8] }), tf.layers.dropout({ rate: 0.2, noiseShape: [1, 4] }), tf.layers.dense({ units: 3, activation: 'softmax' })], { optimizer: 'adam', loss: 'categoricalCrossentropy' }, 'Dropout with noiseShape'],
      [() => [tf.layers.dense({ units: 3, activation: 'softmax', inputShape: [8] })], { optimizer: 'adam', loss: 'binaryCrossentropy' }, 'output activation softmax with loss binaryCrossentropy'],
      [() => [tf.layers.dense({ units: 3, activation: 'sigmoid', inputShape: [8] })], { optimizer: 'adam', loss: 'meanSquaredError' }, 'loss meanSquaredError'],
      [() => [tf.layers.dense({ units: 3, activation: 'softmax', inputShape: [8] })], { optimizer: 'adamax', loss: 'categoricalCrossentropy' }, 'optimizer Adamax'],
      [() => [tf.layers.dense({ units: 3, activation: 'softmax', inputShape: [8] })], { optimizer: tf.train.rmsprop(0.01, 0.9, 0, 1e-7, true), loss: 'categoricalCrossentropy' }, 'centered RMSprop (tfjs 4.22 computes sqrt(ms − (mg² + ε)), NaN for a zero gradient)'],
    ];
    for (const [layers, compile, reason] of cases) {
      await build(layers, compile).fit(x, y, { epochs: 1 });
      expect(lastLeanFitDecision).toEqual({ lean: false, reason });
    }
    tf.dispose([x, y]);
  });
});
