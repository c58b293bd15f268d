// Exercise 14 · Two Fashion-MNIST models, shallow and deep, trained briefly and
// compared. The architecture is checked exactly; training only for having
// happened with validation and learned something (a short run cannot show
// the overfitting the lesson discusses: the prose invites the 30-epoch run).
import { expectStack } from './layers-check.ts';
import { defineExercise, fail, notAttempted, pass, type CheckContext, type CheckOutcome } from '../../contract/exercise.ts';

const FIRST = ['Flatten', 'Dense(64, relu)', 'Dense(32, relu)', 'Dense(10, softmax)'];
const SECOND = ['Flatten', 'Dense(128, relu)', 'Dense(128, relu)', 'Dense(32, relu)', 'Dense(10, softmax)'];
// 784·64+64 + 64·32+32 + 32·10+10 and 784·128+128 + 128·128+128 + 128·32+32 + 32·10+10.
const FIRST_PARAMS = 52_650;
const SECOND_PARAMS = 121_450;
const MIN_EPOCHS = 2;
// Measured (Node, WASM, 3 runs): after 2 epochs both models reach 0.841–0.860 validation accuracy.
const MIN_VAL_ACC = 0.8;

function checkHistory(ctx: CheckContext, name: string): CheckOutcome {
  const history = ctx.exports[name] as { history?: Record<string, number[]> } | undefined;
  if (!history || typeof history !== 'object' || !history.history) {
    return notAttempted({ ko: `\`${name}\`에 \`await train(…)\`의 결과를 담으세요.`, en: `put the result of \`await train(…)\` in \`${name}\`.` });
  }
  const record = history.history;
  const acc = record.val_acc ?? record.val_accuracy;
  if (!Array.isArray(record.val_loss) || !Array.isArray(acc)) {
    return fail({ ko: `\`${name}\`에 검증 기록이 없습니다: \`train()\`을 그대로 쓰세요 (validationData가 들어 있습니다).`, en: `\`${name}\` has no validation record: use \`train()\` as given (it passes validationData).` });
  }
  if (acc.length < MIN_EPOCHS) {
    return fail({ ko: `\`${name}\`은(는) ${acc.length} 에포크만 학습했습니다: \`EPOCHS\`를 ${MIN_EPOCHS} 이상으로 두세요.`, en: `\`${name}\` trained for only ${acc.length} epoch(s): set \`EPOCHS\` to ${MIN_EPOCHS} or more.` });
  }
  const last = acc[acc.length - 1];
  if (last < MIN_VAL_ACC) {
    return fail({
      ko: `\`${name}\`의 마지막 검증 정확도가 ${last.toFixed(4)}로 ${MIN_VAL_ACC}보다 낮습니다: 마지막 층이 softmax인지, 데이터 준비를 바꾸지 않았는지 확인하세요.`,
      en: `the final validation accuracy of \`${name}\` is ${last.toFixed(4)}, below ${MIN_VAL_ACC}: check that the last layer is softmax and the data preparation is unchanged.`,
    });
  }
  return pass();
}

export default defineExercise({
  id: '14-two-models',
  lesson: '14-two-models',
  title: { ko: '얕은 모델과 깊은 모델 비교', en: 'A shallow and a deep model compared' },
  datasets: ['fashion-mnist'],
  timeBudgetMs: 600_000,
  hints: {
    ko: [
      "케라스의 `Flatten(input_shape=(28, 28))`은 `tf.layers.flatten({ inputShape: [28, 28] })`입니다. 입력 형태는 첫 층에만 줍니다. `Dense(64, activation='relu')`는 `tf.layers.dense({ units: 64, activation: 'relu' })`.",
      '두 모델 모두 `train(model)`에 넘기면 compile과 fit을 합니다: `export const firstHistory = await train(firstModel);`',
      "정답 (두 번째 모델): `secondModel.add(tf.layers.flatten({ inputShape: [28, 28] }));` 다음에 units 128, 128, 32 (relu)와 10 (softmax)의 dense 층. 마지막으로 `show.compare([...])` 주석을 푸세요.",
    ],
    en: [
      "Keras's `Flatten(input_shape=(28, 28))` is `tf.layers.flatten({ inputShape: [28, 28] })`. Only the first layer gets the input shape. `Dense(64, activation='relu')` is `tf.layers.dense({ units: 64, activation: 'relu' })`.",
      'Give each model to `train(model)`, which compiles and fits it: `export const firstHistory = await train(firstModel);`',
      "The answer (second model): `secondModel.add(tf.layers.flatten({ inputShape: [28, 28] }));` then dense layers of 128, 128, 32 units (relu) and 10 (softmax). Finally uncomment the `show.compare([...])` line.",
    ],
  },
  checks: [
    {
      id: 'first-model',
      title: { ko: '첫 번째 모델: Flatten → 64 → 32 → 10', en: 'First model: Flatten → 64 → 32 → 10' },
      run: (ctx) => expectStack(ctx, 'firstModel', FIRST, FIRST_PARAMS),
    },
    {
      id: 'second-model',
      title: { ko: '두 번째 모델: Flatten → 128 → 128 → 32 → 10', en: 'Second model: Flatten → 128 → 128 → 32 → 10' },
      run: (ctx) => expectStack(ctx, 'secondModel', SECOND, SECOND_PARAMS),
    },
    {
      id: 'trained',
      title: { ko: `두 모델 모두 검증하며 ${MIN_EPOCHS} 에포크 이상, 검증 정확도 ${MIN_VAL_ACC} 이상`, en: `Both trained ${MIN_EPOCHS}+ epochs with validation, validation accuracy ≥ ${MIN_VAL_ACC}` },
      run(ctx) {
        const first = checkHistory(ctx, 'firstHistory');
        return first.status === 'passed' ? checkHistory(ctx, 'secondHistory') : first;
      },
    },
    {
      id: 'compare-plot',
      title: { ko: '두 학습 곡선을 나란히', en: 'Both sets of curves side by side' },
      run(ctx) {
        const shown = ctx.shows.find((s) => s.kind === 'history-compare');
        if (shown === undefined || shown.kind !== 'history-compare') {
          return fail({
            ko: "`show.compare([{ label: '64-32-10', history: firstHistory }, { label: '128-128-32-10', history: secondHistory }])`로 비교해 보세요.",
            en: "compare them with `show.compare([{ label: '64-32-10', history: firstHistory }, { label: '128-128-32-10', history: secondHistory }])`.",
          });
        }
        if (shown.runs.length !== 2 || shown.runs.some((r) => !r.series.val_loss)) {
          return fail({
            ko: `비교 그림에 ${shown.runs.length}개의 기록이 있습니다: 검증 기록이 있는 두 history를 넘기세요.`,
            en: `the comparison holds ${shown.runs.length} run(s): pass the two histories, with their validation records.`,
          });
        }
        return pass();
      },
    },
  ],
});
