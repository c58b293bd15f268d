import type * as tfType from '@tensorflow/tfjs';
import { defineExercise, fail, pass, type CheckContext, type CheckOutcome } from '../../contract/exercise.ts';
import { closeTo, expectShapes, exportedModel, exportedTensor, isOutcome } from '../checks.ts';

// −log of the probability each row gives the true class (class 0).
const EXPECTED_LOSSES = [0.98, 0.4, 0.01].map((p) => -Math.log(p));
// The messages print three decimals: losses that read the same pass.
const LOSS_TOLERANCE = 1e-3;

// Only the last hint shows this call: a check message says what is wrong and where to look.
const compileCall = "`model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['acc'] })`";

/** The exported model once compiled, or the outcome to report instead. */
function compiledModel(ctx: CheckContext): tfType.LayersModel | CheckOutcome {
  const model = exportedModel(ctx);
  if (isOutcome(model)) return model;
  if (model.optimizer === undefined || model.optimizer === null) {
    return fail({
      ko: '모델이 아직 compile되지 않았습니다: TODO 1에 적힌 옵티마이저, 손실, 평가지표를 옵션 객체 하나에 담아 `model.compile`을 호출하세요 ("학습 전에 정할 세 가지" 절).',
      en: 'the model is not compiled yet: call `model.compile` with one options object holding the optimizer, loss and metric TODO 1 names (section "Three decisions before training").',
    });
  }
  return model;
}

export default defineExercise({
  id: '08-compile',
  lesson: '08-compile',
  title: { ko: '손실, 옵티마이저, 평가지표 정하기', en: 'Choose loss, optimizer and metric' },
  datasets: [],
  timeBudgetMs: 20_000,
  hints: {
    ko: [
      '케라스의 키워드 인자는 TensorFlow.js에서 객체 하나로 넘깁니다: `model.compile({ optimizer: …, loss: …, metrics: […] })`. 이름은 카멜 표기라 `categorical_crossentropy`는 `categoricalCrossentropy`입니다.',
      '크로스 엔트로피는 정답 원-핫 `yTrue`와 예측 `yPred`의 로그를 곱해 행마다 더한 뒤 부호를 바꿉니다: `yTrue.mul(yPred.log()).sum(1).neg()`.',
      `정답: ${compileCall}; 그리고 \`export const losses = yTrue.mul(yPred.log()).sum(1).neg();\``,
    ],
    en: [
      "Keras's keyword arguments become one object in TensorFlow.js: `model.compile({ optimizer: …, loss: …, metrics: […] })`. Names are camelCase, so `categorical_crossentropy` is `categoricalCrossentropy`.",
      'Cross-entropy multiplies the one-hot truth `yTrue` by the log of the prediction `yPred`, sums each row and flips the sign: `yTrue.mul(yPred.log()).sum(1).neg()`.',
      `The answer: ${compileCall}; and \`export const losses = yTrue.mul(yPred.log()).sum(1).neg();\``,
    ],
  },
  checks: [
    {
      id: 'compile-loss',
      title: { ko: '손실 함수: categoricalCrossentropy', en: 'Loss: categoricalCrossentropy' },
      run(ctx) {
        const model = compiledModel(ctx);
        if (isOutcome(model)) return model;
        const loss = typeof model.loss === 'string' ? model.loss : String(model.loss);
        if (loss === 'categoricalCrossentropy') return pass();
        return fail({
          ko: `손실 함수가 \`${loss}\`입니다: 원-핫 레이블과 softmax 출력을 쓰는 다중 분류에는 \`'categoricalCrossentropy'\`를 씁니다${loss === 'binaryCrossentropy' ? ' (binaryCrossentropy는 sigmoid 출력 하나의 이진 분류용입니다)' : ''}.`,
          en: `the loss is \`${loss}\`: multi-class classification with one-hot labels and a softmax output uses \`'categoricalCrossentropy'\`${loss === 'binaryCrossentropy' ? ' (binaryCrossentropy is for binary classification with one sigmoid output)' : ''}.`,
        });
      },
    },
    {
      id: 'compile-optimizer',
      title: { ko: '옵티마이저: Adam', en: 'Optimizer: Adam' },
      run(ctx) {
        const model = compiledModel(ctx);
        if (isOutcome(model)) return model;
        const name = model.optimizer.getClassName();
        if (name === 'Adam') return pass();
        return fail({
          ko: `옵티마이저가 ${name}입니다: 책처럼 \`optimizer: 'adam'\`을 쓰세요.`,
          en: `the optimizer is ${name}: use \`optimizer: 'adam'\` as the book does.`,
        });
      },
    },
    {
      id: 'compile-metrics',
      title: { ko: '평가지표: 정확도', en: 'Metric: accuracy' },
      run(ctx) {
        const model = compiledModel(ctx);
        if (isOutcome(model)) return model;
        const names = model.metricsNames ?? [];
        if (names.includes('acc') || names.includes('accuracy')) return pass();
        return fail({
          ko: `평가지표가 [${names.join(', ')}]뿐입니다: 학습 중 정확도를 보려면 \`metrics: ['acc']\`를 넘기세요.`,
          en: `the only metrics are [${names.join(', ')}]: pass \`metrics: ['acc']\` to follow accuracy during training.`,
        });
      },
    },
    {
      id: 'cross-entropy',
      title: { ko: '크로스 엔트로피를 직접 계산했다', en: 'Computed the cross-entropy' },
      async run(ctx) {
        const shape = expectShapes(ctx, { losses: [3] }, {
          ko: '행마다 더해(`sum(1)`) 예측마다 손실 하나가 되게 하세요.',
          en: 'sum each row (`sum(1)`) so there is one loss per prediction.',
        });
        if (shape.status !== 'passed') return shape;
        const losses = exportedTensor(ctx, 'losses');
        if (!(losses instanceof ctx.tf.Tensor)) return losses;
        const actual = Array.from(await losses.data());
        if (actual.every((v, i) => closeTo(v, EXPECTED_LOSSES[i], LOSS_TOLERANCE))) return pass();
        const fmt = (values: number[]) => `[${values.map((v) => v.toFixed(3)).join(', ')}]`;
        const negative = actual.some((v) => v < 0);
        return fail({
          ko: `손실이 ${fmt(actual)}인데 ${fmt(EXPECTED_LOSSES)}이어야 합니다${negative ? ': log(p)는 음수이므로 `.neg()`로 부호를 바꾸세요' : ': −Σ y·log(p)를 행마다 계산하세요'}.`,
          en: `expected losses ${fmt(EXPECTED_LOSSES)}, got ${fmt(actual)}${negative ? ': log(p) is negative, so flip the sign with `.neg()`' : ': compute −Σ y·log(p) for each row'}.`,
        });
      },
    },
  ],
});
