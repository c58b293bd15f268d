import { defineExercise, fail, pass } from '../../contract/exercise.ts';
import { exportedTensor, expectShapes, firstValues } from '../checks.ts';

// The first labels of each part, as plain class indices (see 03-validation-split).
const FIRST_LABELS: Record<string, number[]> = {
  yTrain: [2, 7, 6, 6, 4, 0, 2, 8, 7, 7],
  yVal: [7, 8, 3, 3, 5, 7, 4, 5, 5, 9],
  yTest: [7, 2, 1, 0, 4, 1, 4, 9, 5, 9],
};

export default defineExercise({
  id: '05-one-hot',
  lesson: '05-one-hot',
  title: { ko: '레이블을 원-핫 벡터로', en: 'Labels as one-hot vectors' },
  datasets: ['mnist'],
  timeBudgetMs: 60_000,
  hints: {
    ko: [
      '레이블 3은 길이 10인 벡터 `[0, 0, 0, 1, 0, 0, 0, 0, 0, 0]`이 되어야 합니다. 케라스의 `to_categorical`은 여기서 `toCategorical`입니다.',
      '학습, 검증, 테스트 레이블 셋 모두 바꿔야 합니다: `export const yVal = toCategorical(yValLabels);`',
    ],
    en: [
      "Label 3 should become the length-10 vector `[0, 0, 0, 1, 0, 0, 0, 0, 0, 0]`. Keras's `to_categorical` is `toCategorical` here.",
      'Convert all three sets, training, validation and test: `export const yVal = toCategorical(yValLabels);`',
    ],
  },
  checks: [
    {
      id: 'one-hot-shapes',
      title: { ko: '레이블마다 길이 10인 벡터', en: 'A length-10 vector per label' },
      run: (ctx) =>
        expectShapes(ctx, { yTrain: [42000, 10], yVal: [18000, 10], yTest: [10000, 10] }, {
          ko: '`toCategorical(레이블)`로 레이블마다 클래스 10개짜리 원-핫 벡터를 만드세요.',
          en: 'make a one-hot vector over the 10 classes for every label with `toCategorical(labels)`.',
        }),
    },
    {
      id: 'one-hot-values',
      title: { ko: '정답 자리에만 1', en: 'A single 1, at the right class' },
      async run(ctx) {
        for (const [name, labels] of Object.entries(FIRST_LABELS)) {
          const y = exportedTensor(ctx, name);
          if (!(y instanceof ctx.tf.Tensor)) return y;
          if (y.rank !== 2) {
            return fail({
              ko: `\`${name}\`이(가) 아직 원-핫 벡터가 아닙니다 (형태 [${y.shape.join(', ')}]): course의 \`toCategorical\`로 ${name}의 원래 레이블(\`${name}Labels\`)을 원-핫 행렬로 바꾸세요 ("숫자 하나를 벡터 열 칸으로" 절).`,
              en: `\`${name}\` is not one-hot yet (shape [${y.shape.join(', ')}]): turn its original labels (\`${name}Labels\`) into a one-hot matrix with the course's \`toCategorical\` (section "One number becomes ten slots").`,
            });
          }
          const rows = await firstValues(y, labels.length * 10);
          for (const [row, label] of labels.entries()) {
            const values = rows.slice(row * 10, row * 10 + 10);
            const ones = values.filter((v) => v === 1).length;
            const zeros = values.filter((v) => v === 0).length;
            if (ones !== 1 || zeros !== 9 || values[label] !== 1) {
              return fail({
                ko: `\`${name}\`의 ${row}번째 행이 [${values.join(', ')}]인데, 레이블 ${label}의 원-핫 벡터는 ${label}번 자리만 1입니다: 원래 레이블을 그대로 \`toCategorical\`에 넘기세요.`,
                en: `row ${row} of \`${name}\` is [${values.join(', ')}], but the one-hot vector of label ${label} has its only 1 at index ${label}: pass the original labels to \`toCategorical\` unchanged.`,
              });
            }
          }
        }
        return pass();
      },
    },
  ],
});
