import * as tf from '@tensorflow/tfjs';
import { loadData, toCategorical, show } from 'course';

// ko: 13강의 준비: 분할, 스케일링, 원-핫. 이미지는 28×28 그대로입니다.
// ko: loadData가 3–4강의 분할(randomState 777)과 255로 나누기를 불러오면서
// ko: 합니다. 행은 같고 메모리는 약 3분의 1만 씁니다.
// en: Lesson 13's preparation: split, scale, one-hot. The images stay 28×28.
// en: loadData does lessons 3–4's split (randomState 777) and /255 while
// en: loading: same rows, about a third of the memory.
const fashion = await loadData('fashion-mnist', { validation: { testSize: 0.3, randomState: 777 }, scale: true });
const xTrain = fashion.xTrain;
const xVal = fashion.xVal;
const yTrain = toCategorical(fashion.yTrain);
const yVal = toCategorical(fashion.yVal);

// ko: 채점은 짧게 2 에포크로 합니다. 30으로 바꾸면 책의 실험이 됩니다
// ko: (브라우저에서 몇 분 걸립니다).
// en: Grading uses a short 2-epoch run. Change it to 30 for the book's
// en: experiment (a few minutes in the browser).
const EPOCHS = 2;

async function train(model: tf.Sequential): Promise<tf.History> {
  model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['acc'] });
  return model.fit(xTrain, yTrain, { epochs: EPOCHS, batchSize: 128, validationData: [xVal, yVal] });
}

// ko: TODO: 첫 번째 모델: Flatten(입력 28×28) → Dense 64 relu
// ko:       → Dense 32 relu → Dense 10 softmax
// en: TODO: first model: Flatten (28×28 input) → Dense 64 relu
// en:       → Dense 32 relu → Dense 10 softmax
// Keras: first_model.add(Flatten(input_shape=(28, 28)))
export const firstModel = tf.sequential();

// ko: TODO: 두 번째 모델은 더 깊게: Flatten → Dense 128 → Dense 128
// ko:       → Dense 32 (모두 relu) → Dense 10 softmax
// en: TODO: the second model goes deeper: Flatten → Dense 128 → Dense 128
// en:       → Dense 32 (all relu) → Dense 10 softmax
export const secondModel = tf.sequential();

// ko: TODO: 두 모델을 train()으로 학습하세요.
// en: TODO: train both models with train().
// Keras: first_history = first_model.fit(...)
//        second_history = second_model.fit(...)
export const firstHistory = undefined;
export const secondHistory = undefined;

// ko: TODO: 두 학습 곡선을 나란히 그리세요.
// en: TODO: draw both sets of curves side by side.
// show.compare([
//   { label: '64-32-10', history: firstHistory },
//   { label: '128-128-32-10', history: secondHistory },
// ], { title: 'Fashion-MNIST' });
