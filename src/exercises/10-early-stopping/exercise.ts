// Exercise 10 · Early stopping, keeping the best epoch's weights, and saving
// the model for the drawing pad of lesson 17. The run is short (3 epochs), so
// the keep-best callback is also tested directly on a tiny model with a made-up
// loss sequence: that part never depends on how training happened to go. The
// trial and the "did the callback reach fit?" question run as probes in the
// learner's realm (only running their code can tell); the model is scored here
// on the real validation split.
import type * as tfType from '@tensorflow/tfjs';
import { defineExercise, fail, notAttempted, pass, type CheckContext, type CheckOutcome } from '../../contract/exercise.ts';
import { modelStoreUrl } from '../../contract/model-store.ts';
import { evaluateOn, referenceSet } from '../checking/reference-data.ts';
import { closeTo, exportedModel, isOutcome, METRIC_TOLERANCE } from '../checks.ts';

const MIN_EPOCHS = 3;
// Measured (Node, WASM, 2 runs): 3 epochs reach 0.947–0.953 validation accuracy.
const MIN_VAL_ACC = 0.93;
const MODEL_URL = modelStoreUrl('mnist');

type Record_ = Record<string, number[]>;

function historyRecord(ctx: CheckContext): Record_ | CheckOutcome {
  const history = ctx.exports.history as { history?: Record_ } | undefined;
  if (history === undefined || history === null || typeof history !== 'object' || !Array.isArray(history.history?.loss)) {
    return notAttempted({
      ko: '`history`가 없습니다: `export const history = await model.fit(…)`로 fit의 결과를 내보내세요.',
      en: '`history` is missing: export what fit returns, `export const history = await model.fit(…)`.',
    });
  }
  if (!Array.isArray(history.history!.val_loss)) {
    return fail({
      ko: 'history에 `val_loss`가 없습니다: fit에 `validationData: [xVal, yVal]`를 넘겨야 조기 종료가 지켜볼 값이 생깁니다.',
      en: 'the history has no `val_loss`: pass `validationData: [xVal, yVal]` to fit, or early stopping has nothing to watch.',
    });
  }
  return history.history!;
}

// The exported model scored on the real validation split, computed once per run.
const scored = new WeakMap<object, Promise<{ loss: number; acc: number } | CheckOutcome>>();

function evaluateModel(ctx: CheckContext): Promise<{ loss: number; acc: number } | CheckOutcome> {
  let pending = scored.get(ctx.exports);
  if (!pending) {
    pending = (async () => {
      const model = exportedModel(ctx);
      if (isOutcome(model)) return model;
      const [loss, acc] = evaluateOn(ctx.tf, model, await referenceSet(ctx, 'validation'));
      return { loss, acc };
    })();
    scored.set(ctx.exports, pending);
  }
  return pending;
}

/** What the keep-best trial saw (the probe's result, plain data). */
type KeepBestTrial =
  | { missing: true }
  | { threwOnCall: string }
  | { notCallback: true }
  | { threwOnTest: string }
  | { kept: number; restoreCalls: number };

/** Probe: runs the learner's keepBest on a one-weight model with losses 0.5, 0.3, 0.4, 0.6 (epoch 2 is best). */
async function keepBestTrial(exports: Record<string, unknown>, tf: typeof tfType): Promise<KeepBestTrial> {
  const keepBest = exports.keepBest;
  if (typeof keepBest !== 'function') return { missing: true };
  const tiny = tf.sequential();
  tiny.add(tf.layers.dense({ units: 1, inputShape: [1] }));
  const dense = tiny.layers[0];
  const setAll = (v: number) => dense.setWeights([tf.fill([1, 1], v), tf.fill([1], v)]);
  let restoreCalls = 0;
  const original = tiny.setWeights.bind(tiny);
  tiny.setWeights = (weights: tfType.Tensor[]) => {
    restoreCalls++;
    original(weights);
  };
  let callback: { onEpochEnd?: (e: number, logs: Record<string, number>) => unknown; onTrainEnd?: (logs: Record<string, number>) => unknown };
  try {
    callback = keepBest(tiny) as typeof callback;
  } catch (error) {
    return { threwOnCall: String(error) };
  }
  if (!callback || typeof callback.onEpochEnd !== 'function' || typeof callback.onTrainEnd !== 'function') return { notCallback: true };
  const losses = [0.5, 0.3, 0.4, 0.6];
  try {
    for (let epoch = 0; epoch < losses.length; epoch++) {
      setAll(epoch + 1);
      await callback.onEpochEnd(epoch, { loss: 0.1, val_loss: losses[epoch] });
    }
    await callback.onTrainEnd({});
  } catch (error) {
    return { threwOnTest: String(error) };
  }
  return { kept: dense.getWeights()[1].dataSync()[0], restoreCalls };
}

