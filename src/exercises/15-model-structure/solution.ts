import * as tf from '@tensorflow/tfjs';
import { show } from 'course';

export const model = tf.sequential();
model.add(tf.layers.flatten({ inputShape: [28, 28] }));
model.add(tf.layers.dense({ units: 128, activation: 'relu' }));
model.add(tf.layers.dense({ units: 10, activation: 'softmax' }));

model.summary();
show.summary(model);
show.modelGraph(model);

export const denseParams = 28 * 28 * 128 + 128;
export const outputParams = 128 * 10 + 10;
console.log(denseParams + outputParams, model.countParams());
