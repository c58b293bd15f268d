// Exercise 11 · Evaluate on the test set and read one prediction. The checks
// recompute evaluate and predict with the learner's own model on the real test
// set, so the learner's numbers must come from the test set, read out of the
// tensors.
import type * as tfType from '@tensorflow/tfjs';
import { defineExercise, fail, notAttempted, pass, type CheckContext, type CheckOutcome } from '../../contract/exercise.ts';
import { asModelInput, evaluateOn, referenceSet } from '../checking/reference-data.ts';
import { closeTo, exportedModel, isOutcome } from '../checks.ts';

// evaluate() is deterministic for fixed weights; only summation order could
// differ (tighter than METRIC_TOLERANCE: the training scores may lie close).
const TOLERANCE = 5e-4;
// predict() on one row recomputes the same float32 arithmetic in another batch.
const PROB_TOLERANCE = 1e-5;

// Batches of 2,048: the same means as tfjs's default of 32 up to float32
// summation order (~1e-6, far inside TOLERANCE), in 21 batches instead of
// 1,313 for the 42,000 training rows.
function evaluate(ctx: CheckContext, model: tfType.LayersModel, x: tfType.Tensor, y: tfType.Tensor): [number, number] {
  const scores = model.evaluate(x, y, { batchSize: 2048 }) as tfType.Scalar[];
  const values = scores.map((s) => s.dataSync()[0]);
  ctx.tf.dispose(scores);
  return [values[0], values[1]];
}

const tensorAdvice = (name: string) => ({
  ko: `\`${name}\`이(가) 텐서입니다: 숫자여야 합니다. evaluate가 돌려준 스칼라 텐서에서 숫자를 꺼내세요: 텐서의 \`data()\`는 값의 배열을 줍니다 ("model.evaluate" 절).`,
  en: `\`${name}\` is a tensor: it should be a number. Read the number out of the scalar tensor evaluate returned: a tensor's \`data()\` gives an array of its values (section "model.evaluate").`,
});

