// expect-fail: book-split
import { loadData, trainTestSplit } from 'course';

const { xTrain: xAll, yTrain: yAll } = await loadData('mnist');
const [xTrain, xVal, yTrain, yVal] = trainTestSplit(xAll, yAll, { testSize: 0.3, randomState: 42 });
export { xTrain, xVal, yTrain, yVal };
