// classification_report: the text table laid out character for character as
// scikit-learn 1.2 prints it (Python's format rules, round-half-even), or the
// output_dict structure.
import { fail, type Label, type LabelsLike } from './inputs.ts';
import { prfs, readTargets, sortLabels, type Warn, type ZeroDivision } from './metrics.ts';

export interface ClassificationReportOptions {
  /** Labels to report on, in order (default: every label in yTrue or yPred, sorted). */
  labels?: readonly Label[];
  /** Display names for the labels, e.g. the Fashion-MNIST class names. */
  targetNames?: readonly string[];
  /** Decimal places in the text table (default 2). */
  digits?: number;
  /**
   * Value for precision/recall when a class has no predicted / no true
   * samples: `0`, `1`, or `'warn'` (default: 0 and a warning).
   */
  zeroDivision?: ZeroDivision;
  /** Return a structured object instead of the text table. */
  outputDict?: boolean;
  /**
   * Receives each 'warn' warning (English and Korean). Default: `console.warn`,
   * the way Python prints an UndefinedMetricWarning.
   */
  onWarning?: (message: string, localized: { ko: string; en: string }) => void;
}

/** One row of the structured report. */
export interface ReportRow {
  precision: number;
  recall: number;
  'f1-score': number;
  support: number;
}

/**
 * The structured report (scikit-learn's `output_dict=True`): a row per class
 * name, then `accuracy` (a number) or `micro avg`, then `macro avg` and
 * `weighted avg`.
 */
export type ReportDict = Record<string, ReportRow | number>;

/** Code points, as Python's len() counts them. */
function pad(s: string, width: number): string {
  const len = [...s].length;
  return len >= width ? s : ' '.repeat(width - len) + s;
}

/**
 * Python's `format(x, '.{digits}f')`: correctly rounded, ties to even.
 * (toFixed rounds exact ties such as 0.125 away from zero.)
 */
export function formatFixed(x: number, digits: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  const neg = x < 0 || Object.is(x, -0);
  // The exact decimal expansion: any tie at `digits + 1` places shows exactly.
  const [intPart, frac] = Math.abs(x).toFixed(100).split('.');
  const kept = frac.slice(0, digits);
  const rest = frac.slice(digits);
  let n = BigInt(intPart + kept);
  const half = '5'.padEnd(rest.length, '0');
  if (rest > half || (rest === half && n % 2n === 1n)) n += 1n;
  let s = n.toString().padStart(digits + 1, '0');
  if (digits > 0) s = `${s.slice(0, -digits)}.${s.slice(-digits)}`;
  return (neg ? '-' : '') + s;
}

/**
 * Precision, recall, F1-score and support per class, like scikit-learn's
 * `classification_report`: the same text table (widths, rounding) or, with
 * `outputDict: true`, the same structure.
 *
 * ```ts
 * const yPred = model.predict(xTest).argMax(-1);
 * console.log(classificationReport(yTest, yPred, { targetNames: classNames }));
 * ```
 *
 * Labels must be class numbers or names (`argMax(-1)` of softmax outputs).
 * When a class has no predicted (or no true) samples its precision (recall)
 * is undefined: `zeroDivision` decides the value, and with `'warn'` a
 * warning goes to `onWarning` (default `console.warn`).
 */
