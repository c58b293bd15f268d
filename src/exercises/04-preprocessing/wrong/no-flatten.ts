// expect-fail: flattened
import { loadData, trainTestSplit } from 'course';

const mnist = await loadData('mnist');
const [xTrainRaw, xValRaw] = trainTestSplit(mnist.xTrain, { testSize: 0.3, randomState: 777 });
export const xTrain = xTrainRaw.div(255);
export const xVal = xValRaw.div(255);
export const xTest = mnist.xTest.div(255);
