// model.predict and model.evaluate on MNIST's 10,000 test rows with the
// default batch size (32), in its own Node process (the kernel registry is
// the process's own): the chapter's model, untrained (the time does not
// depend on the weights). Each layers batch is a Slice (predict) or a Gather
// (evaluate) of the whole test tensor, so this is where a kernel that copies
// its whole input per call shows. batchSize 10,000 (one batch) is printed
// beside it as the floor. Prints one JSON line prefixed PREDICT_RESULT.
//   node scripts/bench/node-predict.ts --fast 0|1 [--repeats N]
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDataset } from '../../src/data/load-dataset.ts';
import { nodeTransport } from '../../src/data/transports/node.ts';
import { toFloat32 } from '../../src/data/to-float.ts';
import { chapterModel } from './chapter-model.ts';
import { installFastKernels } from '../../src/sandbox/fast/index.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const fast = arg('fast', '1') === '1';
const repeats = Number(arg('repeats', fast ? '3' : '1'));

await tf.setBackend('wasm');
await tf.ready();
const fastKernels = fast ? installFastKernels(tf, { leanFit: false }).installed : [];

const raw = await loadDataset('mnist', nodeTransport(path.join(root, 'public/data')));
const rows = raw.xTest.shape[0]!;
const xTest = tf.tensor2d(toFloat32(raw.xTest.data, { scale: true }), [rows, 784]);
const yTest = tf.oneHot(tf.tensor1d(Int32Array.from(raw.yTest.data), 'int32'), 10);

const model = chapterModel(tf);

/**
 * Median wall seconds of `repeats` runs, and the CPU seconds of that run (this
 * process's user + system time: close to the wall time on an idle core, and
 * the figure to compare on a shared machine). Each run reads its result back.
 */
function time(run: () => tf.Tensor | tf.Tensor[]): { seconds: number; cpuSeconds: number } {
  const runs: { seconds: number; cpuSeconds: number }[] = [];
  for (let r = 0; r < repeats; r++) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    const out = run();
    for (const t of Array.isArray(out) ? out : [out]) t.dataSync();
    const seconds = (performance.now() - start) / 1000;
    const used = process.cpuUsage(cpu);
    runs.push({ seconds, cpuSeconds: (used.user + used.system) / 1e6 });
    tf.dispose(out);
  }
  return runs.sort((a, b) => a.seconds - b.seconds)[runs.length >> 1]!;
}

tf.dispose(model.predict(xTest.slice(0, 64))); // warm-up: kernels set up, weights on the heap
const tensorsBefore = tf.memory().numTensors;
const result = {
  engine: `node-wasm${fast ? '-fast' : ''}`,
  fastKernels,
  rows,
  repeats,
  predict: time(() => model.predict(xTest) as tf.Tensor),
  evaluate: time(() => model.evaluate(xTest, yTest) as tf.Tensor[]),
  predictOneBatch: time(() => model.predict(xTest, { batchSize: rows }) as tf.Tensor),
  leakedTensors: tf.memory().numTensors - tensorsBefore,
};
process.stdout.write(`PREDICT_RESULT ${JSON.stringify(result)}\n`);
process.exit(0);
