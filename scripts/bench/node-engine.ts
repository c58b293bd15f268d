// One bench engine in its own Node process (so memory and the kernel registry
// are its own): trains the chapter's MLP on MNIST (trainTestSplit, randomState
// 777, testSize 0.3 → 42,000 train / 18,000 validation) with model.fit, one
// epoch per fit call so each epoch is timed alone, then profiles one more
// epoch per kernel. Prints one JSON line (prefixed BENCH_RESULT) on stdout.
// --lean-fit 0: the fast kernels without the lean trainer (model.fit as
// stock tfjs runs it), to compare the two.
// --data book (default): the book's step-by-step flow as lessons 3–5 write
// it (loadData → trainTestSplit → reshape → / 255, test set too, nothing
// disposed). --data lean: the same split through loadData's memory-lean
// option (validation + scale + flatten: split on the uint8 bytes, each part
// converted once into its tensor). --data split: the bench's older program
// (the pixels / 255 as one float32 tensor, then trainTestSplit, inputs disposed).
// --variant NAME: one of chapter-model.ts's trainer-coverage variants
// (dense-inputs, sgd, rmsprop, sigmoid-bce, dropout) instead of the chapter's model.
//   node scripts/bench/node-engine.ts --backend wasm|cpu --fast 0|1 [--lean-fit 0|1] --epochs N [--profile 0|1] [--subset N] [--data book|lean|split] [--variant NAME]
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDataset } from '../../src/data/load-dataset.ts';
import { nodeTransport } from '../../src/data/transports/node.ts';
import { toFloat32 } from '../../src/data/to-float.ts';
import { trainTestSplit } from '../../src/course/split.ts';
import { toCategorical } from '../../src/course/categorical.ts';
import { loadData } from '../../src/course/load-data.ts';
import { setRunContext } from '../../src/course/context.ts';
import { chapterModel, standardise, VARIANTS, type Variant } from './chapter-model.ts';
import { installFastKernels } from '../../src/sandbox/fast/index.ts';
import { profileKernels } from '../../src/sandbox/fast/kernel-profile.ts';
import { lastLeanFitDecision, lastLeanFitDenseInputs } from '../../src/sandbox/fast/lean-fit/lean-fit.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const backendName = arg('backend', 'wasm');
const fast = arg('fast', '1') === '1';
const leanFit = fast && arg('lean-fit', '1') === '1';
const epochs = Number(arg('epochs', '5'));
const profile = arg('profile', '1') === '1';
const subset = Number(arg('subset', '0'));
const dataMode = arg('data', 'book');
if (!['book', 'lean', 'split'].includes(dataMode)) throw new Error(`--data ${dataMode}: use book, lean or split`);
const lean = dataMode === 'lean';
const variant = arg('variant', 'chapter') as Variant;
if (!VARIANTS.includes(variant)) throw new Error(`--variant: one of ${VARIANTS.join(', ')}`);

let peakRss = 0;
const sampleMemory = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};
const sampler = setInterval(sampleMemory, 50);

await tf.setBackend(backendName);
await tf.ready();
const fastKernels = fast ? installFastKernels(tf, { leanFit }).installed : [];

// Live tensor bytes and wasm heap size after each step of the data prep.
const heapNow = () => (backendName === 'wasm' ? (tf.backend() as unknown as { wasm: { HEAPU8: Uint8Array } }).wasm.HEAPU8.buffer.byteLength : 0);
const memorySteps: { step: string; tensorBytes: number; wasmHeapBytes: number }[] = [];
const step = (name: string) => memorySteps.push({ step: name, tensorBytes: tf.memory().numBytes, wasmHeapBytes: heapNow() });
step('start');
let xTrain: tf.Tensor;
let xVal: tf.Tensor;
let yTrainIdx: tf.Tensor;
let yValIdx: tf.Tensor;
let loadMs: number;
let convertMs = 0;
const kept: tf.Tensor[] = []; // the book's flow: what the learner's program still holds
const useRunContext = () =>
  setRunContext({
    runId: 'bench',
    locale: 'en',
    environment: 'node',
    emit: () => {},
    transport: nodeTransport(path.join(root, 'public/data')),
    dataProgress: () => {},
    dataTensors: new Set(),
    savedModels: [],
    nextFitId: () => 1,
  });
