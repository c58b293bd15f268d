import { defineExercise, fail, pass } from '../../contract/exercise.ts';
import { closeTo, exportedTensor, expectShapes, FLOAT32_TOLERANCE } from '../checks.ts';

const PIXELS = [0, 128, 255, 64, 32, 16, 255, 255, 0, 0, 10, 20];

export default defineExercise({
  id: '01-tensor-basics',
  lesson: '01-introduction',
  title: { ko: '텐서 펼치고 스케일 바꾸기', en: 'Flatten and scale a tensor' },
  datasets: [],
  timeBudgetMs: 20_000,
  hints: {
    ko: [
      'numpy의 `x.reshape((2, 6))`은 TensorFlow.js에서 `x.reshape([2, 6])`입니다. 형태를 튜플이 아니라 배열로 넘깁니다.',
      '`/ 255` 연산자는 텐서에 쓸 수 없습니다. 대신 `flat.div(255)`를 쓰세요.',
      '정답의 두 줄: `export const flat = images.reshape([2, 6]);` 그리고 `export const scaled = flat.div(255);`',
    ],
    en: [
      "numpy's `x.reshape((2, 6))` is `x.reshape([2, 6])` in TensorFlow.js: the shape is an array, not a tuple.",
      'The `/ 255` operator does not work on tensors. Use `flat.div(255)` instead.',
      'The two lines: `export const flat = images.reshape([2, 6]);` and `export const scaled = flat.div(255);`',
    ],
  },
  checks: [
    {
      id: 'flat-shape',
      title: { ko: '이미지마다 한 줄로 펼쳤다', en: 'Each image is one row' },
      run: (ctx) =>
        expectShapes(ctx, { flat: [2, 6] }, {
          ko: '이미지 두 장이 각각 숫자 6개짜리 한 줄이 되어야 합니다: 텐서의 `reshape` 메서드에 새 형태를 튜플이 아니라 배열로 넘기세요 ("케라스 코드를 TensorFlow.js로 읽기" 절).',
          en: 'each of the two images should become one row of 6 numbers: give the tensor\'s `reshape` method the new shape as an array, not a tuple (section "Reading Keras as TensorFlow.js").',
        }),
    },
    {
      id: 'scaled-range',
      title: { ko: '값을 0–1 범위로 바꿨다', en: 'Values are scaled to 0–1' },
      async run(ctx) {
        const shape = expectShapes(ctx, { scaled: [2, 6] }, {
          ko: '`scaled`는 `flat`과 형태가 같고 값만 255로 나눈 텐서여야 합니다: `images`가 아니라 펼친 `flat`에서 시작하세요.',
          en: '`scaled` should keep `flat`\'s shape with every value divided by 255: start from the flattened `flat`, not from `images`.',
        });
        if (shape.status !== 'passed') return shape;
        const scaled = exportedTensor(ctx, 'scaled');
        if (!(scaled instanceof ctx.tf.Tensor)) return scaled;
        const values = Array.from(await scaled.data());
        const max = Math.max(...values);
        if (max > 1) {
          return fail({
            ko: `가장 큰 값이 ${max}입니다: 값이 0–1 범위에 있어야 하므로 255로 나눠야 합니다. 텐서에는 \`/\` 연산자 대신 나눗셈 메서드를 씁니다 (힌트 2).`,
            en: `the largest value is ${max}: the values should lie in 0–1, so divide by 255. Tensors use a division method, not the \`/\` operator (hint 2).`,
          });
        }
        const wrongAt = values.findIndex((v, i) => !closeTo(v, PIXELS[i] / 255, FLOAT32_TOLERANCE));
        if (wrongAt !== -1) {
          return fail({
            ko: `${wrongAt}번째 값이 ${values[wrongAt].toFixed(4)}인데 ${PIXELS[wrongAt]} / 255 = ${(PIXELS[wrongAt] / 255).toFixed(4)}이어야 합니다: 순서를 바꾸지 말고 255로만 나누세요.`,
            en: `value ${wrongAt} is ${values[wrongAt].toFixed(4)} but should be ${PIXELS[wrongAt]} / 255 = ${(PIXELS[wrongAt] / 255).toFixed(4)}: keep the order and only divide by 255.`,
          });
        }
        return pass();
      },
    },
  ],
});
