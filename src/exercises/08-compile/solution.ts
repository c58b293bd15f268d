import * as tf from '@tensorflow/tfjs';
import { show } from 'course';

export const model = tf.sequential();
model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [784] }));
model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
model.add(tf.layers.dense({ units: 10, activation: 'softmax' }));

model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['acc'] });

const yTrue = tf.tensor2d([[1, 0, 0], [1, 0, 0], [1, 0, 0]]);
const yPred = tf.tensor2d([
  [0.98, 0.01, 0.01],
  [0.4, 0.3, 0.3],
  [0.01, 0.98, 0.01],
]);

export const losses = yTrue.mul(yPred.log()).sum(1).neg();

console.log(losses);
// ko: 그림의 점 1, 2, 3은 yPred의 세 행입니다.
// en: Points 1, 2 and 3 in the picture are yPred's three rows.
show.crossEntropy({ losses });
