import * as tf from '@tensorflow/tfjs';
import { loadData, trainTestSplit, toCategorical, show } from 'course';

const mnist = await loadData('mnist');
const [xTrainRaw, xValRaw, yTrainRaw, yValRaw] = trainTestSplit(mnist.xTrain, mnist.yTrain, { testSize: 0.3, randomState: 777 });
export const xTrain = xTrainRaw.reshape([-1, 784]).div(255);
const xVal = xValRaw.reshape([-1, 784]).div(255);
const yTrain = toCategorical(yTrainRaw);
const yVal = toCategorical(yValRaw);

const model = tf.sequential();
model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [784] }));
model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
model.add(tf.layers.dense({ units: 10, activation: 'softmax' }));
model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['acc'] });

export const history = await model.fit(xTrain, yTrain, {
  epochs: 3,
  batchSize: 128,
  validationData: [xVal, yVal],
});

show.history(history, { title: 'MNIST' });
