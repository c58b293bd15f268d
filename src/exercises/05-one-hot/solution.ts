import { loadData, trainTestSplit, toCategorical } from 'course';

const mnist = await loadData('mnist');
const [, , yTrainLabels, yValLabels] = trainTestSplit(mnist.xTrain, mnist.yTrain, { testSize: 0.3, randomState: 777 });
const yTestLabels = mnist.yTest;
console.log(yTrainLabels);

export const yTrain = toCategorical(yTrainLabels);
export const yVal = toCategorical(yValLabels);
export const yTest = toCategorical(yTestLabels);

console.log(yTrain);
