import * as tf from '@tensorflow/tfjs';
import { loadData, toCategorical, stratifiedKFold } from 'course';

const mnist = await loadData('mnist');
const N = 5000;
const x = mnist.xTrain.slice(0, N).reshape([N, 784]).div(255);
export const labels = mnist.yTrain.slice(0, N);
const y = toCategorical(labels);

function buildModel(): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [784] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 10, activation: 'softmax' }));
  model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['acc'] });
  return model;
}
const EPOCHS = 3;

export const folds = stratifiedKFold(labels, { nSplits: 5, shuffle: true, randomState: 777 });

export const foldScores: number[] = [];
for (const { trainIndex, testIndex } of folds) {
  const model = buildModel();
  await model.fit(tf.gather(x, trainIndex), tf.gather(y, trainIndex), { epochs: EPOCHS, batchSize: 128 });
  const [, acc] = model.evaluate(tf.gather(x, testIndex), tf.gather(y, testIndex)) as tf.Scalar[];
  foldScores.push((await acc.data())[0]);
}
console.log(foldScores);

export const meanScore = foldScores.reduce((a, b) => a + b, 0) / foldScores.length;
export const stdScore = Math.sqrt(foldScores.reduce((a, s) => a + (s - meanScore) ** 2, 0) / foldScores.length);
console.log(`accuracy ${meanScore.toFixed(4)} ± ${stdScore.toFixed(4)}`);
