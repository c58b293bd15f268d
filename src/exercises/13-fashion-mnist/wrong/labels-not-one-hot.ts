// expect-fail: one-hot
// Leaves the labels as class numbers: categoricalCrossentropy needs one-hot rows.
import { loadData, trainTestSplit, show } from 'course';

export const fashion = await loadData('fashion-mnist');
const labels = await fashion.yTrain.array();
export const firstLabelName = fashion.classNames[labels[0]];
show.images(fashion.xTrain, { labels: fashion.yTrain, classNames: fashion.classNames, count: 9, cols: 3 });

const [xTrainRaw, xValRaw, yTrainRaw, yValRaw] = trainTestSplit(fashion.xTrain, fashion.yTrain, { testSize: 0.3, randomState: 777 });
export const xTrain = xTrainRaw.div(255);
export const xVal = xValRaw.div(255);
export const xTest = fashion.xTest.div(255);
export const yTrain = yTrainRaw;
export const yVal = yValRaw;
export const yTest = fashion.yTest;
