// Exercise 16 · Stratified 5-fold cross-validation on 5,000 MNIST samples.
// The folds are checked as a partition, the fits by their size (each fold
// trains on 4,000 samples: 32 batches of 128), the statistics from their
// definition. The whole run is about 1.5 epochs' worth of full-data work.
import { defineExercise, fail, notAttempted, pass } from '../../contract/exercise.ts';
import type { FitProgressPayload } from '../../contract/show.ts';
import { closeTo, FLOAT64_TOLERANCE } from '../checks.ts';

const N = 5000;
const K = 5;
const TRAIN_BATCHES = Math.ceil((N - N / K) / 128); // 32
const ALL_BATCHES = Math.ceil(N / 128); // 40
// Measured (Node, WASM, 3 runs × 5 folds): 3 epochs on 4,000 samples score 0.871–0.904 on the held-out fold.
const MIN_SCORE = 0.8;

const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
const std = (v: number[], ddof: number) => Math.sqrt(v.reduce((a, s) => a + (s - mean(v)) ** 2, 0) / (v.length - ddof));

function readScores(value: unknown): number[] | undefined {
  return Array.isArray(value) && value.length > 0 && value.every((s) => typeof s === 'number') ? (value as number[]) : undefined;
}

export default defineExercise({
  id: '16-cross-validation',
  lesson: '16-cross-validation',
  title: { ko: '5겹 교차 검증', en: '5-fold cross-validation' },
  datasets: ['mnist'],
  timeBudgetMs: 180_000,
  hints: {
    ko: [
      "`stratifiedKFold(labels, { nSplits: 5, shuffle: true, randomState: 777 })`는 폴드 5개의 배열을 돌려줍니다. 폴드마다 `trainIndex`(학습에 쓸 번호)와 `testIndex`(검증에 쓸 번호)가 있습니다.",
      '`for (const { trainIndex, testIndex } of folds)` 안에서 `buildModel()`로 새 모델을 만들고 `tf.gather(x, trainIndex)`, `tf.gather(y, trainIndex)`로 학습, `tf.gather(…, testIndex)`로 평가합니다. evaluate의 1번(정확도)을 `(await acc.data())[0]`으로 꺼내 `foldScores.push(…)`.',
      '평균은 합 ÷ 개수, 표준편차는 넘파이의 `np.std`처럼 `Math.sqrt(Σ(s − 평균)² ÷ 개수)`입니다.',
    ],
    en: [
      "`stratifiedKFold(labels, { nSplits: 5, shuffle: true, randomState: 777 })` returns an array of 5 folds. Each fold has a `trainIndex` (the samples to train on) and a `testIndex` (the samples to validate on).",
      'Inside `for (const { trainIndex, testIndex } of folds)`, make a fresh model with `buildModel()`, train on `tf.gather(x, trainIndex)` and `tf.gather(y, trainIndex)`, evaluate on `tf.gather(…, testIndex)`. Read evaluate\'s element 1 (accuracy) with `(await acc.data())[0]` and `foldScores.push(…)` it.',
      "The mean is the sum ÷ the count; the standard deviation, as numpy's `np.std`, is `Math.sqrt(Σ(s − mean)² ÷ count)`.",
    ],
  },
  checks: [
    {
      id: 'folds',
      title: { ko: '5,000개를 겹치지 않는 폴드 5개로', en: '5,000 samples in 5 disjoint folds' },
      run(ctx) {
        const folds = ctx.exports.folds as { trainIndex?: ArrayLike<number>; testIndex?: ArrayLike<number> }[] | undefined;
        if (!Array.isArray(folds) || folds.length === 0) {
          return notAttempted({
            ko: '`folds`가 비어 있습니다: course의 `stratifiedKFold`로 `labels`를 5개 폴드로 나누세요. 섞어서(shuffle) 나누고, 매번 같은 분할이 되도록 `randomState`는 777로 둡니다 ("k-겹 교차 검증" 절).',
            en: '`folds` is empty: split `labels` into 5 folds with the course\'s `stratifiedKFold`, shuffled, with `randomState` 777 so every run gets the same split (section "k-fold cross-validation").',
          });
        }
        if (folds.length !== K) {
          return fail({ ko: `폴드가 ${folds.length}개입니다: \`nSplits: 5\`로 5개를 만드세요.`, en: `there are ${folds.length} folds: make 5 with \`nSplits: 5\`.` });
        }
        const seen = new Uint8Array(N);
        for (const fold of folds) {
          const test = Array.from(fold.testIndex ?? []);
          const train = Array.from(fold.trainIndex ?? []);
          if (test.length + train.length !== N) {
            return fail({
              ko: `한 폴드의 학습 ${train.length}개 + 검증 ${test.length}개가 ${N}이 아닙니다: 분할에 \`labels\`(처음 ${N}개)를 넘기세요.`,
              en: `one fold has ${train.length} training + ${test.length} validation samples, not ${N}: split \`labels\` (the first ${N}).`,
            });
          }
          for (const i of test) seen[i]++;
        }
        if (seen.every((c) => c === 1)) return pass();
        return fail({
          ko: '검증 폴드들이 겹치거나 빠진 샘플이 있습니다: 모든 샘플은 정확히 한 번씩 검증에 쓰여야 합니다. `kFold`/`stratifiedKFold`의 결과를 그대로 쓰세요.',
          en: 'the validation folds overlap or miss samples: every sample must be validated exactly once. Use what `kFold`/`stratifiedKFold` returns as it is.',
        });
      },
    },
    {
      id: 'fold-training',
      title: { ko: '폴드마다 4,000개로 학습', en: 'Each fold trains on its 4,000 samples' },
      run(ctx) {
        const begins = ctx.shows.filter((s): s is FitProgressPayload => s.kind === 'fit-progress' && s.phase === 'begin');
        if (begins.length === 0) {
          return notAttempted({ ko: '아직 학습한 폴드가 없습니다: 폴드마다 `model.fit(…)`을 부르세요.', en: 'no fold has been trained yet: call `model.fit(…)` for each fold.' });
        }
        if (begins.length !== K) {
          return fail({
            ko: `fit이 ${begins.length}번 불렸습니다: 폴드마다 한 번씩, 모두 ${K}번 학습하세요.`,
            en: `fit ran ${begins.length} time(s): train once per fold, ${K} times in all.`,
          });
        }
        const wrong = begins.find((b) => b.batches !== undefined && b.batches !== TRAIN_BATCHES);
        if (wrong === undefined) return pass();
        if (wrong.batches === ALL_BATCHES) {
          return fail({
            ko: `한 폴드가 ${N}개 전부로 학습했습니다 (배치 ${ALL_BATCHES}개): 검증 폴드까지 학습하면 점수가 부풀려집니다. \`tf.gather(x, trainIndex)\`로 학습하세요.`,
            en: `a fold trained on all ${N} samples (${ALL_BATCHES} batches): training on the validation fold inflates the score. Train on \`tf.gather(x, trainIndex)\`.`,
          });
        }
        return fail({
          ko: `한 폴드의 학습이 배치 ${wrong.batches}개였습니다: \`trainIndex\`의 4,000개를 \`batchSize: 128\`로 학습하면 ${TRAIN_BATCHES}개입니다.`,
          en: `one fold trained for ${wrong.batches} batches: the 4,000 \`trainIndex\` samples with \`batchSize: 128\` make ${TRAIN_BATCHES}.`,
        });
      },
    },
    {
      id: 'fold-scores',
      title: { ko: `폴드별 검증 정확도 5개 (각 ${MIN_SCORE} 이상)`, en: `Five validation accuracies (each ≥ ${MIN_SCORE})` },
      run(ctx) {
        const value = ctx.exports.foldScores;
        if (Array.isArray(value) && value.some((s) => typeof s !== 'number')) {
          return fail({
            ko: '`foldScores`에 숫자가 아닌 값이 있습니다: evaluate가 돌려준 스칼라에서 `(await acc.data())[0]`으로 숫자를 꺼내세요.',
            en: '`foldScores` holds something other than numbers: read each number out of the scalar evaluate returns with `(await acc.data())[0]`.',
          });
        }
        const scores = readScores(value);
        if (!scores) return notAttempted({ ko: '`foldScores`에 폴드마다 검증 정확도를 넣으세요.', en: 'push each fold\'s validation accuracy into `foldScores`.' });
        if (scores.length !== K) {
          return fail({ ko: `점수가 ${scores.length}개입니다: 폴드마다 하나, ${K}개여야 합니다.`, en: `there are ${scores.length} scores: one per fold, ${K} in all.` });
        }
        const low = scores.find((s) => !(s >= MIN_SCORE && s <= 1));
        if (low === undefined) return pass();
        return fail({
          ko: `${low.toFixed(4)}인 점수가 있습니다: evaluate의 0번은 손실, 1번이 정확도입니다. 정확도를 넣었다면 폴드마다 ${K}개 모두 \`buildModel()\`로 새 모델을 학습했는지 보세요.`,
          en: `one score is ${low.toFixed(4)}: evaluate gives the loss at 0 and the accuracy at 1. If that is the accuracy, check that each fold trains a fresh \`buildModel()\`.`,
        });
      },
    },
    {
      id: 'summary-stats',
      title: { ko: '평균과 표준편차', en: 'Mean and standard deviation' },
      run(ctx) {
        const scores = readScores(ctx.exports.foldScores);
        const { meanScore, stdScore } = ctx.exports as { meanScore?: unknown; stdScore?: unknown };
        if (!scores) return notAttempted({ ko: '먼저 `foldScores`를 채우세요.', en: 'fill `foldScores` first.' });
        if (typeof meanScore !== 'number' || typeof stdScore !== 'number' || (meanScore === 0 && stdScore === 0)) {
          return notAttempted({ ko: '`meanScore`와 `stdScore`를 계산하세요.', en: 'compute `meanScore` and `stdScore`.' });
        }
        const m = mean(scores);
        if (!closeTo(meanScore, m, FLOAT64_TOLERANCE)) {
          return fail({
            ko: `평균은 ${m.toFixed(6)}이어야 하는데 ${meanScore.toFixed(6)}입니다: 점수의 합을 개수(${scores.length})로 나누세요.`,
            en: `the mean should be ${m.toFixed(6)}, got ${meanScore.toFixed(6)}: divide the sum of the scores by their count (${scores.length}).`,
          });
        }
        // numpy's np.std divides by n; the sample version (n − 1) is also a fair answer.
        if (closeTo(stdScore, std(scores, 0), FLOAT64_TOLERANCE) || closeTo(stdScore, std(scores, 1), FLOAT64_TOLERANCE)) return pass();
        // A variance of accuracies is ~1e-5: compare it relative to itself.
        const variance = std(scores, 0) ** 2;
        if (closeTo(stdScore, variance, FLOAT64_TOLERANCE * variance)) {
          return fail({
            ko: `\`stdScore\`가 분산(${stdScore.toExponential(3)})입니다: 제곱근을 씌워야 정확도와 같은 단위의 표준편차가 됩니다: \`Math.sqrt(…)\`.`,
            en: `\`stdScore\` is the variance (${stdScore.toExponential(3)}): take its square root, \`Math.sqrt(…)\`, to get the standard deviation in accuracy units.`,
          });
        }
        return fail({
          ko: `표준편차는 ${std(scores, 0).toFixed(6)}이어야 하는데 ${stdScore.toFixed(6)}입니다: \`Math.sqrt(Σ(s − 평균)² ÷ 개수)\`.`,
          en: `the standard deviation should be ${std(scores, 0).toFixed(6)}, got ${stdScore.toFixed(6)}: \`Math.sqrt(Σ(s − mean)² ÷ count)\`.`,
        });
      },
    },
  ],
});
