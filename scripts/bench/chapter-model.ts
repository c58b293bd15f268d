// The chapter's model as the Node bench builds it: 784-64-32-10,
// relu/relu/softmax, Adam, categorical cross-entropy, accuracy.
import type * as tfType from '@tensorflow/tfjs';

export function chapterModel(tf: typeof tfType): tfType.Sequential {
  const model = tf.sequential({
    layers: [
      tf.layers.dense({ units: 64, activation: 'relu', inputShape: [784] }),
      tf.layers.dense({ units: 32, activation: 'relu' }),
      tf.layers.dense({ units: 10, activation: 'softmax' }),
    ],
  });
  model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['acc'] });
  return model;
}
