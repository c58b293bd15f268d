// Exercise 13 · Fashion-MNIST: look at the samples with their names, then
// prepare the data as for MNIST (split, scale, one-hot), keeping 28×28 images
// for the Flatten layer of lesson 14. No training: the run takes seconds.
import type * as tfType from '@tensorflow/tfjs';
import { expectShapes, exportedTensor } from '../checks.ts';
import { defineExercise, fail, notAttempted, pass, type CheckContext, type CheckOutcome } from '../../contract/exercise.ts';
import type { ImagesPayload } from '../../contract/show.ts';

const SPLITS = [
  ['xTrain', 'yTrain', 42000],
  ['xVal', 'yVal', 18000],
  ['xTest', 'yTest', 10000],
] as const;

function maxOf(ctx: CheckContext, t: tfType.Tensor): number {
  return ctx.tf.tidy(() => t.max().dataSync()[0]);
}

export default defineExercise({
  id: '13-fashion-mnist',
  lesson: '13-fashion-mnist',
  title: { ko: 'Fashion-MNIST 살펴보고 준비하기', en: 'Explore and prepare Fashion-MNIST' },
  datasets: ['fashion-mnist'],
  timeBudgetMs: 60_000,
  hints: {
    ko: [
      '레이블 텐서를 `await fashion.yTrain.array()`로 숫자 배열로 꺼내면 `fashion.classNames[labels[0]]`로 이름을 찾을 수 있습니다. 격자 그림은 `show.images`에 `labels`, `classNames`, `count: 9`, `cols: 3`을 넘깁니다.',
      '준비는 MNIST와 같습니다: `trainTestSplit(fashion.xTrain, fashion.yTrain, { testSize: 0.3, randomState: 777 })`, 이미지는 `.div(255)`, 레이블은 `toCategorical(…)`. 테스트 데이터도 똑같이 바꿔야 합니다.',
      '정답: `show.images(fashion.xTrain, { labels: fashion.yTrain, classNames: fashion.classNames, count: 9, cols: 3 });` 그리고 `export const xTrain = xTrainRaw.div(255);`, `export const yTrain = toCategorical(yTrainRaw);`처럼 여섯 개를 모두 바꾸세요.',
    ],
    en: [
      'Read the label tensor as numbers with `await fashion.yTrain.array()`; then `fashion.classNames[labels[0]]` is the name. For the grid, give `show.images` the `labels`, `classNames`, `count: 9` and `cols: 3`.',
      'The preparation is the same as for MNIST: `trainTestSplit(fashion.xTrain, fashion.yTrain, { testSize: 0.3, randomState: 777 })`, images `.div(255)`, labels `toCategorical(…)`. The test data needs the same treatment.',
      'The answer: `show.images(fashion.xTrain, { labels: fashion.yTrain, classNames: fashion.classNames, count: 9, cols: 3 });` then change all six, like `export const xTrain = xTrainRaw.div(255);` and `export const yTrain = toCategorical(yTrainRaw);`.',
    ],
  },
  checks: [
    {
      id: 'first-name',
      title: { ko: '첫 번째 이미지의 클래스 이름', en: 'The class name of the first image' },
      async run(ctx) {
        const got = ctx.exports.firstLabelName;
        if (got === '' || got === undefined) {
          return notAttempted({ ko: '`firstLabelName`에 첫 번째 훈련 이미지의 클래스 이름을 담으세요.', en: 'put the class name of the first training image in `firstLabelName`.' });
        }
        const fashion = ctx.exports.fashion as { yTrain?: unknown; classNames?: string[] } | undefined;
        if (!fashion || !(fashion.yTrain instanceof ctx.tf.Tensor) || !Array.isArray(fashion.classNames)) {
          return notAttempted({ ko: '시작 코드의 `export const fashion = await loadData(…)`를 그대로 두세요.', en: "keep the starter's `export const fashion = await loadData(…)`." });
        }
        const label = ctx.tf.tidy(() => (fashion.yTrain as tfType.Tensor).slice(0, 1).dataSync()[0]);
        const expected = fashion.classNames[label];
        if (got === expected) return pass();
        if (got === label) {
          return fail({
            ko: `\`firstLabelName\`이 레이블 번호 ${label}입니다: 번호가 아니라 이름이어야 합니다. \`fashion.classNames\`에서 그 번호의 이름을 찾으세요 ("샘플 살펴보기" 절).`,
            en: `\`firstLabelName\` is the label number ${label}: it should be the name, not the number. Look that number up in \`fashion.classNames\` (section "Looking at samples").`,
          });
        }
        return fail({
          ko: `${JSON.stringify(got)}은(는) 첫 번째 훈련 이미지의 클래스 이름이 아닙니다: 분할 전의 \`fashion.yTrain\`에서 0번 레이블을 읽고, 그 번호의 이름을 \`fashion.classNames\`에서 찾으세요.`,
          en: `${JSON.stringify(got)} is not the class name of the first training image: read label 0 of \`fashion.yTrain\`, before the split, and look its name up in \`fashion.classNames\`.`,
        });
      },
    },
    {
      id: 'sample-grid',
      title: { ko: '이름이 붙은 3×3 샘플 격자', en: 'A 3×3 grid of samples with names' },
      run(ctx) {
        const grids = ctx.shows.filter((s): s is ImagesPayload => s.kind === 'images');
        if (grids.length === 0) {
          return fail({
            ko: '샘플 격자가 없습니다: `show.images`로 처음 9장의 훈련 이미지를 3열로 그리고, 레이블과 클래스 이름도 넘겨 이름이 붙게 하세요 ("샘플 살펴보기" 절).',
            en: 'there is no sample grid: draw the first 9 training images in 3 columns with `show.images`, passing the labels and class names so each gets its name (section "Looking at samples").',
          });
        }
        const grid = grids[grids.length - 1];
        if (grid.pixels.length !== 9 || grid.cols !== 3) {
          return fail({
            ko: `이미지 ${grid.pixels.length}장, 열 ${String(grid.cols ?? '기본값')}으로 그렸습니다: 책처럼 \`count: 9, cols: 3\`으로 3×3 격자를 만드세요.`,
            en: `you drew ${grid.pixels.length} images in ${String(grid.cols ?? 'the default number of')} columns: use \`count: 9, cols: 3\` for the book's 3×3 grid.`,
          });
        }
        if (!grid.labels || !grid.classNames || grid.classNames.length !== 10) {
          return fail({
            ko: '그림에 클래스 이름이 없습니다: `labels: fashion.yTrain`과 `classNames: fashion.classNames`를 넘기면 이미지마다 이름이 붙습니다.',
            en: 'the grid has no class names: pass `labels: fashion.yTrain` and `classNames: fashion.classNames` to name every image.',
          });
        }
        return pass();
      },
    },
    {
      id: 'shapes',
      title: { ko: '훈련 42,000 / 검증 18,000 / 테스트 10,000, 28×28 그대로', en: 'Train 42,000 / validation 18,000 / test 10,000, still 28×28' },
      run(ctx) {
        return expectShapes(
          ctx,
          { xTrain: [42000, 28, 28], xVal: [18000, 28, 28], xTest: [10000, 28, 28] },
          {
            ko: '`fashion`의 훈련 데이터를 MNIST 때처럼 `trainTestSplit`으로 7:3으로 나누고(`randomState` 777), 이미지는 펼치지 마세요 (14강의 Flatten 층이 펼칩니다) ("전처리" 절).',
            en: 'split `fashion`\'s training data 70/30 with `trainTestSplit` as for MNIST (`randomState` 777), and do not flatten the images (the Flatten layer of lesson 14 does) (section "Preprocessing").',
          },
        );
      },
    },
    {
      id: 'scaled',
      title: { ko: '모든 이미지가 0–1 범위', en: 'Every image in 0–1' },
      run(ctx) {
        for (const [name] of SPLITS) {
          const t = exportedTensor(ctx, name);
          if (!(t instanceof ctx.tf.Tensor)) return t as CheckOutcome;
          const max = maxOf(ctx, t);
          if (max > 1) {
            return fail({
              ko: `\`${name}\`의 최댓값이 ${max}입니다: \`.div(255)\`로 0–1 범위로 바꾸세요. 훈련, 검증, 테스트 데이터는 모두 같은 전처리를 거쳐야 합니다.`,
              en: `the largest value in \`${name}\` is ${max}: scale it to 0–1 with \`.div(255)\`. Training, validation and test data must all get the same preprocessing.`,
            });
          }
          if (max < 0.5) {
            return fail({
              ko: `\`${name}\`의 최댓값이 ${max.toFixed(4)}입니다: 255로 한 번만 나누세요.`,
              en: `the largest value in \`${name}\` is ${max.toFixed(4)}: divide by 255 once only.`,
            });
          }
        }
        return pass();
      },
    },
    {
      id: 'one-hot',
      title: { ko: '원-핫 레이블', en: 'One-hot labels' },
      run(ctx) {
        for (const [, name, rows] of SPLITS) {
          const t = exportedTensor(ctx, name);
          if (!(t instanceof ctx.tf.Tensor)) return t as CheckOutcome;
          if (t.rank === 1) {
            return fail({
              ko: `\`${name}\`의 형태가 [${t.shape}]로 아직 클래스 번호입니다: \`toCategorical(…)\`로 [${rows}, 10] 원-핫 행렬로 바꾸세요.`,
              en: `\`${name}\` has shape [${t.shape}], still class numbers: turn it into a [${rows}, 10] one-hot matrix with \`toCategorical(…)\`.`,
            });
          }
        }
        return expectShapes(ctx, { yTrain: [42000, 10], yVal: [18000, 10], yTest: [10000, 10] }, {
          ko: '분할한 레이블 각각에 `toCategorical`을 쓰세요.',
          en: 'apply `toCategorical` to each split of the labels.',
        });
      },
    },
  ],
});