if (lean) {
  useRunContext();
  const t0 = performance.now();
  // The test set stays alive, as in a learner's program that evaluates on it.
  const data = await loadData('mnist', { validation: { testSize: 0.3, randomState: 777 }, scale: true, flatten: true });
  loadMs = performance.now() - t0; // read + gunzip + validate + split + convert
  ({ xTrain, xVal, yTrain: yTrainIdx, yVal: yValIdx } = data);
  step('loadData lean (split + /255 + flatten, test set too)');
} else if (dataMode === 'book') {
  // Lessons 3–5 as the learner writes them; every tensor stays alive.
  useRunContext();
  const t0 = performance.now();
  const mnist = await loadData('mnist');
  loadMs = performance.now() - t0;
  step('loadData (train + test, float32 0–255)');
  const [xTrainRaw, xValRaw, yTrainLabels, yValLabels] = trainTestSplit(mnist.xTrain, mnist.yTrain, { testSize: 0.3, randomState: 777 });
  step('trainTestSplit');
  const t1 = performance.now();
  xTrain = xTrainRaw.reshape([xTrainRaw.shape[0], 28 * 28]).div(255);
  xVal = xValRaw.reshape([xValRaw.shape[0], 28 * 28]).div(255);
  const xTest = mnist.xTest.reshape([mnist.xTest.shape[0], 28 * 28]).div(255);
  convertMs = performance.now() - t1;
  step('reshape + / 255 (train, val, test)');
  yTrainIdx = yTrainLabels;
  yValIdx = yValLabels;
  kept.push(mnist.xTrain, mnist.yTrain, mnist.xTest, mnist.yTest, xTrainRaw, xValRaw, xTest);
} else {
  const t0 = performance.now();
  const raw = await loadDataset('mnist', nodeTransport(path.join(root, 'public/data')));
  loadMs = performance.now() - t0;
  const t1 = performance.now();
  const pixels = toFloat32(raw.xTrain.data, { scale: true });
  const xAll = tf.tensor2d(pixels, [60000, 784]);
  const yAll = tf.tensor1d(Int32Array.from(raw.yTrain.data), 'int32');
  convertMs = performance.now() - t1;
  step('x (60000 × 784, float32 / 255)');
  [xTrain, xVal, yTrainIdx, yValIdx] = trainTestSplit(xAll, yAll, { testSize: 0.3, randomState: 777 }) as tf.Tensor[];
  step('trainTestSplit');
  tf.dispose([xAll, yAll]);
  step('after disposing x');
}
if (subset > 0) {
  const cut = (t: tf.Tensor, n: number) => {
    const s = t.slice(0, n);
    t.dispose();
    return s;
  };
  [xTrain, yTrainIdx, xVal, yValIdx] = [cut(xTrain!, subset), cut(yTrainIdx!, subset), cut(xVal!, Math.round(subset * 3 / 7)), cut(yValIdx!, Math.round(subset * 3 / 7))];
}
if (variant === 'dense-inputs') {
  const [train, val] = [xTrain!.dataSync() as Float32Array, xVal!.dataSync() as Float32Array].map((d) => d.slice());
  standardise(train!, [val!], 784);
  tf.dispose([xTrain!, xVal!]);
  [xTrain, xVal] = [tf.tensor2d(train!, [train!.length / 784, 784]), tf.tensor2d(val!, [val!.length / 784, 784])];
}
const yTrain = toCategorical(yTrainIdx!, 10) as tf.Tensor;
const yVal = toCategorical(yValIdx!, 10) as tf.Tensor;
if (dataMode !== 'book') tf.dispose([yTrainIdx!, yValIdx!]); // the book's flow keeps its label vectors
step('toCategorical');
const datasetBytes = (xTrain!.size + xVal!.size + yTrain.size + yVal.size) * 4;

tf.randomUniform([1]).dispose();
const model = chapterModel(tf, variant);
const modelBytes = model.countParams() * 4 * 3; // weights + Adam's two moments

const epochTimes: number[] = [];
const tensorsAfterEpoch: number[] = [];
let valAccuracy = NaN;
let trainAccuracy = NaN;
const fitOnce = async () => {
  const start = performance.now();
  const history = await model.fit(xTrain!, yTrain, { epochs: 1, batchSize: 128, validationData: [xVal!, yVal], verbose: 0 });
  const seconds = (performance.now() - start) / 1000;
  valAccuracy = history.history.val_acc![0] as number;
  trainAccuracy = history.history.acc![0] as number;
  sampleMemory();
  return seconds;
};
for (let e = 0; e < epochs; e++) {
  epochTimes.push(await fitOnce());
  tensorsAfterEpoch.push(tf.memory().numTensors);
  if (e === 0) step('after epoch 1');
}
if (epochs > 1) step(`after epoch ${epochs}`);

let kernels: { name: string; calls: number; ms: number }[] = [];
let profiledEpochMs = 0;
if (profile) {
  const profiler = profileKernels(tf, backendName);
  profiledEpochMs = (await fitOnce()) * 1000;
  kernels = profiler.stats().map((k) => ({ name: k.name, calls: k.calls, ms: Math.round(k.ms * 10) / 10 }));
  profiler.stop();
}
clearInterval(sampler);
const wasmHeapBytes = backendName === 'wasm' ? ((tf.backend() as unknown as { wasm: { HEAPU8: Uint8Array } }).wasm.HEAPU8.buffer.byteLength) : 0;
const result = {
  engine: `node-${backendName}${fast && fastKernels.length ? (leanFit ? '-fast' : '-kernels') : ''}${lean ? '-leandata' : dataMode === 'split' ? '-splitdata' : ''}`,
  variant,
  leanFit: lastLeanFitDecision ?? { lean: false, reason: 'not installed' },
  denseInputs: lastLeanFitDenseInputs,
  backend: backendName,
  fastKernels,
  samples: xTrain!.shape[0],
  validationSamples: xVal!.shape[0],
  epochTimes,
  trainAccuracy,
  valAccuracy,
  tensorsAfterEpoch,
  loadMs,
  convertMs,
  peakRssBytes: peakRss,
  wasmHeapBytes,
  datasetBytes,
  // All of MNIST (70,000 images) as float32: the flows' budget is 1.5 × this + the model.
  mnistFloat32Bytes: 70000 * 784 * 4,
  modelBytes,
  data: dataMode,
  memorySteps,
  profiledEpochMs,
  kernels,
};
process.stdout.write(`BENCH_RESULT ${JSON.stringify(result)}\n`);
process.exit(0);
