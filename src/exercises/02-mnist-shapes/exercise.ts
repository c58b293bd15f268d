// Exercise 02 · Load MNIST, look at the shapes and the first images.
// The model for every exercise: one check per thing to get right, each
// failure message says what was found and what to change.
import type { Tensor } from '@tensorflow/tfjs';
import { defineExercise, fail, notAttempted, pass, type CheckContext, type CheckOutcome } from '../../contract/exercise.ts';
import type { ImagesPayload } from '../../contract/show.ts';

const FIRST_LABELS = [5, 0, 4, 1, 9];

/** The export `name` as a live tensor, or the outcome that explains why not. */
function exportedTensor(ctx: CheckContext, name: string): Tensor | CheckOutcome {
  const value = ctx.exports[name];
  if (value === undefined) {
    return notAttempted({
      ko: `${name}을(를) 아직 내보내지 않았습니다. 마지막 TODO처럼 export { ${name} }을 추가하세요.`,
      en: `${name} is not exported yet. Add export { ${name} } as in the last TODO.`,
    });
  }
  if (!(value instanceof ctx.tf.Tensor)) {
    return fail({
      ko: `${name}은(는) loadData가 돌려준 텐서여야 하는데 ${value === null ? 'null' : typeof value}입니다. loadData가 'mnist'에 대해 돌려준 객체에서 꺼내세요 ("데이터 불러오기" 절).`,
      en: `${name} must be the tensor loadData returned, but it is ${value === null ? 'null' : typeof value}. Take it from the object loadData gives back for 'mnist' (section "Loading the data").`,
    });
  }
  if (value.isDisposed) {
    return fail({ ko: `${name} 텐서가 dispose되었습니다. 내보낸 텐서는 dispose하지 마세요.`, en: `${name} was disposed. Do not dispose tensors you export.` });
  }
  return value;
}

function shapeCheck(ctx: CheckContext, name: string, expected: number[], split: { ko: string; en: string }): CheckOutcome {
  const t = exportedTensor(ctx, name);
  if (!(t instanceof ctx.tf.Tensor)) return t;
  const got = t.shape;
  if (got.join() === expected.join()) return pass();
  let why = { ko: '', en: '' };
  if (got.length === 2 && got[1] === 784) {
    why = { ko: ' 이 연습에서는 이미지를 펼치지 말고 28×28 그대로 두세요.', en: ' Do not flatten the images in this exercise; keep them 28×28.' };
  } else if (got[0] !== expected[0] && (got[0] === 60000 || got[0] === 10000)) {
    why = { ko: ' 훈련 데이터와 테스트 데이터가 바뀌지 않았는지 보세요.', en: ' Check that the training and test sets are not swapped.' };
  }
  return fail({
    ko: `${split.ko} ${name}의 모양은 [${expected}]이어야 하는데 [${got}]입니다.${why.ko}`,
    en: `${split.en} ${name} should have shape [${expected}] but has [${got}].${why.en}`,
  });
}

function imagesPayloads(ctx: CheckContext): ImagesPayload[] {
  return ctx.shows.filter((s): s is ImagesPayload => s.kind === 'images');
}

