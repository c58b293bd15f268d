import { defineExercise, fail, notAttempted, pass, type CheckContext, type CheckOutcome } from '../../contract/exercise.ts';
import { isOutcome } from '../checks.ts';

// 42,000 training samples in batches of 128.
const STEPS_PER_EPOCH = Math.ceil(42000 / 128);
const MIN_EPOCHS = 3;
// Measured on tfjs-wasm in Node: validation accuracy after 3 epochs was 0.944
// and 0.952 (epoch 1: 0.929); 0.93 leaves room for unlucky initial weights.
const MIN_VAL_ACC = 0.93;

// Only the hints show this line: a check message says what is wrong and where to look.
const fitCall = 'await model.fit(xTrain, yTrain, { epochs: 3, batchSize: 128, validationData: [xVal, yVal] })';

/** `history.history` of the exported History, or the outcome to report instead. */
function historyRecord(ctx: CheckContext): Record<string, number[]> | CheckOutcome {
  const history = ctx.exports.history as { history?: Record<string, number[]> } | undefined;
  if (history === undefined || history === null) {
    return notAttempted({
      ko: '`history`가 비어 있습니다: 시작 코드의 `export const history = undefined;` 자리에 `model.fit`이 돌려주는 History 객체를 담아 내보내세요 ("검증 데이터와 함께 학습하기" 절).',
      en: '`history` is empty: in place of the starter\'s `export const history = undefined;`, export the History object `model.fit` returns (section "Training with validation data").',
    });
  }
  if (typeof history !== 'object' || typeof history.history !== 'object' || !Array.isArray(history.history.loss)) {
    return fail({
      ko: '`history`는 `model.fit`이 돌려주는 History 객체여야 합니다: `await`를 빠뜨리지 않았는지 확인하세요.',
      en: '`history` should be the History object `model.fit` returns: check that you did not forget `await`.',
    });
  }
  return history.history;
}

const valAccuracy = (record: Record<string, number[]>): number[] | undefined => record.val_acc ?? record.val_accuracy;

