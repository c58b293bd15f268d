// expect-fail: params
import * as tf from '@tensorflow/tfjs';

// Without flattening, Dense works on the last axis only: the output is [null, 28, 10].
export const model = tf.sequential();
model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [28, 28] }));
model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
model.add(tf.layers.dense({ units: 10, activation: 'softmax' }));
