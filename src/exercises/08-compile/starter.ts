import * as tf from '@tensorflow/tfjs';
import { show } from 'course';

export const model = tf.sequential();
model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [784] }));
model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
model.add(tf.layers.dense({ units: 10, activation: 'softmax' }));

// ko: TODO 1: 옵티마이저 'adam', 손실 'categoricalCrossentropy',
// ko:         평가지표 ['acc']로 compile하세요.
// en: TODO 1: compile with optimizer 'adam', loss 'categoricalCrossentropy'
// en:         and metrics ['acc'].
// Keras: model.compile(optimizer='adam', loss='categorical_crossentropy',
//                      metrics=['acc'])

// ko: 세 예측 모두 정답은 클래스 0입니다.
// en: The true class is 0 in all three rows.
const yTrue = tf.tensor2d([[1, 0, 0], [1, 0, 0], [1, 0, 0]]);
const yPred = tf.tensor2d([
  // ko: 확신하고 맞음
  // en: confident and right
  [0.98, 0.01, 0.01],
  // ko: 애매함
  // en: unsure
  [0.4, 0.3, 0.3],
  // ko: 확신하고 틀림
  // en: confident and wrong
  [0.01, 0.98, 0.01],
]);

// ko: TODO 2: 행마다 크로스 엔트로피 −Σ y·log(p)를 계산하세요 (결과 형태 [3]).
// en: TODO 2: compute each row's cross-entropy −Σ y·log(p) (result shape [3]).
export const losses = tf.zeros([3]);

console.log(losses);
// ko: 그림의 점 1, 2, 3은 yPred의 세 행입니다.
// en: Points 1, 2 and 3 in the picture are yPred's three rows.
show.crossEntropy({ losses });
