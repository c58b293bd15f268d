// expect-fail: one-hot-shapes
import { loadData, trainTestSplit, toCategorical } from 'course';

const mnist = await loadData('mnist');
const [, , yTrainLabels, yValLabels] = trainTestSplit(mnist.xTrain, mnist.yTrain, { testSize: 0.3, randomState: 777 });
export const yTrain = toCategorical(yTrainLabels);
export const yVal = yValLabels;
export const yTest = toCategorical(mnist.yTest);
