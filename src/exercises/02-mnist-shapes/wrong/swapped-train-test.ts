// expect-fail: test-shapes
// Exports the training set as the test set.
import { loadData, show } from 'course';

const { xTrain, yTrain } = await loadData('mnist');

show.images(xTrain, { labels: yTrain, count: 9 });

export { xTrain, yTrain };
export const xTest = xTrain;
export const yTest = yTrain;
