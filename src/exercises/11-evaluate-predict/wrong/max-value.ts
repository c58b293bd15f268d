// expect-fail: prediction
// Takes the largest probability itself instead of its position.
import * as tf from '@tensorflow/tfjs';
import { loadData, trainTestSplit, toCategorical, show } from 'course';

const mnist = await loadData('mnist');
const [xTrainRaw, xValRaw, yTrainRaw, yValRaw] = trainTestSplit(mnist.xTrain, mnist.yTrain, { testSize: 0.3, randomState: 777 });
export const xTrain = xTrainRaw.reshape([-1, 784]).div(255);
const xVal = xValRaw.reshape([-1, 784]).div(255);
export const yTrain = toCategorical(yTrainRaw);
const yVal = toCategorical(yValRaw);
export const xTest = mnist.xTest.reshape([-1, 784]).div(255);
export const yTest = toCategorical(mnist.yTest);

export const model = tf.sequential();
model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [784] }));
model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
model.add(tf.layers.dense({ units: 10, activation: 'softmax' }));
model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['acc'] });
await model.fit(xTrain, yTrain, { epochs: 1, batchSize: 128, validationData: [xVal, yVal] });

const scores = model.evaluate(xTest, yTest) as tf.Scalar[];
export const testLoss = (await scores[0].data())[0];
export const testAcc = (await scores[1].data())[0];
console.log('test loss', testLoss, 'test acc', testAcc);

const results = model.predict(xTest) as tf.Tensor2D;
console.log(results.shape);
export const firstProbs = (await results.array())[0];

export const firstPrediction = Math.max(...firstProbs);

show.probabilities(firstProbs, { labels: mnist.classNames, trueIndex: mnist.yTest.arraySync()[0] });
