import * as tf from '@tensorflow/tfjs';
import { loadData, trainTestSplit, toCategorical, show } from 'course';

// 지금까지의 준비: 분할, 펼치기와 스케일링, 원-핫, 모델, compile.
// Everything so far: split, flatten and scale, one-hot, model, compile.
const mnist = await loadData('mnist');
const [xTrainRaw, xValRaw, yTrainRaw, yValRaw] = trainTestSplit(mnist.xTrain, mnist.yTrain, { testSize: 0.3, randomState: 777 });
export const xTrain = xTrainRaw.reshape([-1, 784]).div(255);
const xVal = xValRaw.reshape([-1, 784]).div(255);
const yTrain = toCategorical(yTrainRaw);
const yVal = toCategorical(yValRaw);

const model = tf.sequential();
model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [784] }));
model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
model.add(tf.layers.dense({ units: 10, activation: 'softmax' }));
model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['acc'] });

// TODO: 배치 크기 128로 3 에포크 학습하고, 검증 데이터를 넘겨 에포크마다 검증 성능도 보세요.
// TODO: train for 3 epochs with batch size 128, passing the validation data to score every epoch.
// Keras: history = model.fit(x_train, y_train, epochs=30, batch_size=128, validation_data=(x_val, y_val))
export const history = undefined;

// show.history(history, { title: 'MNIST' });