/** Probe: fit hands callbacks the model that trains (a Sequential's inner LayersModel). */
function earlyStopReachedFit(exports: Record<string, unknown>): boolean {
  const model = (exports.earlyStop as { model?: unknown } | undefined)?.model;
  const exported = exports.model as { model?: unknown } | undefined;
  return model !== undefined && model !== null && (model === exported || model === exported?.model);
}

/** Judges the keep-best trial. */
function judgeKeepBest(ctx: CheckContext): CheckOutcome {
  const trial = ctx.probes.keepBest as KeepBestTrial | undefined;
  if (!trial || typeof trial !== 'object' || 'missing' in trial) {
    return notAttempted({ ko: '`keepBest` 함수를 내보내세요 (시작 코드의 `export function keepBest`).', en: 'export the `keepBest` function (the starter\'s `export function keepBest`).' });
  }
  if ('threwOnCall' in trial) {
    return fail({
      ko: `\`keepBest(model)\`을 부르자 오류가 났습니다: ${trial.threwOnCall}`,
      en: `calling \`keepBest(model)\` threw: ${trial.threwOnCall}`,
    });
  }
  if ('notCallback' in trial || !('kept' in trial || 'threwOnTest' in trial)) {
    return fail({
      ko: '`keepBest`는 `new tf.CustomCallback({ onEpochEnd, onTrainEnd })`를 돌려줘야 합니다.',
      en: '`keepBest` must return `new tf.CustomCallback({ onEpochEnd, onTrainEnd })`.',
    });
  }
  if ('threwOnTest' in trial) {
    return fail({
      ko: `다른 모델로 시험하자 오류가 났습니다: ${trial.threwOnTest}. 콜백 안에서는 전역 \`model\`이 아니라 매개변수 \`target\`을 쓰세요.`,
      en: `testing it on another model threw: ${trial.threwOnTest}. Inside the callback use the parameter \`target\`, not the global \`model\`.`,
    });
  }
  const { kept, restoreCalls } = trial;
  if (kept === 2) return pass();
  const story = {
    ko: '시험: 에포크 1–4의 검증 손실이 0.5, 0.3, 0.4, 0.6일 때 학습이 끝나면 에포크 2의 가중치가 남아야 합니다.',
    en: 'Test: with validation losses 0.5, 0.3, 0.4, 0.6 over epochs 1–4, the weights of epoch 2 must remain when training ends.',
  };
  if (kept === 4 && restoreCalls === 0) {
    return fail({
      ko: `${story.ko} 마지막 에포크의 가중치가 그대로 남았습니다: \`onTrainEnd\`에서 간직해 둔 가중치를 \`target\`에 되돌려 놓으세요 ("가장 좋은 에포크의 가중치 남기기" 절).`,
      en: `${story.en} The last epoch's weights stayed: in \`onTrainEnd\`, put the kept weights back into \`target\` (section "Keeping the best epoch's weights").`,
    });
  }
  if (kept === 4) {
    return fail({
      ko: `${story.ko} 되돌렸는데도 마지막 에포크의 가중치가 남았습니다: \`getWeights()\`는 모델이 학습하며 바꾸는 변수 자체를 돌려주므로, 텐서마다 사본을 만들어 간직해야 합니다 ("가장 좋은 에포크의 가중치 남기기" 절).`,
      en: `${story.en} Even after restoring, the last epoch's weights remain: \`getWeights()\` returns the very variables training updates, so keep a copy of each tensor (section "Keeping the best epoch's weights").`,
    });
  }
  return fail({
    ko: `${story.ko} 에포크 ${kept}의 가중치가 남았습니다: 검증 손실이 지금까지의 최솟값보다 작을 때(\`valLoss < bestLoss\`)만 사본을 바꾸세요.`,
    en: `${story.en} The weights of epoch ${kept} remained: replace the copies only when the validation loss beats the best so far (\`valLoss < bestLoss\`).`,
  });
}

