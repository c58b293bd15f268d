// expect-fail: flat-shape
import * as tf from '@tensorflow/tfjs';

const images = tf.tensor3d([
  [[0, 128, 255], [64, 32, 16]],
  [[255, 255, 0], [0, 10, 20]],
]);
export const flat = images;
export const scaled = images.div(255);
