// expect-fail: one-hot-values
import * as tf from '@tensorflow/tfjs';
import { loadData, trainTestSplit, toCategorical } from 'course';

const mnist = await loadData('mnist');
const [, , yTrainLabels, yValLabels] = trainTestSplit(mnist.xTrain, mnist.yTrain, { testSize: 0.3, randomState: 777 });
// Encoding (label + 1) % 10 puts every 1 in the wrong column.
export const yTrain = toCategorical(yTrainLabels.add(1).mod(10));
export const yVal = toCategorical(yValLabels);
export const yTest = tf.oneHot(mnist.yTest, 10);
