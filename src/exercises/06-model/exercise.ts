import type * as tfType from '@tensorflow/tfjs';
import { defineExercise, fail, pass, type CheckContext, type CheckOutcome } from '../../contract/exercise.ts';
import { exportedModel, isOutcome } from '../checks.ts';

const UNITS = [64, 32, 10];
const ACTIVATIONS = ['relu', 'relu', 'softmax'];
const TOTAL_PARAMS = 784 * 64 + 64 + (64 * 32 + 32) + (32 * 10 + 10); // 52,650

interface DenseInfo {
  units: number;
  activation: string;
}

/** The exported model's Dense layers, or the outcome to report instead. */
function denseLayers(ctx: CheckContext): { model: tfType.LayersModel; dense: DenseInfo[] } | CheckOutcome {
  const model = exportedModel(ctx);
  if (isOutcome(model)) return model;
  const dense = model.layers
    .filter((layer) => layer.getClassName() === 'Dense')
    .map((layer) => {
      const config = layer.getConfig();
      return { units: Number(config.units), activation: String(config.activation) };
    });
  return { model, dense };
}

const list = (values: unknown[]): string => `[${values.join(', ')}]`;

export default defineExercise({
  id: '06-model',
  lesson: '06-model',
  title: { ko: '784 → 64 → 32 → 10 모델 만들기', en: 'Build the 784 → 64 → 32 → 10 model' },
  datasets: [],
  timeBudgetMs: 20_000,
  hints: {
    ko: [
      '케라스의 `Dense(32, activation=\'relu\')`는 `tf.layers.dense({ units: 32, activation: \'relu\' })`입니다. `model.add(…)`로 차례로 쌓습니다.',
      '입력 형태는 첫 층에만 적습니다. 마지막 층은 클래스 수만큼(10개) 출력하고, 확률을 내도록 `softmax`를 씁니다.',
      '더할 두 줄: `model.add(tf.layers.dense({ units: 32, activation: \'relu\' }));` 그리고 `model.add(tf.layers.dense({ units: 10, activation: \'softmax\' }));`',
    ],
    en: [
      "Keras's `Dense(32, activation='relu')` is `tf.layers.dense({ units: 32, activation: 'relu' })`; stack layers in order with `model.add(…)`.",
      'Only the first layer takes the input shape. The last layer has one output per class (10) and uses `softmax` to give probabilities.',
      "The two lines to add: `model.add(tf.layers.dense({ units: 32, activation: 'relu' }));` and `model.add(tf.layers.dense({ units: 10, activation: 'softmax' }));`",
    ],
  },
  checks: [
    {
      id: 'layers',
      title: { ko: 'Dense 층 세 개', en: 'Three Dense layers' },
      run(ctx) {
        const found = denseLayers(ctx);
        if (isOutcome(found)) return found;
        if (found.dense.length === 3) return pass();
        return fail({
          ko: `Dense 층이 ${found.dense.length}개입니다: 64 → 32 → 10, 모두 세 개를 \`model.add\`로 쌓으세요.`,
          en: `found ${found.dense.length} Dense layer(s): stack three with \`model.add\`, 64 → 32 → 10.`,
        });
      },
    },
    {
      id: 'units',
      title: { ko: '층마다 출력 수 64, 32, 10', en: 'Units 64, 32, 10' },
      run(ctx) {
        const found = denseLayers(ctx);
        if (isOutcome(found)) return found;
        const units = found.dense.map((d) => d.units);
        if (list(units) === list(UNITS)) return pass();
        return fail({
          ko: `층의 출력 수가 ${list(units)}인데 ${list(UNITS)}이어야 합니다: 마지막 층은 숫자 클래스 10개마다 하나씩 출력합니다.`,
          en: `expected units ${list(UNITS)}, got ${list(units)}: the last layer has one output for each of the 10 digit classes.`,
        });
      },
    },
    {
      id: 'activations',
      title: { ko: '활성화 함수 relu, relu, softmax', en: 'Activations relu, relu, softmax' },
      run(ctx) {
        const found = denseLayers(ctx);
        if (isOutcome(found)) return found;
        const activations = found.dense.map((d) => d.activation);
        if (list(activations) === list(ACTIVATIONS)) return pass();
        const last = activations[activations.length - 1];
        return fail({
          ko: `활성화 함수가 ${list(activations)}인데 ${list(ACTIVATIONS)}이어야 합니다${last !== 'softmax' ? ': 다중 분류의 출력층은 합이 1인 확률을 내는 `softmax`를 씁니다' : ''}.`,
          en: `expected activations ${list(ACTIVATIONS)}, got ${list(activations)}${last !== 'softmax' ? ': a multi-class output layer uses `softmax`, whose outputs are probabilities that sum to 1' : ''}.`,
        });
      },
    },
    {
      id: 'params',
      title: { ko: '784차원 입력, 파라미터 52,650개', en: '784 inputs, 52,650 parameters' },
      run(ctx) {
        const found = denseLayers(ctx);
        if (isOutcome(found)) return found;
        const count = found.model.countParams();
        if (count === TOTAL_PARAMS) return pass();
        const input = found.model.inputs[0].shape.map((d) => d ?? 'null');
        if (list(input) !== list(['null', 784])) {
          return fail({
            ko: `파라미터가 ${count.toLocaleString('ko')}개입니다. 입력 형태가 [${input.join(', ')}]이기 때문입니다: 펼친 이미지를 받도록 첫 층에 \`inputShape: [784]\`를 주세요.`,
            en: `the model has ${count.toLocaleString('en')} parameters because its input shape is [${input.join(', ')}]: give the first layer \`inputShape: [784]\` so it takes flattened images.`,
          });
        }
        return fail({
          ko: `파라미터가 ${count.toLocaleString('ko')}개인데 52,650개여야 합니다 (784·64+64 + 64·32+32 + 32·10+10): 층의 크기를 확인하세요.`,
          en: `the model has ${count.toLocaleString('en')} parameters, expected 52,650 (784·64+64 + 64·32+32 + 32·10+10): check the layer sizes.`,
        });
      },
    },
  ],
});