export function classificationReport(
  yTrue: LabelsLike,
  yPred: LabelsLike,
  options: ClassificationReportOptions & { outputDict: true },
): ReportDict;
export function classificationReport(
  yTrue: LabelsLike,
  yPred: LabelsLike,
  options?: ClassificationReportOptions & { outputDict?: false },
): string;
export function classificationReport(
  yTrue: LabelsLike,
  yPred: LabelsLike,
  options: ClassificationReportOptions = {},
): string | ReportDict {
  const who = 'classificationReport';
  const { yTrue: t, yPred: p } = readTargets(yTrue, yPred, who);
  const digits = options.digits ?? 2;
  if (!Number.isInteger(digits) || digits < 0 || digits > 20) {
    fail(`${who}: digits must be an integer from 0 to 20; got ${String(digits)}.`, `${who}: digits는 0부터 20까지의 정수여야 합니다. 받은 값: ${String(digits)}.`);
  }
  const zd = options.zeroDivision ?? 'warn';
  if (zd !== 'warn' && zd !== 0 && zd !== 1) {
    fail(`${who}: zeroDivision must be 'warn', 0 or 1; got ${JSON.stringify(zd)}.`, `${who}: zeroDivision은 'warn', 0, 1 중 하나여야 합니다. 받은 값: ${JSON.stringify(zd)}.`);
  }
  const seen = new Set<string>();
  const printed = options.onWarning ?? ((message: string, l: { ko: string }) => console.warn(`Warning: ${message}\n${l.ko}`));
  const warn: Warn = (en, ko) => {
    if (seen.has(en)) return; // Python shows a repeated warning once
    seen.add(en);
    printed(en, { ko, en });
  };

  const present = sortLabels([...t, ...p]);
  const labelsGiven = options.labels !== undefined;
  const labels = labelsGiven ? [...options.labels!] : present;
  const microIsAccuracy =
    !labelsGiven || (new Set(labels).size === present.length && present.every((l) => labels.includes(l)));
  let names: string[];
  if (options.targetNames !== undefined) {
    names = [...options.targetNames];
    if (names.length !== labels.length) {
      if (!labelsGiven) {
        fail(
          `${who}: number of classes, ${labels.length}, does not match size of targetNames, ${names.length}. Try specifying the labels option.`,
          `${who}: 클래스 수(${labels.length})와 targetNames의 개수(${names.length})가 다릅니다. labels 옵션을 지정해 보세요.`,
        );
      }
      warn(
        `labels size, ${labels.length}, does not match size of targetNames, ${names.length}`,
        `labels 개수(${labels.length})와 targetNames 개수(${names.length})가 다릅니다.`,
      );
    }
  } else {
    names = labels.map(String);
  }

  const per = prfs(t, p, labels, null, zd, warn);
  const rows = Math.min(names.length, labels.length);
  const headers = ['precision', 'recall', 'f1-score', 'support'] as const;
  const dict: ReportDict = {};
  let text = '';
  const width = Math.max(...names.map((n) => [...n].length), 'weighted avg'.length, digits);
  const line = (name: string, a: number, b: number, c: number, s: number) =>
    `${pad(name, width)} ${[a, b, c].map((v) => ` ${pad(formatFixed(v, digits), 9)}`).join('')} ${pad(String(s), 9)}\n`;
  if (options.outputDict) {
    for (let i = 0; i < rows; i++) {
      dict[names[i]] = { precision: per.precision[i], recall: per.recall[i], 'f1-score': per.f1[i], support: per.support[i] };
    }
  } else {
    text = `${pad('', width)} ${headers.map((h) => ` ${pad(h, 9)}`).join('')}\n\n`;
    for (let i = 0; i < rows; i++) text += line(names[i], per.precision[i], per.recall[i], per.f1[i], per.support[i]);
    text += '\n';
  }
  const total = per.support.reduce((a, b) => a + b, 0);
  for (const average of ['micro', 'macro', 'weighted'] as const) {
    const heading = average === 'micro' && microIsAccuracy ? 'accuracy' : `${average} avg`;
    const r = prfs(t, p, labels, average, zd, warn);
    if (options.outputDict) {
      dict[heading] =
        heading === 'accuracy'
          ? r.precision[0]
          : { precision: r.precision[0], recall: r.recall[0], 'f1-score': r.f1[0], support: total };
    } else if (heading === 'accuracy') {
      text += `${pad(heading, width)} ${pad('', 9)} ${pad('', 9)}  ${pad(formatFixed(r.f1[0], digits), 9)} ${pad(String(total), 9)}\n`;
    } else {
      text += line(heading, r.precision[0], r.recall[0], r.f1[0], total);
    }
  }
  return options.outputDict ? dict : text;
}
