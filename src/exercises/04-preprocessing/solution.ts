import { loadData, trainTestSplit } from 'course';

const mnist = await loadData('mnist');
const [xTrainRaw, xValRaw] = trainTestSplit(mnist.xTrain, { testSize: 0.3, randomState: 777 });
const xTestRaw = mnist.xTest;

export const xTrain = xTrainRaw.reshape([xTrainRaw.shape[0], 28 * 28]).div(255);
export const xVal = xValRaw.reshape([xValRaw.shape[0], 28 * 28]).div(255);
export const xTest = xTestRaw.reshape([xTestRaw.shape[0], 28 * 28]).div(255);

console.log(xTrain.shape, xVal.shape, xTest.shape);
