import * as tf from '@tensorflow/tfjs';

const images = tf.tensor3d([
  [[0, 128, 255], [64, 32, 16]],
  [[255, 255, 0], [0, 10, 20]],
]);
console.log('images.shape', images.shape);

export const flat = images.reshape([2, 6]);
export const scaled = flat.div(255);

console.log('flat.shape', flat.shape);
console.log(scaled);