export default defineExercise({
  id: '02-mnist-shapes',
  lesson: '02-mnist',
  title: { ko: 'MNIST 불러오고 모양 확인하기', en: 'Load MNIST and check its shapes' },
  datasets: ['mnist'],
  timeBudgetMs: 60_000,
  hints: {
    ko: [
      'loadData는 Promise를 돌려줍니다: const data = await loadData(\'mnist\'); 처럼 await를 붙이세요.',
      '구조 분해로 한 번에 꺼낼 수 있습니다: const { xTrain, yTrain, xTest, yTest } = await loadData(\'mnist\');',
      '텐서의 모양은 xTrain.shape에 있습니다. 그림은 show.images(xTrain, { labels: yTrain, count: 9 })로 그립니다.',
    ],
    en: [
      "loadData returns a Promise: add await, as in const data = await loadData('mnist');",
      "Destructuring takes everything at once: const { xTrain, yTrain, xTest, yTest } = await loadData('mnist');",
      'A tensor\'s shape is xTrain.shape. Draw the pictures with show.images(xTrain, { labels: yTrain, count: 9 }).',
    ],
  },
  checks: [
    {
      id: 'train-shapes',
      title: { ko: '훈련 데이터의 모양', en: 'Training data shapes' },
      run: (ctx) => {
        const x = shapeCheck(ctx, 'xTrain', [60000, 28, 28], { ko: '훈련 이미지', en: 'Training images:' });
        return x.status === 'passed' ? shapeCheck(ctx, 'yTrain', [60000], { ko: '훈련 레이블', en: 'Training labels:' }) : x;
      },
    },
    {
      id: 'test-shapes',
      title: { ko: '테스트 데이터의 모양', en: 'Test data shapes' },
      run: (ctx) => {
        const x = shapeCheck(ctx, 'xTest', [10000, 28, 28], { ko: '테스트 이미지', en: 'Test images:' });
        return x.status === 'passed' ? shapeCheck(ctx, 'yTest', [10000], { ko: '테스트 레이블', en: 'Test labels:' }) : x;
      },
    },
    {
      id: 'first-labels',
      title: { ko: '처음 다섯 레이블은 5 0 4 1 9', en: 'The first five labels are 5 0 4 1 9' },
      run: (ctx) => {
        const y = exportedTensor(ctx, 'yTrain');
        if (!(y instanceof ctx.tf.Tensor)) return y;
        const first = Array.from(y.dataSync().slice(0, 5), Number);
        if (first.join() === FIRST_LABELS.join()) return pass();
        return fail({
          ko: `yTrain의 처음 다섯 값이 ${first.join(' ')}입니다(MNIST는 ${FIRST_LABELS.join(' ')}). loadData('mnist')로 불러왔는지, 섞거나 정렬하지 않았는지 확인하세요.`,
          en: `The first five values of yTrain are ${first.join(' ')} (MNIST has ${FIRST_LABELS.join(' ')}). Load it with loadData('mnist') and do not shuffle or sort it.`,
        });
      },
    },
    {
      id: 'images-shown',
      title: { ko: '처음 9장을 레이블과 함께 그리기', en: 'Show the first 9 images with labels' },
      run: (ctx) => {
        const shown = imagesPayloads(ctx);
        if (shown.length === 0) {
          return notAttempted({
            ko: 'show.images를 호출하지 않았습니다. show.images(xTrain, { labels: yTrain, count: 9 })를 추가하세요.',
            en: 'show.images was not called. Add show.images(xTrain, { labels: yTrain, count: 9 }).',
          });
        }
        const best = shown.reduce((a, b) => (b.pixels.length > a.pixels.length ? b : a));
        if (best.pixels.length < 9) {
          return fail({
            ko: `이미지를 ${best.pixels.length}장만 그렸습니다. count: 9로 9장을 그리세요.`,
            en: `Only ${best.pixels.length} image(s) were drawn. Draw 9 with count: 9.`,
          });
        }
        if (!shown.some((s) => s.labels && s.labels.length >= 9)) {
          return fail({
            ko: '이미지에 레이블이 없습니다. show.images(xTrain, { labels: yTrain, count: 9 })처럼 labels를 넘기세요.',
            en: 'The images have no labels. Pass labels, as in show.images(xTrain, { labels: yTrain, count: 9 }).',
          });
        }
        return pass();
      },
    },
    {
      id: 'labels-match',
      title: { ko: '그림의 레이블이 이미지와 짝이 맞음', en: 'The labels drawn belong to the images' },
      graded: false,
      run: (ctx) => {
        const labelled = imagesPayloads(ctx).filter((s) => s.labels && s.labels.length >= 5);
        if (labelled.length === 0) {
          return notAttempted({ ko: '레이블이 붙은 그림이 아직 없습니다.', en: 'No labelled images were drawn yet.' });
        }
        if (labelled.some((s) => s.labels!.slice(0, 5).join() === FIRST_LABELS.join())) return pass();
        return fail({
          ko: `그림의 처음 레이블이 ${labelled[0].labels!.slice(0, 5).join(' ')}입니다. 이미지와 같은 순서의 yTrain을 labels로 넘기세요.`,
          en: `The first labels drawn are ${labelled[0].labels!.slice(0, 5).join(' ')}. Pass yTrain, in the same order as the images, as labels.`,
        });
      },
    },
  ],
});
