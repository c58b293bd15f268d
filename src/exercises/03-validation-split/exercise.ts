import { defineExercise, fail, pass } from '../../contract/exercise.ts';
import { exportedTensor, expectShapes, firstValues } from '../checks.ts';

// scikit-learn 1.2's train_test_split(…, test_size=0.3, random_state=777) on
// the MNIST training labels starts like this (computed with scikit-learn).
const BOOK_Y_TRAIN = [2, 7, 6, 6, 4, 0, 2, 8, 7, 7];
const BOOK_Y_VAL = [7, 8, 3, 3, 5, 7, 4, 5, 5, 9];
// Grey-level sums of the first image of each part (original indices 46540 and 11130).
const BOOK_X_TRAIN_0_SUM = 29591;
const BOOK_X_VAL_0_SUM = 23022;

const sizesFix = {
  ko: '`trainTestSplit`으로 `xAll`과 `yAll`의 30%(18,000개)를 검증용으로 떼어 내세요: 비율은 `testSize`, 매번 같은 분할은 `randomState` 777입니다 ("trainTestSplit" 절).',
  en: 'hold out 30% (18,000 samples) of `xAll` and `yAll` with `trainTestSplit`: the share is `testSize`, and `randomState` 777 gives the same split every time (section "trainTestSplit").',
};

export default defineExercise({
  id: '03-validation-split',
  lesson: '03-validation-split',
  title: { ko: '검증 데이터 떼어 내기', en: 'Hold out a validation set' },
  datasets: ['mnist'],
  timeBudgetMs: 60_000,
  hints: {
    ko: [
      '`trainTestSplit`은 scikit-learn의 `train_test_split`과 같습니다. 나눌 배열을 차례로 넘기고, 마지막에 옵션 객체를 넘깁니다.',
      '옵션 이름은 카멜 표기입니다: `test_size` → `testSize`, `random_state` → `randomState`.',
      '돌려받는 순서는 `[xTrain, xVal, yTrain, yVal]`입니다: `trainTestSplit(xAll, yAll, { testSize: 0.3, randomState: 777 })`.',
    ],
    en: [
      "`trainTestSplit` is scikit-learn's `train_test_split`: pass the arrays to split, then an options object last.",
      'Option names are camelCase: `test_size` → `testSize`, `random_state` → `randomState`.',
      'It returns `[xTrain, xVal, yTrain, yVal]` in that order: `trainTestSplit(xAll, yAll, { testSize: 0.3, randomState: 777 })`.',
    ],
  },
  checks: [
    {
      id: 'split-sizes',
      title: { ko: '70/30으로 나눴다', en: 'Split 70/30' },
      run: (ctx) =>
        expectShapes(ctx, { xTrain: [42000, 28, 28], yTrain: [42000], xVal: [18000, 28, 28], yVal: [18000] }, sizesFix),
    },
    {
      id: 'book-split',
      title: { ko: '책과 같은 분할 (randomState 777)', en: "The book's split (randomState 777)" },
      async run(ctx) {
        const tensors = ['xTrain', 'xVal', 'yTrain', 'yVal'].map((name) => exportedTensor(ctx, name));
        for (const t of tensors) if (!(t instanceof ctx.tf.Tensor)) return t;
        const [xTrain, xVal, yTrain, yVal] = tensors as InstanceType<typeof ctx.tf.Tensor>[];
        const yTrainHead = await firstValues(yTrain, BOOK_Y_TRAIN.length);
        const yValHead = await firstValues(yVal, BOOK_Y_VAL.length);
        if (yTrainHead.join() !== BOOK_Y_TRAIN.join() || yValHead.join() !== BOOK_Y_VAL.join()) {
          return fail({
            ko: `yTrain이 [${yTrainHead.join(', ')}…]로 시작하는데, 책의 분할은 [${BOOK_Y_TRAIN.join(', ')}…]로 시작합니다: \`randomState: 777\`을 넘기세요 (다른 시드나 시드 없이는 섞이는 순서가 달라집니다).`,
            en: `yTrain starts [${yTrainHead.join(', ')}…] but the book's split starts [${BOOK_Y_TRAIN.join(', ')}…]: pass \`randomState: 777\` (another seed, or none, shuffles differently).`,
          });
        }
        const sums = await Promise.all([xTrain, xVal].map(async (x) => (await firstValues(x, 28 * 28)).reduce((a, b) => a + b, 0)));
        if (Math.round(sums[0]) !== BOOK_X_TRAIN_0_SUM || Math.round(sums[1]) !== BOOK_X_VAL_0_SUM) {
          return fail({
            ko: '레이블은 책과 같게 나뉘었지만 이미지는 아닙니다: 이미지와 레이블을 같은 `trainTestSplit` 호출에 함께 넘겨야 짝이 유지됩니다.',
            en: 'the labels are split as in the book but the images are not: pass images and labels to the same `trainTestSplit` call so they stay paired.',
          });
        }
        return pass();
      },
    },
  ],
});
