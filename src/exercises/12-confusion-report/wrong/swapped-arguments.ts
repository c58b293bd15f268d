// expect-fail: matrix
// Predictions first: the matrix comes out transposed (rows = predicted).
import * as tf from '@tensorflow/tfjs';
import { loadData, trainTestSplit, toCategorical, confusionMatrix, classificationReport, show } from 'course';

const mnist = await loadData('mnist');
const [xTrainRaw, xValRaw, yTrainRaw, yValRaw] = trainTestSplit(mnist.xTrain, mnist.yTrain, { testSize: 0.3, randomState: 777 });
const xTrain = xTrainRaw.reshape([-1, 784]).div(255);
const xVal = xValRaw.reshape([-1, 784]).div(255);
export const xTest = mnist.xTest.reshape([-1, 784]).div(255);
export const yTest = mnist.yTest;

export const model = tf.sequential();
model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [784] }));
model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
model.add(tf.layers.dense({ units: 10, activation: 'softmax' }));
model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['acc'] });
await model.fit(xTrain, toCategorical(yTrainRaw), { epochs: 1, batchSize: 128, validationData: [xVal, toCategorical(yValRaw)] });

const yPred = (model.predict(xTest) as tf.Tensor).argMax(-1);

export const matrix = confusionMatrix(yPred, yTest);

export const report = classificationReport(yTest, yPred);
console.log(report);

const recalls = matrix.map((row, i) => row[i] / row.reduce((a, b) => a + b, 0));
export const lowestRecall = recalls.indexOf(Math.min(...recalls));

show.confusionMatrix(yTest, yPred, { classNames: mnist.classNames, images: mnist.xTest });
