import * as tf from '@tensorflow/tfjs';
import { loadData, toCategorical, saveModel, show } from 'course';

// ko: 9강까지의 준비: 분할, 펼치기와 스케일링, 원-핫, 모델, compile.
// en: Everything up to lesson 9: split, flatten and scale, one-hot, model,
// en: compile.
// ko: loadData가 3–4강의 분할(randomState 777), 255로 나누기, 펼치기를
// ko: 불러오면서 합니다. 행은 같고 메모리는 약 3분의 1만 씁니다.
// en: loadData does lessons 3–4's split (randomState 777), /255 and
// en: flattening while loading: same rows, about a third of the memory.
const mnist = await loadData('mnist', { validation: { testSize: 0.3, randomState: 777 }, scale: true, flatten: true });
const xTrain = mnist.xTrain;
export const xVal = mnist.xVal;
const yTrain = toCategorical(mnist.yTrain);
export const yVal = toCategorical(mnist.yVal);

export const model = tf.sequential();
model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [784] }));
model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
model.add(tf.layers.dense({ units: 10, activation: 'softmax' }));
model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['acc'] });

// ko: 채점은 짧게 3 에포크로 합니다.
// ko: 30으로 바꾸면 조기 종료가 실제로 멈추는 모습을 볼 수 있습니다.
// en: Grading uses a short run of 3 epochs; change it to 30 to watch
// en: early stopping actually stop.
const EPOCHS = 3;

// ko: 검증 손실이 가장 낮았던 에포크의 가중치를 기억했다가
// ko: 학습이 끝나면 되돌립니다.
// ko: Keras: EarlyStopping(restore_best_weights=True)
// ko:        또는 ModelCheckpoint(save_best_only=True)
// en: Remembers the weights of the epoch with the lowest validation loss
// en: and puts them back when training ends.
// en: Keras: EarlyStopping(restore_best_weights=True)
// en:        or ModelCheckpoint(save_best_only=True)
export function keepBest(target: tf.LayersModel): tf.CustomCallback {
  let bestLoss = Infinity;
  let bestWeights: tf.Tensor[] = [];
  return new tf.CustomCallback({
    onEpochEnd: async (epoch, logs) => {
      const valLoss = logs?.val_loss ?? Infinity;
      // ko: TODO: valLoss가 bestLoss보다 작으면 bestLoss를 바꾸고,
      // ko:       이전 사본을 dispose한 뒤
      // ko:       가중치의 사본(clone)을 bestWeights에 담으세요.
      // en: TODO: when valLoss is below bestLoss, update bestLoss,
      // en:       dispose the old copies and keep clones of the weights
      // en:       in bestWeights.
    },
    onTrainEnd: async () => {
      // ko: TODO: 가장 좋았던 가중치를 모델에 되돌려 놓으세요.
      // en: TODO: put the best weights back into the model.
    },
  });
}

// ko: TODO: 검증 손실을 지켜보다 3 에포크 동안 나아지지 않으면 멈추는
// ko:       조기 종료 콜백을 만드세요.
// en: TODO: make an early-stopping callback that watches the validation loss
// en:       and stops after 3 epochs without improvement.
// Keras: early_stop = EarlyStopping(monitor='val_loss', patience=3)
export const earlyStop = undefined;

// ko: TODO: 두 콜백을 fit에 넘기세요: callbacks: [earlyStop, keepBest(model)]
// en: TODO: pass both callbacks to fit: callbacks: [earlyStop, keepBest(model)]
export const history = await model.fit(xTrain, yTrain, {
  epochs: EPOCHS,
  batchSize: 128,
  validationData: [xVal, yVal],
});
show.history(history, { title: 'MNIST' });

// ko: TODO: 검증 손실이 가장 낮았던 에포크를 1부터 세어 구하세요
// ko:       (그래프의 가로축처럼).
// en: TODO: find the epoch with the lowest validation loss, counting from 1
// en:       (like the plot's x axis).
const valLoss = history.history.val_loss as number[];
export const bestEpoch = 0;

// ko: TODO: 모델을 'mnist'라는 이름으로 저장하세요.
// ko:       17강의 손글씨 패드가 이 모델을 불러옵니다.
// en: TODO: save the model under the name 'mnist'.
// en:       The drawing pad in lesson 17 loads it.
export const saved = undefined;
