// expect-fail: split-sizes
import { loadData, trainTestSplit } from 'course';

const { xTrain: xAll, yTrain: yAll } = await loadData('mnist');
const [xTrain, xVal, yTrain, yVal] = trainTestSplit(xAll, yAll, { testSize: 0.2, randomState: 777 });
export { xTrain, xVal, yTrain, yVal };
