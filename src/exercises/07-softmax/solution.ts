import * as tf from '@tensorflow/tfjs';
import { show } from 'course';

const burgers = ['bulgogi', 'cheese', 'chicken'];
const close = tf.tensor1d([3.1, 3.0, 2.9]);
const clear = tf.tensor1d([2.0, 1.0, 0.7]);

export const softmaxClose = tf.softmax(close);
// ko: 같은 계산을 직접: 지수를 취한 뒤 합으로 나눕니다.
// en: The same thing by hand: exponentiate, then divide by the sum.
export const softmaxClear = clear.exp().div(clear.exp().sum());

export const sigmoidClose = tf.sigmoid(close);

console.log(softmaxClose);
console.log(softmaxClear);
console.log(sigmoidClose);
console.log('softmax sum', softmaxClose.sum().dataSync()[0], 'sigmoid sum', sigmoidClose.sum().dataSync()[0]);
show.probabilities(softmaxClose, { labels: burgers, title: 'softmax (3.1, 3.0, 2.9)' });
show.probabilities(softmaxClear, { labels: burgers, title: 'softmax (2.0, 1.0, 0.7)' });
