// Exercise 12 · Confusion matrix and classification report. The checks count
// the matrix themselves from the learner's model on the real test set (rows =
// true, columns = predicted), so both a toolkit bug and a learner mistake show.
import { defineExercise, fail, notAttempted, pass, type CheckContext, type CheckOutcome } from '../../contract/exercise.ts';
import { predictClasses, referenceSet } from '../checking/reference-data.ts';
import { closeTo, exportedModel, isOutcome } from '../checks.ts';

// The report prints two decimals (±0.005), plus float slack.
const REPORT_TOLERANCE = 0.006;

const expectedMatrices = new WeakMap<object, Promise<number[][] | CheckOutcome>>();

/** The confusion matrix of the exported model on the real test set, counted here once per run. */
function expectedMatrix(ctx: CheckContext): Promise<number[][] | CheckOutcome> {
  let pending = expectedMatrices.get(ctx.exports);
  if (!pending) {
    pending = (async () => {
      const model = exportedModel(ctx);
      if (isOutcome(model)) return model;
      const test = await referenceSet(ctx, 'test');
      const predicted = predictClasses(ctx.tf, model, test.x);
      const counts = Array.from({ length: 10 }, () => new Array<number>(10).fill(0));
      for (let i = 0; i < test.labels.length; i++) counts[test.labels[i]][predicted[i]]++;
      return counts;
    })();
    expectedMatrices.set(ctx.exports, pending);
  }
  return pending;
}

const rowSum = (row: number[]) => row.reduce((a, b) => a + b, 0);
const same = (a: number[][], b: number[][]) => a.length === b.length && a.every((row, i) => row.length === b[i].length && row.every((v, j) => v === b[i][j]));
const transpose = (m: number[][]) => m[0].map((_, j) => m.map((row) => row[j]));
const argMin = (values: number[]) => values.indexOf(Math.min(...values));

