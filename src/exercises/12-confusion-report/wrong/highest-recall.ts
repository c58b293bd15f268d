// expect-fail: lowest-recall
// Exports the digit with the highest recall: the check must say how that digit compares, never which digit is the lowest.
import * as tf from '@tensorflow/tfjs';
import { loadData, toCategorical, confusionMatrix, classificationReport, show } from 'course';

const mnist = await loadData('mnist', { validation: { testSize: 0.3, randomState: 777 }, scale: true, flatten: true });
const xTrain = mnist.xTrain;
const xVal = mnist.xVal;
export const xTest = mnist.xTest;
export const yTest = mnist.yTest;

export const model = tf.sequential();
model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [784] }));
model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
model.add(tf.layers.dense({ units: 10, activation: 'softmax' }));
model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['acc'] });
await model.fit(xTrain, toCategorical(mnist.yTrain), { epochs: 2, batchSize: 128, validationData: [xVal, toCategorical(mnist.yVal)] });

const yPred = (model.predict(xTest) as tf.Tensor).argMax(-1);

export const matrix = confusionMatrix(yTest, yPred);

export const report = classificationReport(yTest, yPred);
console.log(report);

const recalls = matrix.map((row, i) => row[i] / row.reduce((a, b) => a + b, 0));
export const lowestRecall = recalls.indexOf(Math.max(...recalls));

show.confusionMatrix(yTest, yPred, { classNames: mnist.classNames, images: mnist.xTest });
