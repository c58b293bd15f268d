// expect-fail: best-epoch
// Reports the array position (from 0) instead of the epoch number (from 1).
import * as tf from '@tensorflow/tfjs';
import { loadData, toCategorical, saveModel, show } from 'course';

// ko: loadData가 3–4강의 분할(randomState 777), 255로 나누기, 펼치기를
// ko: 불러오면서 합니다. 행은 같고 메모리는 약 3분의 1만 씁니다.
// en: loadData does lessons 3–4's split (randomState 777), /255 and
// en: flattening while loading: same rows, about a third of the memory.
const mnist = await loadData('mnist', { validation: { testSize: 0.3, randomState: 777 }, scale: true, flatten: true });
const xTrain = mnist.xTrain;
export const xVal = mnist.xVal;
const yTrain = toCategorical(mnist.yTrain);
export const yVal = toCategorical(mnist.yVal);

export const model = tf.sequential();
model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [784] }));
model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
model.add(tf.layers.dense({ units: 10, activation: 'softmax' }));
model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['acc'] });

const EPOCHS = 1;

export function keepBest(target: tf.LayersModel): tf.CustomCallback {
  let bestLoss = Infinity;
  let bestWeights: tf.Tensor[] = [];
  return new tf.CustomCallback({
    onEpochEnd: async (epoch, logs) => {
      const valLoss = logs?.val_loss ?? Infinity;
      if (valLoss < bestLoss) {
        bestLoss = valLoss;
        tf.dispose(bestWeights);
        bestWeights = target.getWeights().map((w) => w.clone());
      }
    },
    onTrainEnd: async () => {
      if (bestWeights.length > 0) target.setWeights(bestWeights);
    },
  });
}

export const earlyStop = tf.callbacks.earlyStopping({ monitor: 'val_loss', patience: 3 });

export const history = await model.fit(xTrain, yTrain, {
  epochs: EPOCHS,
  batchSize: 128,
  validationData: [xVal, yVal],
  callbacks: [earlyStop, keepBest(model)],
});
show.history(history, { title: 'MNIST' });

const valLoss = history.history.val_loss as number[];
export const bestEpoch = valLoss.indexOf(Math.min(...valLoss));

export const saved = await saveModel(model, 'mnist');
