// expect-fail: scaled-range
import * as tf from '@tensorflow/tfjs';

const images = tf.tensor3d([
  [[0, 128, 255], [64, 32, 16]],
  [[255, 255, 0], [0, 10, 20]],
]);
export const flat = images.reshape([2, 6]);
export const scaled = flat;
