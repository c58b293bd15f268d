// Exercise 15 · Look inside a model: summary, graph and the parameter count
// from the formula (inputs × units + one bias per unit). No data, no training.
import { expectStack } from '../14-two-models/layers-check.ts';
import { defineExercise, fail, notAttempted, pass } from '../../contract/exercise.ts';

const STACK = ['Flatten', 'Dense(128, relu)', 'Dense(10, softmax)'];
const DENSE = 784 * 128 + 128; // 100,480
const OUTPUT = 128 * 10 + 10; // 1,290
const TOTAL = DENSE + OUTPUT; // 101,770, as in the book's summary

function paramMessage(name: string, got: unknown, inputs: number, units: number) {
  const expected = inputs * units + units;
  if (got === inputs * units) {
    return fail({
      ko: `\`${name}\`이(가) ${got}입니다: 가중치 ${inputs} × ${units}개에 유닛마다 편향 1개, 즉 ${units}개를 더해야 합니다.`,
      en: `\`${name}\` is ${got}: add one bias per unit (${units}) to the ${inputs} × ${units} weights.`,
    });
  }
  return fail({
    ko: `\`${name}\`은(는) ${expected}여야 하는데 ${String(got)}입니다: (입력 수 ${inputs} × 유닛 수 ${units}) + 편향 ${units}.`,
    en: `\`${name}\` should be ${expected}, got ${String(got)}: (${inputs} inputs × ${units} units) + ${units} biases.`,
  });
}

export default defineExercise({
  id: '15-model-structure',
  lesson: '15-model-structure',
  title: { ko: '모델 구조 들여다보기', en: 'Looking inside a model' },
  datasets: [],
  timeBudgetMs: 30_000,
  hints: {
    ko: [
      '층은 `tf.layers.flatten({ inputShape: [28, 28] })`, `tf.layers.dense({ units: 128, activation: \'relu\' })`, `tf.layers.dense({ units: 10, activation: \'softmax\' })` 순서입니다. `model.summary()`는 텐서플로JS에도 있습니다.',
      'Dense 층의 파라미터 = 입력 하나마다 유닛마다 가중치 하나 + 유닛마다 편향 하나. 첫 Dense 층의 입력은 Flatten이 만든 28 × 28 = 784개입니다.',
      '정답: `export const denseParams = 28 * 28 * 128 + 128;` (100,480), `export const outputParams = 128 * 10 + 10;` (1,290). 주석 처리된 세 줄도 풀어 보세요.',
    ],
    en: [
      "The layers are `tf.layers.flatten({ inputShape: [28, 28] })`, `tf.layers.dense({ units: 128, activation: 'relu' })` and `tf.layers.dense({ units: 10, activation: 'softmax' })`, in that order. TensorFlow.js has `model.summary()` too.",
      "A Dense layer's parameters: one weight per input per unit, plus one bias per unit. The first Dense layer's inputs are the 28 × 28 = 784 values Flatten makes.",
      'The answer: `export const denseParams = 28 * 28 * 128 + 128;` (100,480) and `export const outputParams = 128 * 10 + 10;` (1,290). Uncomment the three commented lines too.',
    ],
  },
  checks: [
    {
      id: 'layers',
      title: { ko: 'Flatten → Dense 128 → Dense 10', en: 'Flatten → Dense 128 → Dense 10' },
      run: (ctx) => expectStack(ctx, 'model', STACK, TOTAL),
    },
    {
      id: 'param-formula',
      title: { ko: '공식으로 센 파라미터 수', en: 'Parameter counts from the formula' },
      run(ctx) {
        const { denseParams, outputParams } = ctx.exports;
        if (denseParams === 0 && outputParams === 0) {
          return notAttempted({ ko: '`denseParams`와 `outputParams`를 공식으로 계산하세요.', en: 'compute `denseParams` and `outputParams` from the formula.' });
        }
        if (denseParams !== DENSE) return paramMessage('denseParams', denseParams, 784, 128);
        if (outputParams !== OUTPUT) return paramMessage('outputParams', outputParams, 128, 10);
        return pass();
      },
    },
    {
      id: 'summary',
      title: { ko: '요약표 (summary)', en: 'Summary table' },
      run(ctx) {
        const shown = ctx.shows.find((s) => s.kind === 'model-summary');
        if (shown === undefined || shown.kind !== 'model-summary') {
          return fail({ ko: '`show.summary(model)`로 요약표를 그리세요.', en: 'draw the summary table with `show.summary(model)`.' });
        }
        if (shown.totalParams !== TOTAL) {
          return fail({
            ko: `요약표의 전체 파라미터가 ${shown.totalParams}개입니다: 층을 모두 쌓은 뒤에 \`show.summary(model)\`을 부르세요 (기대: ${TOTAL}).`,
            en: `the summary shows ${shown.totalParams} parameters in all: call \`show.summary(model)\` after adding every layer (expected ${TOTAL}).`,
          });
        }
        return pass();
      },
    },
    {
      id: 'graph',
      title: { ko: '층 그래프 (plot_model)', en: 'Layer graph (plot_model)' },
      run(ctx) {
        const shown = ctx.shows.find((s) => s.kind === 'model-graph');
        if (shown === undefined || shown.kind !== 'model-graph') {
          return fail({ ko: '`show.modelGraph(model)`로 케라스의 plot_model 같은 그림을 그리세요.', en: "draw a picture like Keras's plot_model with `show.modelGraph(model)`." });
        }
        if (shown.layers.length < STACK.length) {
          return fail({
            ko: `그래프에 층이 ${shown.layers.length}개뿐입니다: 층을 모두 쌓은 뒤에 그리세요.`,
            en: `the graph has only ${shown.layers.length} layer(s): draw it after adding every layer.`,
          });
        }
        return pass();
      },
    },
  ],
});
