import { defineExercise, fail, pass, type CheckContext, type CheckOutcome } from '../../contract/exercise.ts';
import { closeTo, expectShapes, exportedTensor } from '../checks.ts';

const LOGITS: Record<string, number[]> = {
  softmaxClose: [3.1, 3.0, 2.9],
  softmaxClear: [2.0, 1.0, 0.7],
  sigmoidClose: [3.1, 3.0, 2.9],
};
const softmax = (z: number[]): number[] => {
  const e = z.map(Math.exp);
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
};
const sigmoid = (z: number[]): number[] => z.map((v) => 1 / (1 + Math.exp(-v)));
const fmt = (values: number[]): string => `[${values.map((v) => v.toFixed(3)).join(', ')}]`;
// float32 exp and sum against float64: far below the three decimals the messages print.
const PROBABILITY_TOLERANCE = 1e-4;

async function compare(ctx: CheckContext, name: string, expected: number[], fix: { ko: string; en: string }): Promise<CheckOutcome> {
  const shape = expectShapes(ctx, { [name]: [3] }, fix);
  if (shape.status !== 'passed') return shape;
  const t = exportedTensor(ctx, name);
  if (!(t instanceof ctx.tf.Tensor)) return t;
  const actual = Array.from(await t.data());
  if (actual.every((v, i) => closeTo(v, expected[i], PROBABILITY_TOLERANCE))) return pass();
  const sum = actual.reduce((a, b) => a + b, 0);
  return fail({
    ko: `\`${name}\`이(가) ${fmt(actual)}(합 ${sum.toFixed(3)})인데 ${fmt(expected)}이어야 합니다: ${fix.ko}`,
    en: `expected \`${name}\` to be ${fmt(expected)}, got ${fmt(actual)} (sum ${sum.toFixed(3)}): ${fix.en}`,
  });
}

const softmaxFix = {
  ko: 'softmax는 각 점수의 exp를 모든 exp의 합으로 나눠 합이 1이 되게 합니다. `tf.softmax(점수)`를 쓰세요.',
  en: 'softmax divides the exp of each score by the sum of all the exps, so the results sum to 1. Use `tf.softmax(scores)`.',
};

export default defineExercise({
  id: '07-softmax',
  lesson: '07-sigmoid-softmax',
  title: { ko: '햄버거 점수를 확률로', en: 'Burger scores as probabilities' },
  datasets: [],
  timeBudgetMs: 20_000,
  hints: {
    ko: [
      'TensorFlow.js에는 `tf.softmax(x)`와 `tf.sigmoid(x)`가 있습니다. 둘 다 텐서를 받아 같은 형태의 텐서를 돌려줍니다.',
      '직접 계산하려면 `x.exp().div(x.exp().sum())`입니다. 결과의 합이 1인지 `.sum()`으로 확인해 보세요.',
    ],
    en: [
      'TensorFlow.js has `tf.softmax(x)` and `tf.sigmoid(x)`; both take a tensor and return one of the same shape.',
      'By hand it is `x.exp().div(x.exp().sum())`. Check with `.sum()` that the result adds up to 1.',
    ],
  },
  checks: [
    {
      id: 'softmax',
      title: { ko: '두 점수 모두 softmax 확률로', en: 'Both score sets through softmax' },
      async run(ctx) {
        for (const name of ['softmaxClose', 'softmaxClear']) {
          const outcome = await compare(ctx, name, softmax(LOGITS[name]), softmaxFix);
          if (outcome.status !== 'passed') return outcome;
        }
        return pass();
      },
    },
    {
      id: 'sigmoid',
      title: { ko: '비교용 sigmoid', en: 'Sigmoid for comparison' },
      run: (ctx) =>
        compare(ctx, 'sigmoidClose', sigmoid(LOGITS.sigmoidClose), {
          ko: 'sigmoid는 점수마다 따로 1 / (1 + e^-x)를 계산합니다: TODO 2의 tfjs 함수를 `close` 점수 전체에 적용하세요 ("시그모이드: 값 하나를 0과 1 사이로" 절).',
          en: 'sigmoid maps each score on its own to 1 / (1 + e^-x): apply TODO 2\'s tfjs function to all of the `close` scores (section "Sigmoid: one value into 0–1").',
        }),
    },
  ],
});
