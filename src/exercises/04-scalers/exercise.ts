import { defineExercise, fail, pass, type CheckContext, type CheckOutcome } from '../../contract/exercise.ts';
import type { Localized } from '../../contract/locale.ts';
import { closeTo, exportedTensor, type Tensor } from '../checks.ts';

// The checks recompute each scaling from its formula (not with the course's
// scalers), so they also catch a scaler fitted on the wrong data.
interface Scaling {
  name: 'minMaxVal' | 'robustVal' | 'standardVal';
  scaler: string;
  /** [center, scale] such that scaled = (x - center) / scale. */
  params(values: Float64Array): [number, number];
}

function quantile(sorted: Float64Array, q: number): number {
  // numpy's default (linear) percentile, as scikit-learn's RobustScaler uses.
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.min(lower + 1, sorted.length - 1);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
}

const SCALINGS: Scaling[] = [
  {
    name: 'minMaxVal',
    scaler: 'MinMaxScaler',
    params(values) {
      let min = Infinity;
      let max = -Infinity;
      for (const v of values) { min = Math.min(min, v); max = Math.max(max, v); }
      return [min, max - min];
    },
  },
  {
    name: 'robustVal',
    scaler: 'RobustScaler',
    params(values) {
      const sorted = Float64Array.from(values).sort();
      return [quantile(sorted, 0.5), quantile(sorted, 0.75) - quantile(sorted, 0.25)];
    },
  },
  {
    name: 'standardVal',
    scaler: 'StandardScaler',
    params(values) {
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length;
      return [mean, Math.sqrt(variance)];
    },
  },
];

async function column(ctx: CheckContext, name: string, length?: number): Promise<Float64Array | CheckOutcome> {
  const t = exportedTensor(ctx, name);
  if (!(t instanceof ctx.tf.Tensor)) return t;
  if (t.shape.length !== 2 || t.shape[1] !== 1 || (length !== undefined && t.shape[0] !== length)) {
    const expected = length === undefined ? '[n, 1]' : `[${length}, 1]`;
    return fail({
      ko: `\`${name}\`의 형태는 ${expected}이어야 하는데 [${t.shape.join(', ')}]입니다: 스케일러의 \`transform\` 결과를 그대로 내보내세요.`,
      en: `expected \`${name}\` to have shape ${expected}, got [${t.shape.join(', ')}]: export what the scaler's \`transform\` returns.`,
    });
  }
  return Float64Array.from(await (t as Tensor).data());
}

// Relative: the course's scalers work in float32 on values up to 255, the
// check in float64.
const SCALED_TOLERANCE = 1e-3;

const matches = (actual: Float64Array, raw: Float64Array, [center, scale]: [number, number]): boolean =>
  actual.every((v, i) => closeTo(v, (raw[i] - center) / scale, SCALED_TOLERANCE * Math.max(1, Math.abs(v))));

export default defineExercise({
  id: '04-scalers',
  lesson: '04-preprocessing',
  title: { ko: '세 가지 스케일링 비교하기', en: 'Compare three scalings' },
  datasets: ['mnist'],
  timeBudgetMs: 60_000,
  hints: {
    ko: [
      '스케일러는 scikit-learn처럼 씁니다: `new MinMaxScaler()`를 만들고, `fit(inkTrain)`으로 학습 데이터의 통계를 배운 뒤, `transform(inkVal)`로 검증 데이터를 바꿉니다.',
      '`fit`은 스케일러 자신을 돌려주므로 이어 쓸 수 있습니다: `new RobustScaler().fit(inkTrain).transform(inkVal)`. `fitTransform(inkVal)`은 검증 데이터로 fit하는 것이라 틀립니다.',
      '히스토그램은 `show.histogram({ robust: robustVal }, { bins: 40, title: \'RobustScaler\' })`처럼 스케일러마다 하나씩 그립니다.',
    ],
    en: [
      "Scalers work as in scikit-learn: create `new MinMaxScaler()`, learn the training data's statistics with `fit(inkTrain)`, then change the validation data with `transform(inkVal)`.",
      '`fit` returns the scaler, so the calls chain: `new RobustScaler().fit(inkTrain).transform(inkVal)`. `fitTransform(inkVal)` would fit on the validation data, which is wrong.',
      "Draw one histogram per scaler, e.g. `show.histogram({ robust: robustVal }, { bins: 40, title: 'RobustScaler' })`.",
    ],
  },
  checks: [
    {
      id: 'fitted-on-train',
      title: { ko: '학습 데이터로 fit하고 검증 데이터를 변환했다', en: 'Fitted on training data, transformed validation data' },
      async run(ctx) {
        const train = await column(ctx, 'inkTrain');
        if (!(train instanceof Float64Array)) return train;
        const val = await column(ctx, 'inkVal');
        if (!(val instanceof Float64Array)) return val;
        for (const scaling of SCALINGS) {
          const scaled = await column(ctx, scaling.name, val.length);
          if (!(scaled instanceof Float64Array)) return scaled;
          if (matches(scaled, val, scaling.params(train))) continue;
          if (matches(scaled, val, scaling.params(val))) {
            return fail({
              ko: `\`${scaling.name}\`은(는) 검증 데이터로 fit한 결과입니다: 검증 데이터의 정보가 전처리에 새어 들어갑니다. 스케일러는 학습 데이터(\`inkTrain\`)로만 fit하고, 그 스케일러로 검증 데이터를 transform하세요 ("fit은 학습 데이터로만" 절).`,
              en: `\`${scaling.name}\` was fitted on the validation data, which leaks it into the preprocessing: fit the scaler on the training data (\`inkTrain\`) only, then transform the validation data with it (section "Fit on the training data only").`,
            });
          }
          return fail(mismatch(scaling, scaled, val));
        }
        return pass();
      },
    },
    {
      id: 'histograms',
      title: { ko: '세 결과의 히스토그램을 그렸다', en: 'Drew histograms of the three results' },
      run(ctx) {
        const series = ctx.shows.flatMap((show) => (show.kind === 'histogram' ? show.series : []));
        if (series.length >= 4) return pass();
        return fail({
          ko: `히스토그램 계열이 ${series.length}개뿐입니다: 세 스케일링 결과마다 \`show.histogram(…)\`을 호출하세요.`,
          en: `only ${series.length} histogram series were drawn: call \`show.histogram(…)\` for each of the three scaled results.`,
        });
      },
    },
  ],
});

function mismatch(scaling: Scaling, scaled: Float64Array, raw: Float64Array): Localized {
  const sample = `${raw[0].toFixed(2)} → ${scaled[0].toFixed(3)}`;
  return {
    ko: `\`${scaling.name}\`이(가) ${scaling.scaler}의 결과와 다릅니다 (첫 값 ${sample}): ${scaling.scaler}를 \`inkTrain\`으로 fit한 뒤 \`inkVal\`을 transform한 결과를 내보내세요 ("여러 가지 스케일링" 절).`,
    en: `\`${scaling.name}\` differs from what ${scaling.scaler} gives (first value ${sample}): export ${scaling.scaler} fitted on \`inkTrain\`, applied to \`inkVal\` (section "Other ways to scale").`,
  };
}
