// confusion_matrix and the precision/recall/F1 arithmetic behind
// classification_report, as in scikit-learn 1.2 (zero division included).
import { fail, readLabels, requireDiscrete, type Label, type LabelsLike } from './inputs.ts';

export type ZeroDivision = 'warn' | 0 | 1;

/** Sorted like numpy: numbers ascending, strings by code unit. */
export function sortLabels(labels: Iterable<Label>): Label[] {
  return [...new Set(labels)].sort((a, b) =>
    typeof a === 'number' && typeof b === 'number' ? a - b : String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0,
  );
}

/** Reads and cross-checks yTrue and yPred (`_check_targets`). */
export function readTargets(yTrue: unknown, yPred: unknown, who: string): { yTrue: Label[]; yPred: Label[] } {
  const t = readLabels(yTrue, `${who}: yTrue`);
  const p = readLabels(yPred, `${who}: yPred`);
  if (t.length !== p.length) {
    fail(
      `${who}: yTrue and yPred have different lengths: [${t.length}, ${p.length}]. Compare predictions for the same samples (e.g. the whole test set).`,
      `${who}: yTrue와 yPred의 길이가 다릅니다: [${t.length}, ${p.length}]. 같은 샘플(예: 테스트 세트 전체)의 예측과 비교하세요.`,
    );
  }
  requireDiscrete(t, `${who}: yTrue`);
  requireDiscrete(p, `${who}: yPred`);
  if (t.length > 0 && p.length > 0 && typeof t[0] !== typeof p[0]) {
    fail(
      `${who}: labels in yTrue and yPred should be of the same type; got ${typeof t[0]} (yTrue) and ${typeof p[0]} (yPred).`,
      `${who}: yTrue와 yPred의 레이블 종류가 같아야 합니다. yTrue는 ${typeof t[0]}, yPred는 ${typeof p[0]}입니다.`,
    );
  }
  return { yTrue: t, yPred: p };
}

export interface ConfusionMatrixOptions {
  /**
   * Which labels, in which order, make the rows and columns. Default: every
   * label in yTrue or yPred, sorted. Samples with other labels are ignored.
   */
  labels?: readonly Label[];
}

/**
 * Counts predictions per (true class, predicted class), like scikit-learn's
 * `confusion_matrix`: `result[i][j]` is the number of samples of class
 * `labels[i]` predicted as `labels[j]` (rows = true, columns = predicted).
 *
 * ```ts
 * const yPred = model.predict(xTest).argMax(-1);
 * const cm = confusionMatrix(yTest, yPred); // 10 × 10 for MNIST
 * ```
 *
 * Labels must be class numbers or names: pass `probabilities.argMax(-1)`,
 * not softmax outputs or one-hot rows.
 */
export function confusionMatrix(
  yTrue: LabelsLike,
  yPred: LabelsLike,
  options: ConfusionMatrixOptions = {},
): number[][] {
  const { yTrue: t, yPred: p } = readTargets(yTrue, yPred, 'confusionMatrix');
  const labels = options.labels === undefined ? sortLabels([...t, ...p]) : [...options.labels];
  if (options.labels !== undefined) {
    if (labels.length === 0) {
      fail("confusionMatrix: 'labels' should contain at least one label.", "confusionMatrix: 'labels'에 레이블이 하나 이상 있어야 합니다.");
    }
    const present = new Set(t);
    if (t.length > 0 && !labels.some((l) => present.has(l))) {
      fail(
        `confusionMatrix: at least one label specified must be in yTrue; labels = ${JSON.stringify(labels)}.`,
        `confusionMatrix: labels 중 적어도 하나는 yTrue에 있어야 합니다. labels = ${JSON.stringify(labels)}.`,
      );
    }
  }
  const pos = new Map(labels.map((l, i) => [l, i]));
  const cm = labels.map(() => new Array<number>(labels.length).fill(0));
  for (let i = 0; i < t.length; i++) {
    const a = pos.get(t[i]);
    const b = pos.get(p[i]);
    if (a !== undefined && b !== undefined) cm[a][b]++;
  }
  return cm;
}

export interface Scores {
  precision: number;
  recall: number;
  f1: number;
}

