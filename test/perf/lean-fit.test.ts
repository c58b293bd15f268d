// The lean trainer (src/sandbox/fast/lean-fit) against tfjs's own fit (with
// the fast kernels, themselves checked against tfjs's CPU reference in
// kernels.test.ts), from the same initial weights on deterministic inputs:
// gradients (read from Adam's first moment after one full-batch step, m =
// (1 − β1)·g) within 1e-5 × max |g|; the same callback events, log keys,
// params and history; EarlyStopping and stopTraining; the model and the
// optimizer left as a stock fit leaves them; unsupported models fall back
// and say why; no tensor or wasm-heap growth.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type * as tfType from '@tensorflow/tfjs';
import { installFastKernels } from '../../src/sandbox/fast/index.ts';
import { lastLeanFitDecision, setLeanFitEnabled } from '../../src/sandbox/fast/lean-fit/lean-fit.ts';
import { randomValues, relativeError, useWasm } from './helpers.ts';

const GRADIENT_TOLERANCE = 1e-5;
type Tf = typeof tfType;
type LayerSpec = { units: number; activation: 'relu' | 'linear' | 'softmax' };

/** Inputs in [0, 1) with about `zeros` of them exactly zero, like scaled MNIST pixels. */
function inputs(tf: Tf, shape: number[], seed: number, zeros: number): tfType.Tensor {
  const values = randomValues(shape.reduce((a, b) => a * b, 1), seed).map((v) => ((v + 1) / 2 < zeros ? 0 : (v + 1) / 2));
  return tf.tensor(values, shape);
}

function oneHot(tf: Tf, rows: number, classes: number, seed: number): tfType.Tensor {
  const labels = Int32Array.from(randomValues(rows, seed), (v) => Math.floor(((v + 1) / 2) * classes));
  return tf.tidy(() => tf.oneHot(tf.tensor1d(labels, 'int32'), classes).toFloat());
}