export default defineExercise({
  id: '12-confusion-report',
  lesson: '12-confusion-report',
  title: { ko: '혼동 행렬과 분류 보고서', en: 'Confusion matrix and classification report' },
  datasets: ['mnist'],
  timeBudgetMs: 180_000,
  hints: {
    ko: [
      '`confusionMatrix(yTrue, yPred)`와 `classificationReport(yTrue, yPred)`는 사이킷런처럼 정답이 먼저, 예측이 뒤입니다. 둘 다 확률이 아니라 클래스 번호를 받습니다.',
      '예측 클래스: `const yPred = (model.predict(xTest) as tf.Tensor).argMax(-1);`. 재현율은 행(정답) 기준입니다: 숫자 i의 재현율 = `matrix[i][i] / (행 i의 합)`.',
      '정답: `export const matrix = confusionMatrix(yTest, yPred);`, `export const report = classificationReport(yTest, yPred);`, `const recalls = matrix.map((row, i) => row[i] / row.reduce((a, b) => a + b, 0));`, `export const lowestRecall = recalls.indexOf(Math.min(...recalls));`',
    ],
    en: [
      '`confusionMatrix(yTrue, yPred)` and `classificationReport(yTrue, yPred)` take the truth first and the predictions second, as in scikit-learn. Both want class numbers, not probabilities.',
      "The predicted classes: `const yPred = (model.predict(xTest) as tf.Tensor).argMax(-1);`. Recall is per row (the truth): digit i's recall = `matrix[i][i] / (the sum of row i)`.",
      'The answer: `export const matrix = confusionMatrix(yTest, yPred);`, `export const report = classificationReport(yTest, yPred);`, `const recalls = matrix.map((row, i) => row[i] / row.reduce((a, b) => a + b, 0));`, `export const lowestRecall = recalls.indexOf(Math.min(...recalls));`',
    ],
  },
  checks: [
    {
      id: 'matrix',
      title: { ko: '혼동 행렬 (행: 정답, 열: 예측)', en: 'Confusion matrix (rows: true, columns: predicted)' },
      async run(ctx) {
        const matrix = ctx.exports.matrix;
        if (!Array.isArray(matrix) || matrix.length === 0) {
          return notAttempted({
            ko: '`matrix`가 비어 있습니다: 테스트 정답과 예측한 클래스로 course의 `confusionMatrix`를 만들어 담으세요 ("혼동 행렬" 절).',
            en: '`matrix` is empty: build it with the course\'s `confusionMatrix` from the test labels and the predicted classes (section "The confusion matrix").',
          });
        }
        const expected = await expectedMatrix(ctx);
        if (isOutcome(expected)) return expected;
        const got = matrix as number[][];
        if (got.length !== 10 || !got.every((row) => Array.isArray(row) && row.length === 10)) {
          return fail({
            ko: `혼동 행렬은 10×10이어야 하는데 ${got.length}행입니다: 원-핫이나 확률이 아니라 클래스 번호(0–9)를 넘기세요 (\`argMax(-1)\`).`,
            en: `the matrix should be 10×10 but has ${got.length} rows: pass class numbers 0–9 (\`argMax(-1)\`), not one-hot rows or probabilities.`,
          });
        }
        if (same(got, expected)) return pass();
        if (same(got, transpose(expected))) {
          return fail({
            ko: '행렬이 뒤집혀 있습니다 (행이 예측, 열이 정답): `confusionMatrix`는 사이킷런처럼 정답을 첫 번째, 예측을 두 번째 인자로 받습니다.',
            en: 'the matrix is transposed (rows are predictions, columns the truth): `confusionMatrix` takes the truth as its first argument and the predictions second, as in scikit-learn.',
          });
        }
        const total = rowSum(got.map(rowSum));
        return fail({
          ko: `행렬이 학습된 모델의 테스트 예측과 맞지 않습니다 (합계 ${total}, 기대 10000): \`xTest\`를 예측한 \`yPred\`와 \`yTest\`를 쓰세요.`,
          en: `the matrix does not match the trained model's test predictions (total ${total}, expected 10000): use \`yTest\` and the \`yPred\` predicted from \`xTest\`.`,
        });
      },
    },
    {
      id: 'report',
      title: { ko: '분류 보고서', en: 'Classification report' },
      async run(ctx) {
        const report = ctx.exports.report;
        if (typeof report !== 'string' || report.length === 0) {
          if (report && typeof report === 'object') {
            return fail({
              ko: '`report`가 객체입니다: 이 연습에서는 `outputDict` 없이 표(문자열)로 만들어 출력하세요.',
              en: '`report` is an object: in this exercise build the text table (no `outputDict`) and print it.',
            });
          }
          return notAttempted({
            ko: '`report`가 비어 있습니다: 테스트 정답과 예측한 클래스로 course의 `classificationReport`를 만들어 담으세요 ("분류 보고서" 절).',
            en: '`report` is empty: build it with the course\'s `classificationReport` from the test labels and the predicted classes (section "The classification report").',
          });
        }
        const expected = await expectedMatrix(ctx);
        if (isOutcome(expected)) return expected;
        const accuracy = expected.reduce((sum, row, i) => sum + row[i], 0) / 10000;
        const line = report.split('\n').find((l) => l.trim().startsWith('accuracy'));
        const value = line === undefined ? NaN : Number(line.trim().split(/\s+/)[1]);
        if (closeTo(value, accuracy, REPORT_TOLERANCE) && /precision/.test(report) && /support/.test(report)) return pass();
        return fail({
          ko: `보고서의 accuracy 행이 모델의 테스트 정확도 ${accuracy.toFixed(4)}와 맞지 않습니다: \`classificationReport\`에 테스트 정답을 먼저, 학습된 모델이 \`xTest\`에서 예측한 클래스를 뒤에 넘기세요.`,
          en: `the report's accuracy row does not match the model's test accuracy ${accuracy.toFixed(4)}: give \`classificationReport\` the test labels first, then the classes the trained model predicted for \`xTest\`.`,
        });
      },
    },
    {
      id: 'lowest-recall',
      title: { ko: '재현율이 가장 낮은 숫자', en: 'The digit with the lowest recall' },
      async run(ctx) {
        const got = ctx.exports.lowestRecall;
        if (got === -1 || got === undefined) {
          return notAttempted({ ko: '`lowestRecall`에 재현율이 가장 낮은 숫자(0–9)를 담으세요.', en: 'put the digit (0–9) with the lowest recall in `lowestRecall`.' });
        }
        const expected = await expectedMatrix(ctx);
        if (isOutcome(expected)) return expected;
        const recalls = expected.map((row, i) => row[i] / rowSum(row));
        const precisions = expected.map((_, j) => expected[j][j] / Math.max(1, rowSum(expected.map((row) => row[j]))));
        const answer = argMin(recalls);
        if (got === answer || recalls[got as number] === recalls[answer]) return pass();
        if (typeof got === 'number' && !Number.isInteger(got)) {
          return fail({
            ko: `\`lowestRecall\`이 ${got.toFixed(4)}입니다: 재현율 값이 아니라, 재현율이 가장 낮은 숫자 자체(클래스 번호 0–9)를 내보내세요.`,
            en: `\`lowestRecall\` is ${got.toFixed(4)}: export the digit itself (a class number 0–9), not its recall value.`,
          });
        }
        if (got === argMin(precisions)) {
          return fail({
            ko: `${String(got)}은(는) 정밀도(precision)가 가장 낮은 숫자입니다: 재현율은 열이 아니라 행으로 나눕니다 — 실제 숫자 i 중 i로 맞힌 비율, \`matrix[i][i] / (행 i의 합)\`.`,
            en: `${String(got)} has the lowest precision: recall divides by the row, not the column — the share of real i's predicted as i, \`matrix[i][i] / (sum of row i)\`.`,
          });
        }
        // Never name the answer: say how the exported digit compares, and how to find the right one.
        if (!(typeof got === 'number' && Number.isInteger(got) && got >= 0 && got <= 9)) {
          return fail({
            ko: `\`lowestRecall\`은 숫자 하나(클래스 번호 0–9)여야 하는데 ${String(got)}입니다.`,
            en: `\`lowestRecall\` should be one digit (a class number 0–9), but it is ${String(got)}.`,
          });
        }
        return fail({
          ko: `숫자 ${got}의 재현율은 ${recalls[got].toFixed(3)}인데, 이보다 재현율이 낮은 숫자가 있습니다: 숫자마다 행의 대각선 값을 그 행의 합으로 나눠 열 개를 모두 비교하세요 ("정밀도, 재현율, F1" 절).`,
          en: `digit ${got} has recall ${recalls[got].toFixed(3)}, but another digit's recall is lower: for every digit divide its row's diagonal value by the row's sum and compare all ten (section "Precision, recall, F1").`,
        });
      },
    },
    {
      id: 'matrix-plot',
      title: { ko: '예시 이미지가 있는 혼동 행렬 그림', en: 'Confusion matrix picture with example images' },
      run(ctx) {
        const shown = ctx.shows.find((s) => s.kind === 'confusion-matrix');
        if (shown === undefined || shown.kind !== 'confusion-matrix') {
          return fail({
            ko: '혼동 행렬 그림이 없습니다: 시작 코드 끝의 마지막 TODO 아래, 주석으로 막아 둔 `show.confusionMatrix` 호출 네 줄의 주석을 풀어 그려 보세요.',
            en: 'there is no confusion-matrix picture: uncomment the four lines of the `show.confusionMatrix` call under the last TODO at the end of the starter.',
          });
        }
        if (!shown.cellImages || Object.keys(shown.cellImages).length === 0) {
          return fail({
            ko: '칸에 예시 이미지가 없습니다: 정답과 예측을 넘기고 `images: mnist.xTest`를 더하면 틀린 칸에 어떤 숫자가 있는지 보입니다.',
            en: 'the cells have no example images: pass the truth and the predictions plus `images: mnist.xTest` to see which digits sit in the wrong cells.',
          });
        }
        return pass();
      },
    },
  ],
});
