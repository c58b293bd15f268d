// expect-fail: softmax
import * as tf from '@tensorflow/tfjs';

const close = tf.tensor1d([3.1, 3.0, 2.9]);
const clear = tf.tensor1d([2.0, 1.0, 0.7]);
export const softmaxClose = close.exp();
export const softmaxClear = clear.exp();
export const sigmoidClose = tf.sigmoid(close);