describe('lean fit', () => {
  let tf: Tf;
  beforeAll(async () => {
    tf = await useWasm();
    expect(installFastKernels(tf).installed).toContain('LeanFit');
  });
  afterEach(() => setLeanFitEnabled(true));

  const seeds = new Map<string, tfType.Tensor[]>();
  function build(inputShape: number[], layers: LayerSpec[], opts: { flatten?: boolean; optimizer?: tfType.Optimizer | string; metrics?: string[] } = {}) {
    const model = tf.sequential();
    if (opts.flatten) model.add(tf.layers.flatten({ inputShape }));
    layers.forEach((l, i) => model.add(tf.layers.dense({ ...l, ...(i === 0 && !opts.flatten ? { inputShape } : {}) })));
    const key = JSON.stringify([inputShape, layers, !!opts.flatten]);
    if (!seeds.has(key)) seeds.set(key, model.getWeights().map((w) => w.clone()));
    model.setWeights(seeds.get(key)!);
    model.compile({ optimizer: opts.optimizer ?? 'adam', loss: 'categoricalCrossentropy', metrics: opts.metrics ?? ['acc'] });
    return model;
  }

  /** The same fit twice, stock then lean, each on a freshly built model with the same weights. */
  async function both(make: () => tfType.Sequential, fit: (model: tfType.Sequential) => Promise<unknown>) {
    const run = async (lean: boolean) => {
      setLeanFitEnabled(lean);
      const model = make();
      const result = await fit(model);
      const decision = lastLeanFitDecision;
      return { model, result, decision };
    };
    const stock = await run(false);
    const lean = await run(true);
    expect(stock.decision?.lean).toBe(false);
    expect(lean.decision).toEqual({ lean: true });
    return { stock, lean };
  }

  /** Adam's first moments after one step, divided by (1 − β1): the gradients. */
  const gradients = (model: tfType.Sequential) => {
    const adam = model.optimizer as unknown as { accumulatedFirstMoment: { variable: tfType.Variable }[]; beta1: number };
    return adam.accumulatedFirstMoment.map((m) => Array.from(m.variable.dataSync(), (g) => g / (1 - adam.beta1)));
  };

  const cases: { name: string; inputShape: number[]; layers: LayerSpec[]; flatten?: boolean; rows: number; zeros: number; intTargets?: boolean }[] = [
    { name: "the chapter's model on sparse inputs", inputShape: [784], layers: [{ units: 64, activation: 'relu' }, { units: 32, activation: 'relu' }, { units: 10, activation: 'softmax' }], rows: 100, zeros: 0.8 },
    { name: 'Flatten, odd widths, a linear hidden layer, dense inputs', inputShape: [6, 7], flatten: true, layers: [{ units: 37, activation: 'relu' }, { units: 7, activation: 'linear' }, { units: 5, activation: 'softmax' }], rows: 43, zeros: 0 },
    { name: 'one softmax layer, int32 targets (tf.oneHot)', inputShape: [9], layers: [{ units: 3, activation: 'softmax' }], rows: 10, zeros: 0.3, intTargets: true },
  ];
  for (const c of cases) {
    it(`computes tfjs's gradients and loss: ${c.name}`, async () => {
      const x = inputs(tf, [c.rows, ...c.inputShape], 7, c.zeros);
      const classes = c.layers[c.layers.length - 1]!.units;
      const y = c.intTargets ? tf.tidy(() => oneHot(tf, c.rows, classes, 8).toInt()) : oneHot(tf, c.rows, classes, 8);
      const { stock, lean } = await both(
        () => build(c.inputShape, c.layers, { flatten: c.flatten }),
        (model) => model.fit(x, y, { epochs: 1, batchSize: c.rows, shuffle: false }),
      );
      const g0 = gradients(stock.model);
      const g1 = gradients(lean.model);
      expect(g1.length).toBe(c.layers.length * 2);
      g1.forEach((g, i) => expect(relativeError(g, g0[i]!)).toBeLessThanOrEqual(GRADIENT_TOLERANCE));
      const loss = (r: unknown) => (r as tfType.History).history.loss![0] as number;
      expect(Math.abs(loss(lean.result) - loss(stock.result))).toBeLessThanOrEqual(1e-5 * loss(stock.result));
      tf.dispose([x, y]);
      stock.model.dispose();
      lean.model.dispose();
    });
  }

  it('drives callbacks exactly as tfjs does: events, logs, params, history', async () => {
    const x = inputs(tf, [64, 12], 3, 0.5);
    const y = oneHot(tf, 64, 4, 4);
    const record = async (model: tfType.Sequential) => {
      const events: string[] = [];
      const values: number[] = [];
      let params: unknown;
      const log = (name: string) => (index: number | tfType.Logs | undefined, logs?: tfType.Logs) => {
        const l = (typeof index === 'object' ? index : logs) ?? {};
        events.push(`${name}:${typeof index === 'number' ? index : ''}:${Object.keys(l).join(',')}`);
        values.push(...Object.values(l).filter((v): v is number => typeof v === 'number'));
      };
      class Recorder extends tf.Callback {
        override async onTrainBegin() {
          params = this.params;
        }
      }
      const history = await model.fit(x, y, {
        epochs: 3,
        batchSize: 10,
        shuffle: false,
        validationSplit: 0.25,
        callbacks: [
          new Recorder(),
          new tf.CustomCallback({ onTrainBegin: log('trainBegin'), onEpochBegin: log('epochBegin'), onBatchBegin: log('batchBegin'), onBatchEnd: log('batchEnd'), onEpochEnd: log('epochEnd'), onTrainEnd: log('trainEnd') }),
        ],
      });
      return { events, values, params, history: history.history, epoch: history.epoch };
    };
    const { stock, lean } = await both(() => build([12], [{ units: 8, activation: 'relu' }, { units: 4, activation: 'softmax' }]), record);
    const s = stock.result as Awaited<ReturnType<typeof record>>;
    const l = lean.result as Awaited<ReturnType<typeof record>>;
    expect(l.events).toEqual(s.events);
    expect(l.events).toContain('epochEnd:2:val_loss,val_acc,loss,acc');
    expect(l.params).toEqual(s.params);
    expect(l.epoch).toEqual(s.epoch);
    expect(Object.keys(l.history)).toEqual(Object.keys(s.history));
    expect(relativeError(l.values, s.values)).toBeLessThanOrEqual(1e-5);
    tf.dispose([x, y]);
  });

  it('stops where tfjs stops: EarlyStopping and stopTraining', async () => {
    const x = inputs(tf, [80, 20], 5, 0.6);
    const y = oneHot(tf, 80, 3, 6);
    const early = await both(
      () => build([20], [{ units: 6, activation: 'relu' }, { units: 3, activation: 'softmax' }]),
      (model) => model.fit(x, y, { epochs: 20, batchSize: 16, shuffle: false, validationData: [x, y], callbacks: [tf.callbacks.earlyStopping({ monitor: 'val_loss', minDelta: 10, patience: 1 })] }),
    );
    const epochs = (r: unknown) => (r as tfType.History).epoch;
    expect(epochs(early.lean.result)).toEqual(epochs(early.stock.result));
    expect(epochs(early.lean.result).length).toBeLessThan(20);

    const batchesSeen: number[] = [];
    const stopped = await both(
      () => build([20], [{ units: 6, activation: 'relu' }, { units: 3, activation: 'softmax' }]),
      (model) =>
        model.fit(x, y, {
          epochs: 5,
          batchSize: 16,
          callbacks: {
            onBatchEnd: async (batch) => {
              batchesSeen.push(batch);
              if (batch === 2) model.stopTraining = true;
            },
          },
        }),
    );
    expect(epochs(stopped.lean.result)).toEqual([0]);
    expect(batchesSeen).toEqual([0, 1, 2, 0, 1, 2]);
    tf.dispose([x, y]);
  });

  it('leaves the model and the optimizer as a stock fit does', async () => {
    const x = inputs(tf, [200, 30], 9, 0.7);
    const y = oneHot(tf, 200, 5, 10);
    const make = () => build([30], [{ units: 16, activation: 'relu' }, { units: 5, activation: 'softmax' }]);
    const { stock, lean } = await both(make, (model) => model.fit(x, y, { epochs: 2, batchSize: 32, shuffle: false }));
    const optimizer = (m: tfType.Sequential) => m.optimizer as unknown as { iterations: number; accBeta1: tfType.Variable; accBeta2: tfType.Variable };
    expect(optimizer(lean.model).iterations).toBe(optimizer(stock.model).iterations);
    expect(optimizer(lean.model).iterations).toBe(14);
    expect(relativeError(optimizer(lean.model).accBeta1.dataSync(), optimizer(stock.model).accBeta1.dataSync())).toBe(0);
    expect(relativeError(optimizer(lean.model).accBeta2.dataSync(), optimizer(stock.model).accBeta2.dataSync())).toBe(0);
    // Weights are where tfjs puts them (Adam steps ~1e-3: a tolerance well below one step).
    lean.model.getWeights().forEach((w, i) => expect(relativeError(w.dataSync(), stock.model.getWeights()[i]!.dataSync())).toBeLessThanOrEqual(1e-4));
    // predict and evaluate read the written-back weights; a later fit continues from the same state.
    const evaluated = (m: tfType.Sequential) => (m.evaluate(x, y) as tfType.Scalar[]).map((s) => s.dataSync()[0]!);
    expect(relativeError(evaluated(lean.model), evaluated(stock.model))).toBeLessThanOrEqual(1e-4);
    setLeanFitEnabled(false);
    await stock.model.fit(x, y, { epochs: 1, batchSize: 32, shuffle: false });
    await lean.model.fit(x, y, { epochs: 1, batchSize: 32, shuffle: false });
    expect(optimizer(lean.model).iterations).toBe(21);
    lean.model.getWeights().forEach((w, i) => expect(relativeError(w.dataSync(), stock.model.getWeights()[i]!.dataSync())).toBeLessThanOrEqual(1e-4));
    tf.dispose([x, y]);
  });

  it('takes the stock fit, and says why, for what it does not implement', async () => {
    const x = inputs(tf, [20, 8], 11, 0.5);
    const y = oneHot(tf, 20, 3, 12);
    const seeded = tf.sequential({ layers: [tf.layers.dense({ units: 4, activation: 'relu', inputShape: [8] }), tf.layers.dropout({ rate: 0.5, seed: 1 }), tf.layers.dense({ units: 3, activation: 'softmax' })] });
    seeded.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy' });
    await seeded.fit(x, y, { epochs: 1 });
    expect(lastLeanFitDecision).toEqual({ lean: false, reason: "Dropout with a seed (tfjs's seeded masks cannot be reproduced)" });
    const normalized = tf.sequential({ layers: [tf.layers.dense({ units: 4, activation: 'relu', inputShape: [8] }), tf.layers.batchNormalization(), tf.layers.dense({ units: 3, activation: 'softmax' })] });
    normalized.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy' });
    await normalized.fit(x, y, { epochs: 1 });
    expect(lastLeanFitDecision).toEqual({ lean: false, reason: 'layer BatchNormalization' });
    const adagrad = build([8], [{ units: 3, activation: 'softmax' }], { optimizer: 'adagrad' });
    await adagrad.fit(x, y, { epochs: 1 });
    expect(lastLeanFitDecision?.reason).toBe('optimizer Adagrad');
    const weighted = build([8], [{ units: 3, activation: 'softmax' }]);
    await weighted.fit(x, y, { epochs: 1, classWeight: { 0: 2, 1: 1, 2: 1 } });
    expect(lastLeanFitDecision?.reason).toBe('fit option classWeight');
    const sigmoid = tf.sequential({ layers: [tf.layers.dense({ units: 3, activation: 'sigmoid', inputShape: [8] })] });
    sigmoid.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy' });
    await sigmoid.fit(x, y, { epochs: 1 });
    expect(lastLeanFitDecision?.reason).toBe('output activation sigmoid with loss categoricalCrossentropy');
    // A shape tfjs rejects still gets tfjs's own message.
    const wrong = build([8], [{ units: 3, activation: 'softmax' }]);
    await expect(wrong.fit(x, oneHot(tf, 20, 4, 13), { epochs: 1 })).rejects.toThrow(/target expected a batch of elements where each example has shape \[3\]/);
    tf.dispose([x, y]);
  });

  it('grows neither the tensor count nor the wasm heap across fits', async () => {
    const x = inputs(tf, [512, 784], 14, 0.8);
    const y = oneHot(tf, 512, 10, 15);
    const heapBytes = () => (tf.backend() as unknown as { wasm: { HEAPU8: Uint8Array } }).wasm.HEAPU8.buffer.byteLength;
    const model = build([784], [{ units: 64, activation: 'relu' }, { units: 10, activation: 'softmax' }]);
    await model.fit(x, y, { epochs: 1, batchSize: 128 });
    const [tensors, heap] = [tf.memory().numTensors, heapBytes()];
    for (let i = 0; i < 5; i++) await model.fit(x, y, { epochs: 2, batchSize: 128, validationSplit: 0.2 });
    expect(lastLeanFitDecision).toEqual({ lean: true });
    expect(tf.memory().numTensors).toBe(tensors);
    expect(heapBytes()).toBe(heap);
    tf.dispose([x, y]);
    model.dispose();
  });
});