/** Per-label counts: true positives, predicted and true totals. */
export function labelCounts(t: readonly Label[], p: readonly Label[], labels: readonly Label[]) {
  const pos = new Map(labels.map((l, i) => [l, i]));
  const tp = new Array<number>(labels.length).fill(0);
  const predSum = tp.slice();
  const trueSum = tp.slice();
  for (let i = 0; i < t.length; i++) {
    const a = pos.get(t[i]);
    const b = pos.get(p[i]);
    if (a !== undefined) trueSum[a]++;
    if (b !== undefined) predSum[b]++;
    if (a !== undefined && a === b) tp[a]++;
  }
  return { tp, predSum, trueSum };
}

/** A warning sklearn would raise as UndefinedMetricWarning. */
export type Warn = (en: string, ko: string) => void;

function warnPrf(warn: Warn, metric: 'Precision' | 'Recall', modifier: 'predicted' | 'true', size: number): void {
  const where = size === 1 ? 'due to' : 'in labels with';
  const whereKo = size === 1 ? '' : '해당 레이블의 ';
  warn(
    `${metric} and F-score are ill-defined and being set to 0.0 ${where} no ${modifier} samples. Use \`zeroDivision\` parameter to control this behavior.`,
    `${modifier === 'predicted' ? '예측된' : '실제'} 샘플이 없어 ${whereKo}${metric === 'Precision' ? '정밀도(precision)' : '재현율(recall)'}와 F1 점수를 정의할 수 없으므로 0.0으로 둡니다. \`zeroDivision\` 옵션으로 이 동작을 정할 수 있습니다.`,
  );
}

/** `_prf_divide`: zero denominators give the zeroDivision value (and a warning for 'warn'). */
function divide(num: number[], den: number[], zd: ZeroDivision, onZero: () => void): number[] {
  let any = false;
  const out = num.map((n, i) => {
    if (den[i] === 0) {
      any = true;
      return zd === 1 ? 1 : 0;
    }
    return n / den[i];
  });
  if (any && zd === 'warn') onZero();
  return out;
}

/**
 * `precision_recall_fscore_support(average=None | 'micro' | 'macro' | 'weighted')`
 * for the given labels; per-label arrays when average is null.
 */
export function prfs(
  t: readonly Label[],
  p: readonly Label[],
  labels: readonly Label[],
  average: null | 'micro' | 'macro' | 'weighted',
  zd: ZeroDivision,
  warn: Warn,
): { precision: number[]; recall: number[]; f1: number[]; support: number[] } {
  let { tp, predSum, trueSum } = labelCounts(t, p, labels);
  if (average === 'micro') {
    const sum = (a: number[]) => [a.reduce((x, y) => x + y, 0)];
    tp = sum(tp);
    predSum = sum(predSum);
    trueSum = sum(trueSum);
  }
  const size = tp.length;
  const precision = divide(tp, predSum, zd, () => warnPrf(warn, 'Precision', 'predicted', size));
  const recall = divide(tp, trueSum, zd, () => warnPrf(warn, 'Recall', 'true', size));
  const f1 = precision.map((pr, i) => {
    const denom = pr + recall[i];
    return (2 * pr * recall[i]) / (denom === 0 ? 1 : denom);
  });
  if (average === null) return { precision, recall, f1, support: trueSum };
  let weights: number[] | null = null;
  if (average === 'weighted') {
    weights = trueSum;
    if (weights.reduce((a, b) => a + b, 0) === 0) {
      const z = zd === 1 ? 1 : 0;
      if (predSum.reduce((a, b) => a + b, 0) === 0) return { precision: [z], recall: [z], f1: [z], support: [] };
      return { precision: [0], recall: [z], f1: [0], support: [] };
    }
  }
  const avg = (a: number[]) => {
    if (!weights) return a.reduce((x, y) => x + y, 0) / a.length;
    let s = 0;
    let w = 0;
    for (let i = 0; i < a.length; i++) {
      s += a[i] * weights[i];
      w += weights[i];
    }
    return s / w;
  };
  return { precision: [avg(precision)], recall: [avg(recall)], f1: [avg(f1)], support: [] };
}
