import * as tf from '@tensorflow/tfjs';
import { loadData, toCategorical, confusionMatrix, classificationReport, show } from 'course';

// ko: 준비와 짧은 학습(2 에포크)은 11강과 같습니다.
// en: Preparation and a short 2-epoch run, as in lesson 11.
// ko: loadData가 3–4강의 분할(randomState 777), 255로 나누기, 펼치기를
// ko: 불러오면서 합니다. 행은 같고 메모리는 약 3분의 1만 씁니다.
// en: loadData does lessons 3–4's split (randomState 777), /255 and
// en: flattening while loading: same rows, about a third of the memory.
const mnist = await loadData('mnist', { validation: { testSize: 0.3, randomState: 777 }, scale: true, flatten: true });
const xTrain = mnist.xTrain;
const xVal = mnist.xVal;
export const xTest = mnist.xTest;
// ko: 정답 레이블: 원-핫이 아니라 0–9의 숫자 그대로입니다.
// en: The true labels: plain digits 0–9, not one-hot.
export const yTest = mnist.yTest;

export const model = tf.sequential();
model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [784] }));
model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
model.add(tf.layers.dense({ units: 10, activation: 'softmax' }));
model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['acc'] });
await model.fit(xTrain, toCategorical(mnist.yTrain), { epochs: 2, batchSize: 128, validationData: [xVal, toCategorical(mnist.yVal)] });

// ko: TODO: 테스트 이미지마다 예측한 클래스를 구하세요:
// ko:       predict가 준 확률 [10000, 10]에서 argMax(-1).
// en: TODO: the predicted class of every test image:
// en:       argMax(-1) of the probabilities [10000, 10] predict gives.
// Keras: y_pred = np.argmax(model.predict(x_test), axis=-1)

// ko: TODO: 혼동 행렬을 만드세요 (행: 정답, 열: 예측).
// en: TODO: build the confusion matrix (rows: true, columns: predicted).
// Keras: confusion_matrix(y_test, y_pred)
export const matrix: number[][] = [];

// ko: TODO: 분류 보고서를 만들고 출력하세요.
// en: TODO: build the classification report and print it.
// Keras: print(classification_report(y_test, y_pred))
export const report = '';
console.log(report);

// ko: TODO: 재현율(recall)이 가장 낮은 숫자는?
// en: TODO: which digit has the lowest recall?
export const lowestRecall = -1;

// ko: TODO: 칸마다 예시 이미지가 붙은 혼동 행렬을 그리세요.
// en: TODO: draw the matrix with example images in its cells.
// show.confusionMatrix(yTest, yPred, {
//   classNames: mnist.classNames,
//   images: mnist.xTest,
// });
