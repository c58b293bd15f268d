import { loadData, trainTestSplit, toCategorical } from 'course';

const mnist = await loadData('mnist');
const [, , yTrainLabels, yValLabels] = trainTestSplit(mnist.xTrain, mnist.yTrain, { testSize: 0.3, randomState: 777 });
const yTestLabels = mnist.yTest;
console.log(yTrainLabels); // [2, 7, 6, …]

// ko: TODO: 세 레이블 모두 원-핫 벡터로 바꾸세요.
// en: TODO: turn all three label sets into one-hot vectors.
// Keras: y_train = to_categorical(y_train)
export const yTrain = yTrainLabels;
export const yVal = yValLabels;
export const yTest = yTestLabels;

console.log(yTrain);
