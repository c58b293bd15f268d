// expect-fail: train-shapes
// Flattens the images: right for a Dense model later, wrong for this exercise.
import { loadData, show } from 'course';

const data = await loadData('mnist');
const xTrain = data.xTrain.reshape([60000, 784]);
const { yTrain, xTest, yTest } = data;

show.images(xTrain, { labels: yTrain, count: 9 });

export { xTrain, yTrain, xTest, yTest };
