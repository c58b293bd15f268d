import * as tf from '@tensorflow/tfjs';
import { show } from 'course';

// ko: TODO: 책의 예제 모델을 만드세요:
// ko:       Flatten(입력 28×28) → Dense 128 relu → Dense 10 softmax
// en: TODO: build the book's example model:
// en:       Flatten (28×28 input) → Dense 128 relu → Dense 10 softmax
export const model = tf.sequential();

// ko: TODO: 구조를 출력하고 그려 보세요.
// en: TODO: print the structure and draw it.
// Keras: model.summary()
//        plot_model(model, show_shapes=True, show_layer_names=True)
// model.summary();
// show.summary(model);
// show.modelGraph(model);

// ko: TODO: 두 Dense 층의 파라미터 수를 공식으로 계산하세요:
// ko:       (입력 수 × 유닛 수) + 편향(유닛마다 1개)
// en: TODO: compute the parameter count of both Dense layers from the
// en:       formula: (inputs × units) + one bias per unit
export const denseParams = 0;
export const outputParams = 0;
console.log(denseParams + outputParams);
