// The chapter's model as the Node bench builds it: 784-64-32-10,
// relu/relu/softmax, Adam, categorical cross-entropy, accuracy; and the
// trainer-coverage variants (docs/bench.md), each changing one thing, which
// torch_mlp.py mirrors for the PyTorch peer:
//   dense-inputs  standardised pixels (lesson 4's StandardScaler: no zeros)
//   sgd           optimizer 'sgd' (learning rate 0.01)
//   rmsprop       optimizer 'rmsprop' (learning rate 0.001, decay 0.9)
//   sigmoid-bce   10 sigmoid outputs, binaryCrossentropy on the one-hot labels
//   dropout       Dropout(0.2) after each hidden layer
import type * as tfType from '@tensorflow/tfjs';

export const VARIANTS = ['chapter', 'dense-inputs', 'sgd', 'rmsprop', 'sigmoid-bce', 'dropout'] as const;
export type Variant = (typeof VARIANTS)[number];

export function chapterModel(tf: typeof tfType, variant: Variant = 'chapter'): tfType.Sequential {
  const dropout = () => (variant === 'dropout' ? [tf.layers.dropout({ rate: 0.2 })] : []);
  const model = tf.sequential({
    layers: [
      tf.layers.dense({ units: 64, activation: 'relu', inputShape: [784] }),
      ...dropout(),
      tf.layers.dense({ units: 32, activation: 'relu' }),
      ...dropout(),
      tf.layers.dense({ units: 10, activation: variant === 'sigmoid-bce' ? 'sigmoid' : 'softmax' }),
    ],
  });
  const optimizer = variant === 'sgd' ? 'sgd' : variant === 'rmsprop' ? 'rmsprop' : 'adam';
  model.compile({ optimizer, loss: variant === 'sigmoid-bce' ? 'binaryCrossentropy' : 'categoricalCrossentropy', metrics: ['acc'] });
  return model;
}

/** StandardScaler fitted on the training rows: (x − mean) / std per column, std 0 → 1 (as scikit-learn). */
export function standardise(train: Float32Array, others: Float32Array[], columns: number): void {
  const rows = train.length / columns;
  const mean = new Float64Array(columns);
  const sq = new Float64Array(columns);
  for (let i = 0; i < train.length; i++) {
    mean[i % columns]! += train[i]!;
    sq[i % columns]! += train[i]! * train[i]!;
  }
  const std = new Float64Array(columns);
  for (let c = 0; c < columns; c++) {
    mean[c]! /= rows;
    std[c] = Math.sqrt(Math.max(sq[c]! / rows - mean[c]! ** 2, 0)) || 1;
  }
  for (const data of [train, ...others]) for (let i = 0; i < data.length; i++) data[i] = (data[i]! - mean[i % columns]!) / std[i % columns]!;
}
