import { defineExercise, fail, pass, type CheckContext } from '../../contract/exercise.ts';
import { exportedTensor, expectShapes, FLOAT32_TOLERANCE, type Tensor } from '../checks.ts';

const NAMES = ['xTrain', 'xVal', 'xTest'];

export default defineExercise({
  id: '04-preprocessing',
  lesson: '04-preprocessing',
  title: { ko: '펼치고 0–1로 스케일 맞추기', en: 'Flatten and scale to 0–1' },
  datasets: ['mnist'],
  timeBudgetMs: 60_000,
  hints: {
    ko: [
      'Dense 층은 한 샘플을 1차원 벡터로 받습니다. `x.reshape([개수, 784])`로 (28, 28) 이미지를 784개 숫자로 펼칩니다. 개수는 `x.shape[0]`입니다.',
      '텐서에는 `/` 연산자를 쓸 수 없으니 `.div(255)`로 나눕니다. 두 연산은 이어 쓸 수 있습니다: `x.reshape(…).div(255)`.',
      '예: `export const xTrain = xTrainRaw.reshape([xTrainRaw.shape[0], 28 * 28]).div(255);` 나머지 둘도 같은 방식입니다.',
    ],
    en: [
      'A Dense layer takes each sample as a 1-D vector. `x.reshape([count, 784])` flattens the (28, 28) images into 784 numbers; the count is `x.shape[0]`.',
      'Tensors have no `/` operator: divide with `.div(255)`. The two calls chain: `x.reshape(…).div(255)`.',
      'For example `export const xTrain = xTrainRaw.reshape([xTrainRaw.shape[0], 28 * 28]).div(255);` and the same for the other two.',
    ],
  },
  checks: [
    {
      id: 'flattened',
      title: { ko: '784차원으로 펼쳤다', en: 'Flattened to 784 values' },
      run: (ctx) =>
        expectShapes(ctx, { xTrain: [42000, 784], xVal: [18000, 784], xTest: [10000, 784] }, {
          ko: '`reshape([개수, 28 * 28])`로 이미지마다 784개 숫자의 한 줄로 펼치세요.',
          en: 'flatten each image with `reshape([count, 28 * 28])` into one row of 784 values.',
        }),
    },
    {
      id: 'scaled',
      title: { ko: '0–1 범위로 스케일했다', en: 'Scaled to 0–1' },
      async run(ctx) {
        for (const name of NAMES) {
          const x = exportedTensor(ctx, name);
          if (!(x instanceof ctx.tf.Tensor)) return x;
          const [min, max] = await extremes(ctx.tf, x);
          if (max > 1 + FLOAT32_TOLERANCE || min < -FLOAT32_TOLERANCE) {
            return fail({
              ko: `\`${name}\`의 값이 ${round(min)}–${round(max)} 범위에 있습니다: 255로 나눠 0–1로 만드세요 (\`.div(255)\`). 신경망은 입력의 스케일에 민감합니다.`,
              en: `\`${name}\` ranges over ${round(min)}–${round(max)}: divide by 255 to get 0–1 (\`.div(255)\`). Neural networks are sensitive to the scale of their inputs.`,
            });
          }
          if (max < 0.99) {
            return fail({
              ko: `\`${name}\`의 최댓값이 ${round(max)}입니다: 255로 한 번만 나누면 가장 밝은 픽셀이 1이 됩니다.`,
              en: `the largest value of \`${name}\` is ${round(max)}: divide by 255 exactly once, so the brightest pixel becomes 1.`,
            });
          }
        }
        return pass();
      },
    },
  ],
});

async function extremes(tf: CheckContext['tf'], x: Tensor): Promise<[number, number]> {
  const [min, max] = tf.tidy(() => [x.min(), x.max()]);
  const values = [(await min.data())[0], (await max.data())[0]];
  min.dispose();
  max.dispose();
  return [values[0], values[1]];
}

const round = (v: number): string => String(Math.round(v * 1000) / 1000);
