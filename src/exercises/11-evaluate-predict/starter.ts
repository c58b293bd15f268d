import * as tf from '@tensorflow/tfjs';
import { loadData, toCategorical, show } from 'course';

// ko: 준비: 분할, 스케일링, 원-핫. 테스트 데이터도 같은 방식으로 준비합니다.
// en: Preparation: split, scale, one-hot. The test data gets exactly the
// en: same treatment.
// ko: loadData가 3–4강의 분할(randomState 777), 255로 나누기, 펼치기를
// ko: 불러오면서 합니다. 행은 같고 메모리는 약 3분의 1만 씁니다.
// en: loadData does lessons 3–4's split (randomState 777), /255 and
// en: flattening while loading: same rows, about a third of the memory.
const mnist = await loadData('mnist', { validation: { testSize: 0.3, randomState: 777 }, scale: true, flatten: true });
export const xTrain = mnist.xTrain;
const xVal = mnist.xVal;
export const yTrain = toCategorical(mnist.yTrain);
const yVal = toCategorical(mnist.yVal);
export const xTest = mnist.xTest;
export const yTest = toCategorical(mnist.yTest);

export const model = tf.sequential();
model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [784] }));
model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
model.add(tf.layers.dense({ units: 10, activation: 'softmax' }));
model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['acc'] });
// ko: 채점용으로 짧게 2 에포크만 학습합니다.
// en: A short 2-epoch run for grading.
await model.fit(xTrain, yTrain, { epochs: 2, batchSize: 128, validationData: [xVal, yVal] });

// ko: TODO: 테스트 데이터로 평가하세요. evaluate는 [손실, 정확도]
// ko:       스칼라 텐서 배열을 돌려주므로 숫자로 꺼내야 합니다.
// en: TODO: evaluate on the test data. evaluate returns an array of scalar
// en:       tensors [loss, accuracy]: read them as numbers.
// Keras: model.evaluate(x_test, y_test)  →  [0.1319049060290734, 0.9735]
export const testLoss = 0;
export const testAcc = 0;
console.log('test loss', testLoss, 'test acc', testAcc);

// ko: TODO: 테스트 데이터 전체를 예측하고(형태 [10000, 10]),
// ko:       첫 번째 숫자의 확률 10개를 숫자 배열로 꺼내세요.
// en: TODO: predict the whole test set (shape [10000, 10]) and take the ten
// en:       probabilities of the first digit as a number array.
// Keras: results = model.predict(x_test); results[0]
export const firstProbs: number[] = [];

// ko: TODO: 확률이 가장 큰 클래스의 번호(인덱스)를 구하세요.
// en: TODO: find the number (index) of the most probable class.
// Keras: np.argmax(results[0])
export const firstPrediction = -1;

// ko: TODO: 확률 막대그래프를 그리세요.
// en: TODO: draw the probabilities as bars.
// show.probabilities(firstProbs, {
//   labels: mnist.classNames,
//   trueIndex: mnist.yTest.arraySync()[0],
// });
