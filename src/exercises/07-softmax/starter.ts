import * as tf from '@tensorflow/tfjs';
import { show } from 'course';

const burgers = ['bulgogi', 'cheese', 'chicken'];
// ko: 모델이 낸 점수(로짓) 두 가지.
// en: Two sets of scores (logits) a model might output.
const close = tf.tensor1d([3.1, 3.0, 2.9]);
const clear = tf.tensor1d([2.0, 1.0, 0.7]);

// ko: TODO 1: 두 점수를 softmax로 확률로 바꾸세요 (tf.softmax 또는 exp / 합).
// en: TODO 1: turn both sets of scores into probabilities with softmax
// en:         (tf.softmax, or exp / sum).
export const softmaxClose = close;
export const softmaxClear = clear;

// ko: TODO 2: 비교를 위해 같은 점수에 sigmoid를 적용하세요 (tf.sigmoid).
// en: TODO 2: for comparison, apply sigmoid to the same scores (tf.sigmoid).
export const sigmoidClose = close;

console.log(softmaxClose);
console.log(softmaxClear);
console.log(sigmoidClose);
console.log('softmax sum', softmaxClose.sum().dataSync()[0], 'sigmoid sum', sigmoidClose.sum().dataSync()[0]);
show.probabilities(softmaxClose, { labels: burgers, title: 'softmax (3.1, 3.0, 2.9)' });
show.probabilities(softmaxClear, { labels: burgers, title: 'softmax (2.0, 1.0, 0.7)' });
