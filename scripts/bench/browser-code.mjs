// The learner program the browser bench runs inside the sandbox worker: the
// chapter's model, trained with model.fit on the course's split. It reports
// through console.log lines starting with BENCH (the sandbox relays them).
// Without lean: the book's step-by-step flow (loadData → trainTestSplit →
// reshape → / 255), as lessons 3–5 write it, every tensor kept. lean: the
// data through loadData's memory-lean option (validation + scale + flatten).
const LEAN_PREP = `const t0 = performance.now();
const { xTrain: xTr, yTrain: yTr, xVal, yVal } = await loadData('mnist', { validation: { testSize: 0.3, randomState: 777 }, scale: true, flatten: true });
const loadMs = performance.now() - t0;
const tensorMs = 0;
step('loadData lean (split + /255 + flatten, test set too)');
const yTrain1 = toCategorical(yTr, 10);
const yVal1 = toCategorical(yVal, 10);
yTr.dispose(); yVal.dispose();
step('toCategorical');
`;

export function trainingProgram(backend, epochs, { lean = false } = {}) {
  return `import * as tf from '@tensorflow/tfjs';
import { loadData, trainTestSplit, toCategorical } from 'course';

const wanted = ${JSON.stringify(backend)};
if (tf.getBackend() !== wanted) {
  if (!(await tf.setBackend(wanted))) throw new Error('backend ' + wanted + ' did not start');
  await tf.ready();
}
// Live tensor bytes, wasm heap size and a clock reading (timeOrigin-based, so
// comparable with the page's) after each step of the data prep.
const heapNow = () => (tf.getBackend() === 'wasm' ? tf.backend().wasm.HEAPU8.buffer.byteLength : 0);
const memorySteps = [];
const step = (name) => memorySteps.push({ step: name, tensorBytes: tf.memory().numBytes, wasmHeapBytes: heapNow(), at: performance.timeOrigin + performance.now() });
const tensorsAtStart = tf.memory().numTensors;
step('start');
${lean ? LEAN_PREP : `// The book's flow as lessons 3–5 write it: nothing disposed.
const t0 = performance.now();
const mnist = await loadData('mnist');
const loadMs = performance.now() - t0;
step('loadData (train + test, float32 0–255)');
const [xTrainRaw, xValRaw, yTr, yVal] = trainTestSplit(mnist.xTrain, mnist.yTrain, { testSize: 0.3, randomState: 777 });
step('trainTestSplit');
const t1 = performance.now();
const xTr = xTrainRaw.reshape([xTrainRaw.shape[0], 28 * 28]).div(255);
const xVal = xValRaw.reshape([xValRaw.shape[0], 28 * 28]).div(255);
const xTest = mnist.xTest.reshape([mnist.xTest.shape[0], 28 * 28]).div(255);
// One element read back: waits for the op on any backend without copying 188 MB out.
await xTest.slice([9999, 783], [1, 1]).data();
const tensorMs = performance.now() - t1;
step('reshape + / 255 (train, val, test)');
const yTrain1 = toCategorical(yTr, 10);
const yVal1 = toCategorical(yVal, 10);
step('toCategorical');
`}const model = tf.sequential({ layers: [
  tf.layers.dense({ units: 64, activation: 'relu', inputShape: [784] }),
  tf.layers.dense({ units: 32, activation: 'relu' }),
  tf.layers.dense({ units: 10, activation: 'softmax' }),
] });
model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['acc'] });
step('model built and compiled');
const epochTimes = [], tensorsAfterEpoch = [];
let start = 0, peakTensorBytes = 0;
const history = await model.fit(xTr, yTrain1, {
  epochs: ${epochs}, batchSize: 128, validationData: [xVal, yVal1], verbose: 0,
  callbacks: {
    onEpochBegin: async () => { start = performance.now(); },
    onEpochEnd: async () => {
      epochTimes.push((performance.now() - start) / 1000);
      tensorsAfterEpoch.push(tf.memory().numTensors);
      peakTensorBytes = Math.max(peakTensorBytes, tf.memory().numBytes);
      // The fit's own peak is inside an epoch; the heap size shows it.
      if (tensorsAfterEpoch.length === 1) step('after epoch 1');
    },
  },
});
const heap = tf.getBackend() === 'wasm' ? tf.backend().wasm.HEAPU8.buffer.byteLength : 0;
const fastKernels = ['BatchMatMul', '_FusedMatMul', 'GatherV2', 'MnistCourseFusedAdam', 'Slice', 'StridedSlice', 'SplitV', 'Unpack'].filter((k) => tf.getKernel(k, 'wasm')?.[Symbol.for('mnist-course.fast-kernels')]);
step('after training');
console.log('BENCH ' + JSON.stringify({ backend: tf.getBackend(), fastKernels: tf.getBackend() === 'wasm' ? fastKernels : [], loadMs, tensorMs, epochTimes, tensorsAtStart, tensorsAfterEpoch, peakTensorBytes, wasmHeapBytes: heap, memorySteps,
  datasetBytes: (xTr.size + xVal.size + yTrain1.size + yVal1.size) * 4, modelBytes: model.countParams() * 4 * 3,
  valAccuracy: history.history.val_acc.at(-1), trainAccuracy: history.history.acc.at(-1), samples: xTr.shape[0], validationSamples: xVal.shape[0] }));
`;
}

/**
 * Only loads the data: on a second visit (to count bytes and time a warm
 * load), and as a second run in the same worker (tensors left over from the
 * first run would show in tensorsAtStart).
 */
export const loadOnlyProgram = `import * as tf from '@tensorflow/tfjs';
import { loadData } from 'course';
const tensorsAtStart = tf.memory().numTensors;
const t0 = performance.now();
const { xTrain } = await loadData('mnist');
console.log('BENCH ' + JSON.stringify({ loadMs: performance.now() - t0, shape: xTrain.shape, tensorsAtStart }));
`;

/**
 * model.predict and model.evaluate on the 10,000 test rows with the default
 * batch size (32), as node-predict.ts does in Node: the chapter's model,
 * untrained; median of 3 runs each, and predict in one batch as the floor.
 */
export const predictProgram = `import * as tf from '@tensorflow/tfjs';
import { loadData, toCategorical } from 'course';
const { xTest, yTest } = await loadData('mnist', { scale: true, flatten: true });
const yOneHot = toCategorical(yTest, 10);
const model = tf.sequential({ layers: [
  tf.layers.dense({ units: 64, activation: 'relu', inputShape: [784] }),
  tf.layers.dense({ units: 32, activation: 'relu' }),
  tf.layers.dense({ units: 10, activation: 'softmax' }),
] });
model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['acc'] });
tf.dispose(model.predict(xTest.slice(0, 64)));
const time = (run) => {
  const seconds = [];
  for (let r = 0; r < 3; r++) {
    const start = performance.now();
    const out = run();
    for (const t of [out].flat()) t.dataSync();
    seconds.push((performance.now() - start) / 1000);
    tf.dispose(out);
  }
  return seconds.sort((a, b) => a - b)[1];
};
const slicePatched = tf.getKernel('Slice', 'wasm')?.[Symbol.for('mnist-course.fast-kernels')] === true;
console.log('BENCH ' + JSON.stringify({ backend: tf.getBackend(), rows: xTest.shape[0], fastSlice: slicePatched,
  predictSeconds: time(() => model.predict(xTest)),
  evaluateSeconds: time(() => model.evaluate(xTest, yOneHot)),
  predictOneBatchSeconds: time(() => model.predict(xTest, { batchSize: xTest.shape[0] })) }));
`;
