import * as tf from '@tensorflow/tfjs';
import { loadData, toCategorical, show } from 'course';

// ko: 지금까지의 준비: 분할, 펼치기와 스케일링, 원-핫, 모델, compile.
// en: Everything so far: split, flatten and scale, one-hot, model, compile.
// ko: loadData가 3–4강의 분할(randomState 777), 255로 나누기, 펼치기를
// ko: 불러오면서 합니다. 행은 같고 메모리는 약 3분의 1만 씁니다.
// en: loadData does lessons 3–4's split (randomState 777), /255 and
// en: flattening while loading: same rows, about a third of the memory.
const mnist = await loadData('mnist', { validation: { testSize: 0.3, randomState: 777 }, scale: true, flatten: true });
export const xTrain = mnist.xTrain;
const xVal = mnist.xVal;
const yTrain = toCategorical(mnist.yTrain);
const yVal = toCategorical(mnist.yVal);

const model = tf.sequential();
model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [784] }));
model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
model.add(tf.layers.dense({ units: 10, activation: 'softmax' }));
model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['acc'] });

// ko: TODO: 배치 크기 128로 3 에포크 학습하고,
// ko:       검증 데이터를 넘겨 에포크마다 검증 성능도 보세요.
// en: TODO: train for 3 epochs with batch size 128, passing the validation
// en:       data to score every epoch.
// Keras: history = model.fit(x_train, y_train, epochs=30, batch_size=128,
//                            validation_data=(x_val, y_val))
export const history = undefined;

// show.history(history, { title: 'MNIST' });
