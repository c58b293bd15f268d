// The `course` module and the sandbox's automatic behaviour, through the real
// Node runtime: show payloads (summary totals as Keras prints them), the
// automatic fit-progress stream, tensor printing, friendly tfjs errors, NaN
// loss, leak counting and saveModel in Node.
import { describe, expect, it } from 'vitest';
import { runInNode } from '../../src/sandbox/node/run.ts';
import type { RunReport } from '../../src/contract/protocol.ts';
import type { FitProgressPayload, ShowPayload } from '../../src/contract/show.ts';

let n = 0;
function run(code: string): Promise<RunReport> {
  return runInNode({ runId: `course-${n++}`, code, locale: 'en', dataBase: 'public/data' }, { timeoutMs: 240_000 });
}
const lines = (...l: string[]) => l.join('\n');
const ofKind = <K extends ShowPayload['kind']>(r: RunReport, kind: K) => r.shows.filter((s): s is Extract<ShowPayload, { kind: K }> => s.kind === kind);

const MODEL = [
  "import * as tf from '@tensorflow/tfjs';",
  "import { show, saveModel } from 'course';",
  'const model = tf.sequential();',
  'model.add(tf.layers.flatten({ inputShape: [28, 28] }));',
  "model.add(tf.layers.dense({ units: 128, activation: 'relu' }));",
  "model.add(tf.layers.dense({ units: 10, activation: 'softmax' }));",
];