export default defineExercise({
  id: '11-evaluate-predict',
  lesson: '11-evaluation',
  title: { ko: '테스트 데이터로 평가하고 예측하기', en: 'Evaluate on the test set and predict' },
  datasets: ['mnist'],
  timeBudgetMs: 180_000,
  hints: {
    ko: [
      '`model.evaluate(xTest, yTest)`는 케라스처럼 [손실, 정확도]를 돌려주지만 숫자가 아니라 스칼라 텐서입니다. `await t.data()`가 돌려주는 배열의 0번이 그 숫자입니다.',
      '`model.predict(xTest)`는 [10000, 10] 텐서입니다. `(await results.array())[0]`이 파이썬의 `results[0]`에 해당하고, 가장 큰 값의 위치는 `probs.indexOf(Math.max(...probs))`입니다.',
      '정답: `const scores = model.evaluate(xTest, yTest) as tf.Scalar[]; export const testLoss = (await scores[0].data())[0]; export const testAcc = (await scores[1].data())[0];` 그리고 `export const firstProbs = (await (model.predict(xTest) as tf.Tensor).array() as number[][])[0];`',
    ],
    en: [
      '`model.evaluate(xTest, yTest)` returns [loss, accuracy] as Keras does, but as scalar tensors, not numbers. Element 0 of the array `await t.data()` returns is the number.',
      "`model.predict(xTest)` is a [10000, 10] tensor. `(await results.array())[0]` is Python's `results[0]`, and the position of the largest value is `probs.indexOf(Math.max(...probs))`.",
      'The answer: `const scores = model.evaluate(xTest, yTest) as tf.Scalar[]; export const testLoss = (await scores[0].data())[0]; export const testAcc = (await scores[1].data())[0];` then `export const firstProbs = (await (model.predict(xTest) as tf.Tensor).array() as number[][])[0];`',
    ],
  },
  checks: [
    {
      id: 'test-scores',
      title: { ko: '테스트 데이터의 손실과 정확도', en: 'Loss and accuracy on the test data' },
      async run(ctx) {
        const { testLoss, testAcc } = ctx.exports as { testLoss?: unknown; testAcc?: unknown };
        if (testLoss instanceof ctx.tf.Tensor) return fail(tensorAdvice('testLoss'));
        if (testAcc instanceof ctx.tf.Tensor) return fail(tensorAdvice('testAcc'));
        if (Array.isArray(testLoss)) {
          return fail({
            ko: '`testLoss`가 배열입니다: `evaluate`의 결과는 [손실, 정확도]이므로 0번은 testLoss, 1번은 testAcc에 나눠 담으세요.',
            en: '`testLoss` is an array: `evaluate` gives [loss, accuracy], so put element 0 in testLoss and element 1 in testAcc.',
          });
        }
        if (typeof testLoss !== 'number' || typeof testAcc !== 'number' || (testLoss === 0 && testAcc === 0)) {
          return notAttempted({
            ko: '`testLoss`와 `testAcc`는 학습한 모델의 테스트 데이터 손실과 정확도(숫자)여야 합니다: 평가 TODO에서 모델을 테스트 데이터로 평가하세요 ("model.evaluate" 절).',
            en: '`testLoss` and `testAcc` should be the trained model\'s loss and accuracy on the test data, as numbers: evaluate the model on the test data at the evaluation TODO (section "model.evaluate").',
          });
        }
        const model = exportedModel(ctx);
        if (isOutcome(model)) return model;
        const [loss, acc] = evaluateOn(ctx.tf, model, await referenceSet(ctx, 'test'));
        const distance = (l: number, a: number) => Math.abs(testLoss - l) + Math.abs(testAcc - a);
        // After a short run the training and test scores can lie within the
        // tolerance of each other: whichever the exported values are closer to
        // is what was evaluated (evaluate is deterministic for fixed weights).
        const { xTrain, yTrain } = ctx.exports as { xTrain?: unknown; yTrain?: unknown };
        if (xTrain instanceof ctx.tf.Tensor && yTrain instanceof ctx.tf.Tensor && !xTrain.isDisposed && !yTrain.isDisposed) {
          const [trainLoss, trainAcc] = evaluate(ctx, model, xTrain, yTrain);
          const onTrain = distance(trainLoss, trainAcc);
          if (onTrain <= 2 * TOLERANCE && onTrain < distance(loss, acc)) {
            return fail({
              ko: '이 값은 훈련 데이터의 점수입니다: 모델이 이미 본 데이터라 실력보다 좋게 나옵니다. 평가에는 `xTest`와 `yTest`를 넘기세요 ("왜 테스트 데이터일까" 절).',
              en: 'these are the scores on the training data, which the model has already seen, so they flatter it. Evaluate on `xTest` and `yTest` instead (section "Why test data?").',
            });
          }
        }
        if (closeTo(testLoss, loss, TOLERANCE) && closeTo(testAcc, acc, TOLERANCE)) return pass();
        if (closeTo(testLoss, acc, TOLERANCE) && closeTo(testAcc, loss, TOLERANCE)) {
          return fail({
            ko: '손실과 정확도가 바뀌었습니다: evaluate의 결과는 [손실, 정확도] 순서입니다.',
            en: 'loss and accuracy are swapped: evaluate returns them in the order [loss, accuracy].',
          });
        }
        return fail({
          ko: `테스트 데이터에서 손실 ${loss.toFixed(4)}, 정확도 ${acc.toFixed(4)}가 나와야 하는데 ${testLoss.toFixed(4)}, ${testAcc.toFixed(4)}입니다: fit이 끝난 뒤, 테스트 데이터로 평가한 값을 바꾸지 말고 그대로 담으세요.`,
          en: `the test data gives loss ${loss.toFixed(4)} and accuracy ${acc.toFixed(4)}, but you exported ${testLoss.toFixed(4)} and ${testAcc.toFixed(4)}: evaluate on the test data after fit has finished, and store the values unchanged.`,
        });
      },
    },
    {
      id: 'probabilities',
      title: { ko: '첫 번째 테스트 숫자의 확률 10개', en: 'The ten probabilities of the first test digit' },
      async run(ctx) {
        const probs = ctx.exports.firstProbs;
        if (probs instanceof ctx.tf.Tensor) {
          return fail({
            ko: `\`firstProbs\`가 형태 [${probs.shape}]의 텐서입니다: 숫자 10개의 배열이어야 합니다. 텐서의 \`array()\`가 주는 중첩 배열에서 0번 행을 꺼내세요 ("model.predict와 확률 벡터" 절).`,
            en: `\`firstProbs\` is a tensor of shape [${probs.shape}]: it should be an array of 10 numbers. Take row 0 of the nested arrays a tensor's \`array()\` gives (section "model.predict and the probability vector").`,
          });
        }
        if (!Array.isArray(probs) || probs.length === 0) {
          return notAttempted({ ko: '`firstProbs`에 첫 번째 테스트 숫자의 확률 10개를 담으세요.', en: 'put the ten probabilities of the first test digit in `firstProbs`.' });
        }
        if (probs.length !== 10 || !probs.every((p) => typeof p === 'number')) {
          return fail({
            ko: `\`firstProbs\`는 숫자 10개여야 하는데 길이 ${probs.length}입니다: 예측 결과의 0번 행만 꺼내세요.`,
            en: `\`firstProbs\` should hold 10 numbers, but has length ${probs.length}: take row 0 of the predictions only.`,
          });
        }
        const model = exportedModel(ctx);
        if (isOutcome(model)) return model;
        const test = await referenceSet(ctx, 'test');
        const expected = ctx.tf.tidy(() => (model.predict(asModelInput(ctx.tf, model, test.x.slice(0, 1))) as tfType.Tensor).dataSync());
        if ((probs as number[]).every((p, i) => closeTo(p, expected[i], PROB_TOLERANCE))) return pass();
        return fail({
          ko: `첫 번째 테스트 숫자의 예측 확률과 다릅니다 (기대: 클래스 ${expected.indexOf(Math.max(...expected))}의 확률 ${Math.max(...expected).toFixed(5)}): 학습이 끝난 모델로 \`xTest\`를 예측하고 0번 행을 쓰세요.`,
          en: `these are not the predicted probabilities of the first test digit (expected class ${expected.indexOf(Math.max(...expected))} at ${Math.max(...expected).toFixed(5)}): predict \`xTest\` with the trained model and use row 0.`,
        });
      },
    },
    {
      id: 'prediction',
      title: { ko: '가장 확률이 큰 클래스', en: 'The most probable class' },
      run(ctx) {
        const probs = ctx.exports.firstProbs;
        const got = ctx.exports.firstPrediction;
        if (!Array.isArray(probs) || probs.length !== 10) {
          return notAttempted({ ko: '먼저 `firstProbs`를 완성하세요.', en: 'finish `firstProbs` first.' });
        }
        const expected = probs.indexOf(Math.max(...(probs as number[])));
        if (got === expected) return pass();
        if (typeof got === 'number' && got > 0 && got < 1) {
          return fail({
            ko: `\`firstPrediction\`이 ${got.toFixed(5)}입니다: 가장 큰 확률 값이 아니라 그 값이 있는 위치(클래스 번호 0–9)여야 합니다 (넘파이의 \`np.argmax\`, "model.predict와 확률 벡터" 절).`,
            en: `\`firstPrediction\` is ${got.toFixed(5)}: it should be the position of the largest probability (a class number 0–9), not the value itself (numpy's \`np.argmax\`, section "model.predict and the probability vector").`,
          });
        }
        return fail({
          ko: `\`firstPrediction\`이 ${String(got)}인데 \`firstProbs\`에서 가장 큰 값은 다른 위치에 있습니다: 가장 큰 값의 위치(0부터 센 번호)를 쓰세요 (넘파이의 \`np.argmax\`).`,
          en: `\`firstPrediction\` is ${String(got)}, but the largest value in \`firstProbs\` sits at another position: use the position (counted from 0) of the largest value (numpy's \`np.argmax\`).`,
        });
      },
    },
    {
      id: 'probability-plot',
      title: { ko: '확률 막대그래프', en: 'Probability bar chart' },
      run(ctx) {
        const shown = ctx.shows.find((s) => s.kind === 'probabilities');
        if (shown === undefined || shown.kind !== 'probabilities') {
          return fail({
            ko: '`show.probabilities(firstProbs, { labels: mnist.classNames })`로 확률을 그려 보세요.',
            en: 'draw the probabilities with `show.probabilities(firstProbs, { labels: mnist.classNames })`.',
          });
        }
        if (shown.values.length !== 10) {
          return fail({
            ko: `막대가 ${shown.values.length}개입니다: 숫자 하나의 확률 10개(\`firstProbs\`)를 넘기세요.`,
            en: `the chart has ${shown.values.length} bars: pass the ten probabilities of one digit (\`firstProbs\`).`,
          });
        }
        return pass();
      },
    },
  ],
});