export default defineExercise({
  id: '09-training',
  lesson: '09-training',
  title: { ko: '검증하며 학습하기', en: 'Train with validation' },
  datasets: ['mnist'],
  timeBudgetMs: 180_000,
  hints: {
    ko: [
      '`model.fit`은 Promise를 돌려주므로 `await`가 필요합니다. 케라스의 키워드 인자는 세 번째 인자인 객체 하나로 넘깁니다.',
      '옵션 이름: `epochs`, `batchSize`, `validationData`. 검증 데이터는 배열 `[xVal, yVal]`로 넘깁니다.',
      `정답: \`export const history = ${fitCall};\` 그 다음 줄의 \`show.history\` 주석을 풀어 그래프를 보세요.`,
    ],
    en: [
      "`model.fit` returns a Promise, so it needs `await`. Keras's keyword arguments go in one object, the third argument.",
      'The option names are `epochs`, `batchSize` and `validationData`; the validation data is the array `[xVal, yVal]`.',
      `The answer: \`export const history = ${fitCall};\` then uncomment the \`show.history\` line to see the curves.`,
    ],
  },
  checks: [
    {
      id: 'validation',
      title: { ko: '에포크마다 검증 성능을 쟀다', en: 'Validation scored every epoch' },
      run(ctx) {
        const record = historyRecord(ctx);
        if (isOutcome(record)) return record;
        if (Array.isArray(record.val_loss) && valAccuracy(record) !== undefined) return pass();
        return fail({
          ko: `history에 ${Object.keys(record).join(', ')}만 있습니다: val_loss와 val_acc도 있어야 합니다. fit의 옵션 객체에 검증 이미지와 검증 레이블을 \`validationData\`로 넘기면 에포크마다 기록됩니다 ("검증 데이터와 함께 학습하기" 절).`,
          en: `the history only has ${Object.keys(record).join(', ')}: it should also have val_loss and val_acc. Give fit's options object the validation images and labels as \`validationData\` and they are recorded every epoch (section "Training with validation data").`,
        });
      },
    },
    {
      id: 'epochs',
      title: { ko: `${MIN_EPOCHS} 에포크 이상`, en: `At least ${MIN_EPOCHS} epochs` },
      run(ctx) {
        const record = historyRecord(ctx);
        if (isOutcome(record)) return record;
        const epochs = record.loss.length;
        if (epochs >= MIN_EPOCHS) return pass();
        return fail({
          ko: `${epochs} 에포크만 학습했습니다: ${MIN_EPOCHS} 에포크 이상이어야 합니다. fit의 옵션 객체에 에포크 수를 넘기지 않으면 TensorFlow.js는 1 에포크만 학습합니다 ("에포크와 배치" 절).`,
          en: `trained for only ${epochs} epoch(s): it should be at least ${MIN_EPOCHS}. Without an epoch count in fit's options object, TensorFlow.js trains for 1 epoch (section "Epochs and batches").`,
        });
      },
    },
    {
      id: 'batch-size',
      title: { ko: '배치 크기 128', en: 'Batch size 128' },
      run(ctx) {
        const progress = ctx.shows.find((s) => s.kind === 'fit-progress' && typeof s.batches === 'number');
        if (progress === undefined || progress.kind !== 'fit-progress' || progress.batches === undefined) {
          if (/batchSize\s*:\s*128\b/.test(ctx.code)) return pass();
          return fail({
            ko: '학습 기록에서 배치 크기를 찾지 못했습니다: fit의 옵션 객체에 배치 크기 128을 넘겼는지 확인하세요 ("에포크와 배치" 절).',
            en: 'no batch size was found in the training record: check that fit\'s options object sets the batch size to 128 (section "Epochs and batches").',
          });
        }
        if (progress.batches === STEPS_PER_EPOCH) return pass();
        const size = Math.round(42000 / progress.batches);
        return fail({
          ko: `에포크마다 배치가 ${progress.batches}개입니다 (배치 크기 약 ${size}): 배치 크기가 128이면 42,000 / 128 → ${STEPS_PER_EPOCH}개여야 합니다.`,
          en: `each epoch ran ${progress.batches} batches (a batch size of about ${size}): with a batch size of 128 it should be 42,000 / 128 → ${STEPS_PER_EPOCH}.`,
        });
      },
    },
    {
      id: 'val-accuracy',
      title: { ko: `검증 정확도 ${MIN_VAL_ACC} 이상`, en: `Validation accuracy ≥ ${MIN_VAL_ACC}` },
      run(ctx) {
        const record = historyRecord(ctx);
        if (isOutcome(record)) return record;
        const acc = valAccuracy(record);
        if (acc === undefined || acc.length === 0) {
          return notAttempted({ ko: '검증 정확도가 없습니다: 먼저 위의 검증 검사를 통과하세요.', en: 'there is no validation accuracy: pass the validation check above first.' });
        }
        const last = acc[acc.length - 1];
        if (last >= MIN_VAL_ACC) return pass();
        return fail({
          ko: `마지막 검증 정확도가 ${last.toFixed(4)}로 ${MIN_VAL_ACC}보다 낮습니다: 입력을 255로 나눴는지, 레이블이 원-핫인지, 모델과 compile이 책과 같은지 확인한 뒤 다시 실행하세요.`,
          en: `the final validation accuracy is ${last.toFixed(4)}, below ${MIN_VAL_ACC}: check that the inputs are divided by 255, the labels are one-hot and the model and compile match the book, then run again.`,
        });
      },
    },
    {
      id: 'history-plot',
      title: { ko: '학습 곡선을 그렸다', en: 'Plotted the learning curves' },
      graded: false,
      run(ctx) {
        if (ctx.shows.some((s) => s.kind === 'history')) return pass();
        return fail({
          ko: '`show.history(history)`로 손실과 정확도 곡선을 그려 보세요.',
          en: 'draw the loss and accuracy curves with `show.history(history)`.',
        });
      },
    },
  ],
});
