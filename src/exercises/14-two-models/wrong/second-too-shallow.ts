// expect-fail: second-model
// Leaves out the second 128-unit layer: not the book's deeper model.
import * as tf from '@tensorflow/tfjs';
import { loadData, toCategorical, show } from 'course';

// ko: loadData가 3–4강의 분할(randomState 777)과 255로 나누기를 불러오면서
// ko: 합니다. 행은 같고 메모리는 약 3분의 1만 씁니다.
// en: loadData does lessons 3–4's split (randomState 777) and /255 while
// en: loading: same rows, about a third of the memory.
const fashion = await loadData('fashion-mnist', { validation: { testSize: 0.3, randomState: 777 }, scale: true });
const xTrain = fashion.xTrain;
const xVal = fashion.xVal;
const yTrain = toCategorical(fashion.yTrain);
const yVal = toCategorical(fashion.yVal);

const EPOCHS = 1;

async function train(model: tf.Sequential): Promise<tf.History> {
  model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['acc'] });
  return model.fit(xTrain, yTrain, { epochs: EPOCHS, batchSize: 128, validationData: [xVal, yVal] });
}

export const firstModel = tf.sequential();
firstModel.add(tf.layers.flatten({ inputShape: [28, 28] }));
firstModel.add(tf.layers.dense({ units: 64, activation: 'relu' }));
firstModel.add(tf.layers.dense({ units: 32, activation: 'relu' }));
firstModel.add(tf.layers.dense({ units: 10, activation: 'softmax' }));

export const secondModel = tf.sequential();
secondModel.add(tf.layers.flatten({ inputShape: [28, 28] }));
secondModel.add(tf.layers.dense({ units: 128, activation: 'relu' }));
secondModel.add(tf.layers.dense({ units: 32, activation: 'relu' }));
secondModel.add(tf.layers.dense({ units: 10, activation: 'softmax' }));

export const firstHistory = await train(firstModel);
export const secondHistory = await train(secondModel);

show.compare([{ label: '64-32-10', history: firstHistory }, { label: '128-128-32-10', history: secondHistory }], { title: 'Fashion-MNIST' });
