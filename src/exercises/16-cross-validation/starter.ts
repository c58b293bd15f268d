import * as tf from '@tensorflow/tfjs';
import { loadData, toCategorical, stratifiedKFold, type Fold } from 'course';

// ko: 데이터가 적은 상황을 흉내 냅니다: 훈련 이미지 중 처음 5,000장만 씁니다.
// en: Pretend data is scarce: use only the first 5,000 training images.
const mnist = await loadData('mnist');
const N = 5000;
const x = mnist.xTrain.slice(0, N).reshape([N, 784]).div(255);
export const labels = mnist.yTrain.slice(0, N);
const y = toCategorical(labels);

// ko: 폴드마다 새 모델이 필요합니다: 이전 폴드에서 학습한 모델은
// ko: 다음 폴드의 검증 데이터를 이미 보았습니다.
// en: Every fold needs a fresh model: one trained on an earlier fold has
// en: already seen the next fold's validation data.
function buildModel(): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [784] }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 10, activation: 'softmax' }));
  model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['acc'] });
  return model;
}
const EPOCHS = 3;

// ko: TODO: 클래스 비율을 지키는 5겹 분할을 만드세요 (섞고, randomState 777).
// en: TODO: make 5 stratified folds (shuffled, randomState 777).
// scikit-learn: StratifiedKFold(n_splits=5, shuffle=True, random_state=777)
//                   .split(x, labels)
export const folds: Fold[] = [];

// ko: TODO: 폴드마다: 새 모델을 만들고, trainIndex의 샘플로 학습하고,
// ko:       testIndex의 샘플로 평가해 정확도를 모으세요.
// ko: 힌트: tf.gather(x, trainIndex), model.evaluate(…) → [손실, 정확도]
// en: TODO: for each fold: build a fresh model, train on the trainIndex
// en:       samples, evaluate on the testIndex samples and collect the
// en:       accuracy.
// en: hint: tf.gather(x, trainIndex), model.evaluate(…) → [loss, acc]
export const foldScores: number[] = [];

// ko: TODO: 정확도의 평균과 표준편차.
// en: TODO: the mean and the standard deviation of the accuracies.
// numpy: np.mean(scores), np.std(scores)
export const meanScore = 0;
export const stdScore = 0;
console.log(`accuracy ${meanScore.toFixed(4)} ± ${stdScore.toFixed(4)}`);
