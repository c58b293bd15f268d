import { loadData, trainTestSplit } from 'course';

const mnist = await loadData('mnist');
const [xTrainRaw, xValRaw] = trainTestSplit(mnist.xTrain, { testSize: 0.3, randomState: 777 });
const xTestRaw = mnist.xTest;

// ko: TODO: 각 이미지를 784(= 28 * 28)차원의 한 줄로 펼치고
// ko:       255로 나눠 0–1 범위로 만드세요.
// en: TODO: flatten every image into one row of 784 (= 28 * 28) values
// en:       and divide by 255 to get 0–1.
// Keras: x_train = (x_train.reshape((num_x_train, 28 * 28))) / 255
export const xTrain = xTrainRaw;
export const xVal = xValRaw;
export const xTest = xTestRaw;

console.log(xTrain.shape, xVal.shape, xTest.shape);
