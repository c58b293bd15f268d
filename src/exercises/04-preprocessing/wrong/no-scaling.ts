// expect-fail: scaled
import { loadData, trainTestSplit } from 'course';

const mnist = await loadData('mnist');
const [xTrainRaw, xValRaw] = trainTestSplit(mnist.xTrain, { testSize: 0.3, randomState: 777 });
export const xTrain = xTrainRaw.reshape([42000, 784]);
export const xVal = xValRaw.reshape([18000, 784]);
export const xTest = mnist.xTest.reshape([10000, 784]);