describe('course functions inside the sandbox', () => {
  it('show.summary gives the Keras rows and 101,770 parameters for 784-128-10', { timeout: 300_000 }, async () => {
    const r = await run(lines(...MODEL, 'show.summary(model);', 'show.modelGraph(model);'));
    expect(r.error).toBeUndefined();
    const [summary] = ofKind(r, 'model-summary');
    expect(summary.totalParams).toBe(101_770);
    expect(summary.trainableParams).toBe(101_770);
    expect(summary.nonTrainableParams).toBe(0);
    expect(summary.layers.map((l) => [l.className, l.outputShape, l.params])).toEqual([
      ['Flatten', [null, 784], 0],
      ['Dense', [null, 128], 100_480],
      ['Dense', [null, 10], 1_290],
    ]);
    expect(summary.layers[1].inbound).toEqual([summary.layers[0].name]);
    expect(ofKind(r, 'model-graph')[0].layers).toHaveLength(3);
  });

  it('every fit streams begin/epoch/end progress on its own; explicit fitCallbacks do not double it', { timeout: 300_000 }, async () => {
    const r = await run(
      lines(
        ...MODEL,
        "model.compile({ optimizer: 'adam', loss: 'sparseCategoricalCrossentropy', metrics: ['acc'] });",
        'const x = tf.randomUniform([64, 28, 28]);',
        "const y = tf.randomUniform([64], 0, 10, 'int32').cast('float32');",
        'const h1 = await model.fit(x, y, { epochs: 2, batchSize: 16 });',
        "await model.fit(x, y, { epochs: 1, batchSize: 32, callbacks: [show.fitCallbacks({ title: 'explicit' })] });",
        "show.history(h1, { title: 'one' });",
        "show.compare([{ label: 'a', history: h1 }, { label: 'b', history: h1.history }]);",
      ),
    );
    expect(r.error).toBeUndefined();
    const progress = ofKind(r, 'fit-progress') as FitProgressPayload[];
    const fitIds = [...new Set(progress.map((p) => p.fitId))];
    expect(fitIds).toHaveLength(2);
    const first = progress.filter((p) => p.fitId === fitIds[0]);
    expect(first[0]).toMatchObject({ phase: 'begin', epochs: 2, batches: 4 });
    expect(first.filter((p) => p.phase === 'epoch').map((p) => p.epoch)).toEqual([0, 1]);
    expect(first.at(-1)?.phase).toBe('end');
    expect(first.find((p) => p.phase === 'epoch')?.logs).toHaveProperty('acc');
    const second = progress.filter((p) => p.fitId === fitIds[1]);
    expect(second.filter((p) => p.phase === 'begin')).toHaveLength(1);
    expect(second[0].title).toBe('explicit');
    const [history] = ofKind(r, 'history');
    expect(Object.keys(history.series).sort()).toEqual(['acc', 'loss']);
    expect(history.series.loss).toHaveLength(2);
    expect(ofKind(r, 'history-compare')[0].runs.map((run) => run.label)).toEqual(['a', 'b']);
  });

  it('sends a fast fit\'s epochs in bunches, at most every 50 ms, losing none', { timeout: 300_000 }, async () => {
    const r = await run(
      lines(
        "import * as tf from '@tensorflow/tfjs';",
        "const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [8], units: 4, activation: 'softmax' })] });",
        "model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['acc'] });",
        'const x = tf.randomNormal([256, 8]);',
        "const y = tf.oneHot(tf.randomUniform([256], 0, 4, 'int32'), 4);",
        'await model.fit(x, y, { epochs: 300, batchSize: 32, validationSplit: 0.2 });',
      ),
    );
    expect(r.error).toBeUndefined();
    const epochEvents = (ofKind(r, 'fit-progress') as FitProgressPayload[]).filter((p) => p.phase === 'epoch');
    const epochs = epochEvents.flatMap((p) => [...(p.earlier ?? []), { epoch: p.epoch, logs: p.logs }]);
    expect(epochs.map((e) => e.epoch)).toEqual(Array.from({ length: 300 }, (_, i) => i));
    expect(epochs.every((e) => typeof e.logs?.val_acc === 'number')).toBe(true);
    expect(epochEvents.length).toBeLessThan(300);
  });

  it('builds images, confusion matrix (with cell images), probabilities, histogram and cross-entropy payloads', { timeout: 300_000 }, async () => {
    const r = await run(
      lines(
        "import * as tf from '@tensorflow/tfjs';",
        "import { show } from 'course';",
        'const x = tf.ones([5, 784]).mul(0.5);',
        'show.images(x, { labels: [1, 2, 3, 4, 5], count: 3 });',
        'show.confusionMatrix([0, 1, 1, 2], tf.tensor2d([[0.9, 0.1, 0], [0.2, 0.8, 0], [0.1, 0.1, 0.8], [0, 0, 1]]), { classNames: ["a", "b", "c"], images: tf.zeros([4, 28, 28]) });',
        'show.probabilities(tf.tensor1d([0.1, 0.7, 0.2]), { labels: ["a", "b", "c"], trueIndex: 1 });',
        'show.histogram({ low: [0, 0, 1], high: [9, 10, 10] }, { bins: 5 });',
        'show.crossEntropy({ losses: [0.1, 2.3] });',
      ),
    );
    expect(r.error).toBeUndefined();
    const [images] = ofKind(r, 'images');
    expect(images).toMatchObject({ width: 28, height: 28, labels: [1, 2, 3] });
    expect(images.pixels).toHaveLength(3);
    expect(images.pixels[0][0]).toBe(128);
    const [cm] = ofKind(r, 'confusion-matrix');
    expect(cm.matrix).toEqual([[1, 0, 0], [0, 1, 1], [0, 0, 1]]);
    expect(Object.keys(cm.cellImages ?? {}).sort()).toEqual(['0,0', '1,1', '1,2', '2,2']);
    expect(ofKind(r, 'probabilities')[0]).toMatchObject({ labels: ['a', 'b', 'c'], trueIndex: 1 });
    const [hist] = ofKind(r, 'histogram');
    expect(hist.series.map((s) => s.bins.reduce((a, b) => a + b.count, 0))).toEqual([3, 3]);
    expect(hist.series[0].bins).toHaveLength(5);
    expect(ofKind(r, 'cross-entropy')[0].losses).toEqual([0.1, 2.3]);
    // The five tensors the program made and kept; show.* itself leaks nothing.
    expect(r.leakedTensors).toBe(5);
  });

  it('prints tensors with shape, dtype and an abbreviated view', { timeout: 120_000 }, async () => {
    const r = await run(lines("import * as tf from '@tensorflow/tfjs';", 'const t = tf.tidy(() => tf.range(0, 48).reshape([6, 8]));', 'console.log(t);', 'console.table([{ a: 1, b: 2 }]);', 't.dispose();'));
    expect(r.console[0]).toBe('Tensor shape=[6,8] dtype=float32\n[[0, 1, 2, …, 7],\n [8, 9, 10, …, 15],\n …,\n [40, 41, 42, …, 47]]');
    expect(r.console[1]).toContain('│');
    expect(r.leakedTensors).toBe(0);
  });

  it('counts undisposed tensors, not exported ones or model weights', { timeout: 120_000 }, async () => {
    const r = await run(lines(...MODEL, 'for (let i = 0; i < 7; i++) tf.ones([3]).add(1);', 'export const kept = tf.zeros([2]);', 'export { model };'));
    expect(r.error).toBeUndefined();
    expect(r.leakedTensors).toBe(14);
  });

  it('explains feeding [n, 28, 28] images to an inputShape [784] model', { timeout: 120_000 }, async () => {
    const r = await run(
      lines(
        "import * as tf from '@tensorflow/tfjs';",
        "const model = tf.sequential({ layers: [tf.layers.dense({ units: 10, inputShape: [784], activation: 'softmax' })] });",
        "model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy' });",
        'await model.fit(tf.zeros([8, 28, 28]), tf.oneHot(tf.zeros([8], "int32"), 10));',
      ),
    );
    expect(r.error).toMatchObject({ kind: 'runtime', line: 4 });
    expect(r.error?.explanation?.en).toContain('reshape');
    expect(r.error?.explanation?.ko).toBeTruthy();
  });

  it('explains integer labels given to categoricalCrossentropy', { timeout: 120_000 }, async () => {
    const r = await run(
      lines(
        "import * as tf from '@tensorflow/tfjs';",
        "const model = tf.sequential({ layers: [tf.layers.dense({ units: 10, inputShape: [4], activation: 'softmax' })] });",
        "model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy' });",
        'await model.fit(tf.zeros([8, 4]), tf.zeros([8, 1]));',
      ),
    );
    expect(r.error?.explanation?.en).toContain('toCategorical');
  });

  it('warns once when the loss becomes NaN', { timeout: 120_000 }, async () => {
    const r = await run(
      lines(
        "import * as tf from '@tensorflow/tfjs';",
        "const model = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [2], activation: 'softmax' })] });",
        "model.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });",
        'await model.fit(tf.tensor2d([[0, 1], [1, 2]]), tf.tensor2d([[NaN, 0], [0, 1]]), { epochs: 3 });',
      ),
    );
    expect(r.error).toBeUndefined();
    expect(r.console.filter((c) => c.includes('NaN'))).toHaveLength(1);
  });

  it('records saveModel in Node without writing', { timeout: 120_000 }, async () => {
    const r = await run(lines(...MODEL, "const saved = await saveModel(model, 'mlp');", 'console.log(saved.url, saved.saved);'));
    expect(r.error).toBeUndefined();
    expect(r.console).toEqual(['indexeddb://mnist-course/mlp false']);
  });
});
