// expect-fail: first-model
// Declares a 784-wide input although the images are 28×28: fit fails on the shape.
import * as tf from '@tensorflow/tfjs';
import { loadData, trainTestSplit, toCategorical, show } from 'course';

const fashion = await loadData('fashion-mnist');
const [xTrainRaw, xValRaw, yTrainRaw, yValRaw] = trainTestSplit(fashion.xTrain, fashion.yTrain, { testSize: 0.3, randomState: 777 });
const xTrain = xTrainRaw.div(255);
const xVal = xValRaw.div(255);
const yTrain = toCategorical(yTrainRaw);
const yVal = toCategorical(yValRaw);

const EPOCHS = 2;

async function train(model: tf.Sequential): Promise<tf.History> {
  model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['acc'] });
  return model.fit(xTrain, yTrain, { epochs: EPOCHS, batchSize: 128, validationData: [xVal, yVal] });
}

export const firstModel = tf.sequential();
firstModel.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [784] }));
firstModel.add(tf.layers.dense({ units: 32, activation: 'relu' }));
firstModel.add(tf.layers.dense({ units: 10, activation: 'softmax' }));

export const secondModel = tf.sequential();
secondModel.add(tf.layers.flatten({ inputShape: [28, 28] }));
secondModel.add(tf.layers.dense({ units: 128, activation: 'relu' }));
secondModel.add(tf.layers.dense({ units: 128, activation: 'relu' }));
secondModel.add(tf.layers.dense({ units: 32, activation: 'relu' }));
secondModel.add(tf.layers.dense({ units: 10, activation: 'softmax' }));

export const firstHistory = await train(firstModel);
export const secondHistory = await train(secondModel);

show.compare([{ label: '64-32-10', history: firstHistory }, { label: '128-128-32-10', history: secondHistory }], { title: 'Fashion-MNIST' });
