import * as tf from '@tensorflow/tfjs';
import { show } from 'course';

export const model = tf.sequential();
// ko: 입력 형태는 첫 층에 꼭 적어야 합니다.
// en: The first layer must be told the input shape.
// Keras: model.add(Dense(64, activation='relu', input_shape=(784,)))
model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [784] }));

// ko: TODO: 32개 출력의 relu Dense 층과,
// ko:       10개 출력의 softmax Dense 층을 더하세요.
// en: TODO: add a Dense layer of 32 relu units
// en:       and an output Dense layer of 10 softmax units.
// Keras: model.add(Dense(32, activation='relu'))
//        model.add(Dense(10, activation='softmax'))

show.summary(model);
