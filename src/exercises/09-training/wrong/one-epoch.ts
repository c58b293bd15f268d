// expect-fail: epochs
import * as tf from '@tensorflow/tfjs';
import { loadData, trainTestSplit, toCategorical } from 'course';

const mnist = await loadData('mnist');
const [xTrainRaw, xValRaw, yTrainRaw, yValRaw] = trainTestSplit(mnist.xTrain, mnist.yTrain, { testSize: 0.3, randomState: 777 });
export const xTrain = xTrainRaw.reshape([-1, 784]).div(255);
const xVal = xValRaw.reshape([-1, 784]).div(255);

const model = tf.sequential();
model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [784] }));
model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
model.add(tf.layers.dense({ units: 10, activation: 'softmax' }));
model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['acc'] });

export const history = await model.fit(xTrain, toCategorical(yTrainRaw), {
  batchSize: 128,
  validationData: [xVal, toCategorical(yValRaw)],
});
