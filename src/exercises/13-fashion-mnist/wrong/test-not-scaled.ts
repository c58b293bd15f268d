// expect-fail: scaled
// Scales the training and validation images but forgets the test images.
import { loadData, trainTestSplit, toCategorical, show } from 'course';

export const fashion = await loadData('fashion-mnist');
const labels = await fashion.yTrain.array();
export const firstLabelName = fashion.classNames[labels[0]];
show.images(fashion.xTrain, { labels: fashion.yTrain, classNames: fashion.classNames, count: 9, cols: 3 });

const [xTrainRaw, xValRaw, yTrainRaw, yValRaw] = trainTestSplit(fashion.xTrain, fashion.yTrain, { testSize: 0.3, randomState: 777 });
export const xTrain = xTrainRaw.div(255);
export const xVal = xValRaw.div(255);
export const xTest = fashion.xTest;
export const yTrain = toCategorical(yTrainRaw);
export const yVal = toCategorical(yValRaw);
export const yTest = toCategorical(fashion.yTest);