/** The saved model feeds the drawing pad: it should be a decent one. */
async function accurateEnough(ctx: CheckContext): Promise<CheckOutcome> {
  const scores = await evaluateModel(ctx);
  if (isOutcome(scores)) return scores;
  if (scores.acc >= MIN_VAL_ACC) return pass();
  return fail({
    ko: `저장한 모델의 검증 정확도가 ${scores.acc.toFixed(4)}로 ${MIN_VAL_ACC}보다 낮습니다: 데이터 준비와 모델은 시작 코드 그대로 두고 ${MIN_EPOCHS} 에포크 이상 학습한 뒤 다시 실행하세요.`,
    en: `the saved model's validation accuracy is ${scores.acc.toFixed(4)}, below ${MIN_VAL_ACC}: keep the starter's data preparation and model, train ${MIN_EPOCHS}+ epochs and run again.`,
  });
}

export default defineExercise({
  id: '10-early-stopping',
  lesson: '10-overfitting',
  title: { ko: '조기 종료와 최고 에포크 저장', en: 'Early stopping and keeping the best epoch' },
  datasets: ['mnist'],
  timeBudgetMs: 300_000,
  probes: { keepBest: keepBestTrial, earlyStopReachedFit },
  hints: {
    ko: [
      '조기 종료는 `tf.callbacks.earlyStopping({ monitor, patience })`로 만듭니다. 과대적합은 검증 손실에서 보이므로 `monitor`는 `\'val_loss\'`입니다. fit은 콜백을 옵션 객체의 `callbacks` 배열로 받습니다.',
      '텐서플로JS의 조기 종료는 `restoreBestWeights`를 지원하지 않아서 `keepBest`가 그 일을 합니다: `onEpochEnd`에서 검증 손실이 지금까지의 최솟값보다 작으면 이전 사본을 dispose하고 `target`의 가중치를 하나하나 clone해 간직하고, `onTrainEnd`에서 그 사본을 `target`에 되돌려 놓습니다. 가장 좋은 에포크는 가장 작은 val_loss의 위치 + 1이고, 저장은 course의 `saveModel`로 이름 \'mnist\'를 줍니다.',
      '정답: `export const earlyStop = tf.callbacks.earlyStopping({ monitor: \'val_loss\', patience: 3 });`, fit의 옵션에 `callbacks: [earlyStop, keepBest(model)]`, `onEpochEnd`에서 `if (valLoss < bestLoss) { bestLoss = valLoss; tf.dispose(bestWeights); bestWeights = target.getWeights().map((w) => w.clone()); }`, `onTrainEnd`에서 `if (bestWeights.length > 0) target.setWeights(bestWeights);`, 그리고 `export const bestEpoch = valLoss.indexOf(Math.min(...valLoss)) + 1;`, `export const saved = await saveModel(model, \'mnist\');`',
    ],
    en: [
      "Early stopping is `tf.callbacks.earlyStopping({ monitor, patience })`. Overfitting shows in the validation loss, so `monitor` is `'val_loss'`. fit takes callbacks in its options object, as the `callbacks` array.",
      "TensorFlow.js's early stopping has no `restoreBestWeights`, so `keepBest` does that job: in `onEpochEnd`, when the validation loss beats the best so far, dispose the old copies and keep a clone of each of `target`'s weights; in `onTrainEnd`, put those copies back into `target`. The best epoch is the position of the smallest val_loss plus 1; save with the course's `saveModel` under the name 'mnist'.",
      "The answer: `export const earlyStop = tf.callbacks.earlyStopping({ monitor: 'val_loss', patience: 3 });`, `callbacks: [earlyStop, keepBest(model)]` in the fit options, in `onEpochEnd` `if (valLoss < bestLoss) { bestLoss = valLoss; tf.dispose(bestWeights); bestWeights = target.getWeights().map((w) => w.clone()); }`, in `onTrainEnd` `if (bestWeights.length > 0) target.setWeights(bestWeights);`, then `export const bestEpoch = valLoss.indexOf(Math.min(...valLoss)) + 1;` and `export const saved = await saveModel(model, 'mnist');`",
    ],
  },
  checks: [
    {
      id: 'early-stopping',
      title: { ko: '검증 손실을 지켜보는 조기 종료', en: 'Early stopping on the validation loss' },
      run(ctx) {
        const callback = ctx.exports.earlyStop;
        if (callback === undefined || callback === null) {
          return notAttempted({
            ko: '`earlyStop`이 비어 있습니다: 시작 코드의 `export const earlyStop = undefined;` 자리에 TensorFlow.js의 조기 종료 콜백을 만들어 담으세요. 무엇을 지켜볼지(`monitor`)와 몇 에포크 참을지(`patience`)를 정합니다 ("무엇을 할 수 있을까" 절).',
            en: '`earlyStop` is empty: in place of the starter\'s `export const earlyStop = undefined;`, make TensorFlow.js\'s early-stopping callback. It needs what to watch (`monitor`) and how many epochs to wait (`patience`) (section "What can we do?").',
          });
        }
        if (!(callback instanceof ctx.tf.EarlyStopping)) {
          return fail({ ko: '`earlyStop`은 `tf.callbacks.earlyStopping({ … })`으로 만드세요.', en: '`earlyStop` should come from `tf.callbacks.earlyStopping({ … })`.' });
        }
        const { monitor, patience } = callback as unknown as { monitor: string; patience: number };
        if (monitor !== 'val_loss') {
          return fail({
            ko: `\`monitor\`가 '${monitor}'입니다: 과대적합이 시작돼도 훈련 손실은 계속 내려가므로 검증 손실 'val_loss'를 지켜봐야 합니다.`,
            en: `\`monitor\` is '${monitor}': the training loss keeps falling while the model overfits, so watch the validation loss, 'val_loss'.`,
          });
        }
        if (!(patience >= 1 && patience <= 10)) {
          return fail({
            ko: `\`patience\`가 ${patience}입니다: 1–10 사이로 두세요 (예: 3). 0이면 한 번만 흔들려도 멈추고, 너무 크면 멈추지 않습니다.`,
            en: `\`patience\` is ${patience}: keep it between 1 and 10 (e.g. 3). 0 stops at the first wobble; a large value never stops.`,
          });
        }
        if (ctx.probes.earlyStopReachedFit !== true) {
          return fail({
            ko: '조기 종료 콜백이 fit에 전달되지 않았습니다: fit의 옵션 객체는 콜백을 배열로 받습니다. 그 배열에 `earlyStop`과 `keepBest`가 만든 콜백을 함께 넣으세요 ("무엇을 할 수 있을까" 절의 TensorFlow.js 코드).',
            en: 'the early-stopping callback never reached fit: fit\'s options object takes callbacks as an array; put `earlyStop` in it, next to the callback `keepBest` makes (the TensorFlow.js code in section "What can we do?").',
          });
        }
        return pass();
      },
    },
    {
      id: 'keep-best',
      title: { ko: 'keepBest가 최고 에포크의 가중치를 되돌린다', en: 'keepBest restores the best epoch\'s weights' },
      run: judgeKeepBest,
    },
    {
      id: 'best-epoch',
      title: { ko: '검증 손실이 가장 낮은 에포크', en: 'The epoch with the lowest validation loss' },
      run(ctx) {
        const record = historyRecord(ctx);
        if (isOutcome(record)) return record;
        const losses = record.val_loss;
        const expected = losses.indexOf(Math.min(...losses)) + 1;
        const got = ctx.exports.bestEpoch;
        if (got === expected) return pass();
        if (got === expected - 1) {
          return fail({
            ko: `\`bestEpoch\`가 ${String(got)}입니다: 배열 위치는 0부터 세지만 에포크는 1부터 셉니다. \`+ 1\`을 더해 ${expected}로 만드세요.`,
            en: `\`bestEpoch\` is ${String(got)}: array positions count from 0, epochs from 1. Add \`+ 1\` to get ${expected}.`,
          });
        }
        return fail({
          ko: `\`bestEpoch\`는 ${expected}여야 하는데 ${String(got)}입니다 (val_loss: ${losses.map((l) => l.toFixed(4)).join(', ')}). 가장 작은 val_loss의 위치 + 1을 쓰세요.`,
          en: `\`bestEpoch\` should be ${expected}, got ${String(got)} (val_loss: ${losses.map((l) => l.toFixed(4)).join(', ')}). Use the position of the smallest val_loss, plus 1.`,
        });
      },
    },
    {
      id: 'best-weights',
      title: { ko: '학습 후 모델이 최고 에포크의 모델', en: 'After training, the model is the best epoch\'s' },
      async run(ctx) {
        const record = historyRecord(ctx);
        if (isOutcome(record)) return record;
        if (judgeKeepBest(ctx).status !== 'passed') {
          return notAttempted({ ko: '먼저 `keepBest`를 완성하세요 (위의 검사).', en: 'finish `keepBest` first (the check above).' });
        }
        const scores = await evaluateModel(ctx);
        if (isOutcome(scores)) return scores;
        const best = Math.min(...record.val_loss);
        // evaluate() and fit's validation pass use the same batches; only float
        // summation order differs.
        if (closeTo(scores.loss, best, METRIC_TOLERANCE)) return pass();
        return fail({
          ko: `학습이 끝난 모델의 검증 손실은 ${scores.loss.toFixed(4)}인데 가장 좋았던 에포크는 ${best.toFixed(4)}였습니다: fit의 \`callbacks\`에 \`keepBest(model)\`을 넣으세요.`,
          en: `the trained model's validation loss is ${scores.loss.toFixed(4)}, but the best epoch had ${best.toFixed(4)}: put \`keepBest(model)\` in fit's \`callbacks\`.`,
        });
      },
    },
    {
      id: 'saved',
      title: { ko: `쓸 만한 모델을 'mnist'로 저장 (검증 정확도 ${MIN_VAL_ACC} 이상)`, en: `A useful model saved as 'mnist' (validation accuracy ≥ ${MIN_VAL_ACC})` },
      run(ctx) {
        const saved = ctx.exports.saved as { url?: unknown } | undefined;
        if (saved === undefined || saved === null) {
          return notAttempted({
            ko: "`saved`가 비어 있습니다: 시작 코드의 `export const saved = undefined;` 자리에, 학습한 모델을 course의 `saveModel`로 'mnist'라는 이름으로 저장하고 그 결과를 담으세요 (\"모델 저장하기\" 절).",
            en: "`saved` is empty: in place of the starter's `export const saved = undefined;`, save the trained model with the course's `saveModel` under the name 'mnist' and export what it gives back (section \"Saving the model\").",
          });
        }
        if (saved instanceof Promise) {
          return fail({ ko: '`saveModel`은 Promise를 돌려줍니다: 앞에 `await`를 붙이세요.', en: '`saveModel` returns a Promise: put `await` in front of it.' });
        }
        if (saved.url === MODEL_URL) return accurateEnough(ctx);
        return fail({
          ko: `모델이 ${String(saved.url)}에 저장되었습니다: 17강의 손글씨 패드는 ${MODEL_URL}을 불러오므로 저장할 때 이름을 'mnist'로 주세요 ("모델 저장하기" 절).`,
          en: `the model went to ${String(saved.url)}: the drawing pad of lesson 17 loads ${MODEL_URL}, so give 'mnist' as the name when saving (section "Saving the model").`,
        });
      },
    },
  ],
});
