import * as tf from '@tensorflow/tfjs';

// ko: 0–255 회색 값을 가진 2×3 크기의 작은 "이미지" 두 장
// ko: (MNIST 픽셀과 같은 범위)
// en: Two tiny 2×3 "images" with grey levels 0–255, like MNIST pixels
const images = tf.tensor3d([
  [[0, 128, 255], [64, 32, 16]],
  [[255, 255, 0], [0, 10, 20]],
]);
console.log('images.shape', images.shape); // numpy: images.shape

// ko: TODO 1: 이미지마다 한 줄(숫자 6개)로 펼치세요.
// en: TODO 1: flatten each image into one row of 6 numbers.
// numpy: images.reshape((2, 6))
export const flat = images;

// ko: TODO 2: 0–1 범위로 바꾸세요.
// en: TODO 2: scale to 0–1.
// numpy: flat / 255
export const scaled = flat;

console.log('flat.shape', flat.shape);
console.log(scaled);
