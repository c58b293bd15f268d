import { loadData, trainTestSplit } from 'course';

// ko: 학습 데이터 60,000개를 불러옵니다.
// en: Load the 60,000 training images.
const { xTrain: xAll, yTrain: yAll } = await loadData('mnist');

// ko: TODO: trainTestSplit으로 70%는 학습용, 30%는 검증용으로 나누세요
// ko:       (randomState: 777).
// en: TODO: split 70% for training and 30% for validation with trainTestSplit
// en:       (randomState: 777).
// Keras: x_train, x_val, y_train, y_val = train_test_split(
//            x_train, y_train, test_size=0.3, random_state=777)
const [xTrain, xVal, yTrain, yVal] = [xAll, xAll, yAll, yAll];

console.log(`train ${xTrain.shape} labels ${yTrain.shape}`);
console.log(`val   ${xVal.shape} labels ${yVal.shape}`);
console.log(yTrain);

export { xTrain, xVal, yTrain, yVal };
