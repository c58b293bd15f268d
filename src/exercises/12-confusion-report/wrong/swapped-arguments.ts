// expect-fail: matrix
// Predictions first: the matrix comes out transposed (rows = predicted).
import * as tf from '@tensorflow/tfjs';
import { loadData, toCategorical, confusionMatrix, classificationReport, show } from 'course';

// ko: loadData가 3–4강의 분할(randomState 777), 255로 나누기, 펼치기를
// ko: 불러오면서 합니다. 행은 같고 메모리는 약 3분의 1만 씁니다.
// en: loadData does lessons 3–4's split (randomState 777), /255 and
// en: flattening while loading: same rows, about a third of the memory.
const mnist = await loadData('mnist', { validation: { testSize: 0.3, randomState: 777 }, scale: true, flatten: true });
const xTrain = mnist.xTrain;
const xVal = mnist.xVal;
export const xTest = mnist.xTest;
export const yTest = mnist.yTest;

export const model = tf.sequential();
model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [784] }));
model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
model.add(tf.layers.dense({ units: 10, activation: 'softmax' }));
model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['acc'] });
await model.fit(xTrain, toCategorical(mnist.yTrain), { epochs: 1, batchSize: 128, validationData: [xVal, toCategorical(mnist.yVal)] });

const yPred = (model.predict(xTest) as tf.Tensor).argMax(-1);

export const matrix = confusionMatrix(yPred, yTest);

export const report = classificationReport(yTest, yPred);
console.log(report);

const recalls = matrix.map((row, i) => row[i] / row.reduce((a, b) => a + b, 0));
export const lowestRecall = recalls.indexOf(Math.min(...recalls));

show.confusionMatrix(yTest, yPred, { classNames: mnist.classNames, images: mnist.xTest });
