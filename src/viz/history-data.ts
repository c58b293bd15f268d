// Reads Keras/tfjs history series whatever the metric is called: tfjs writes
// `acc` when compiled with metrics ['acc'] and `accuracy` with ['accuracy'].
import type { HistorySeries } from '../contract/show.ts';

export interface NormalHistory {
  loss: number[];
  valLoss: number[];
  acc: number[];
  valAcc: number[];
  /** Number of epochs recorded (the longest series). */
  epochs: number;
}

function pick(series: HistorySeries, ...keys: string[]): number[] {
  for (const key of keys) {
    const values = series[key];
    if (Array.isArray(values)) return values.map(Number);
  }
  return [];
}

export function normalizeHistory(series: HistorySeries): NormalHistory {
  const loss = pick(series, 'loss');
  const valLoss = pick(series, 'val_loss');
  const acc = pick(series, 'acc', 'accuracy', 'categorical_accuracy', 'categoricalAccuracy');
  const valAcc = pick(series, 'val_acc', 'val_accuracy', 'val_categorical_accuracy', 'val_categoricalAccuracy');
  const epochs = Math.max(loss.length, valLoss.length, acc.length, valAcc.length);
  return { loss, valLoss, acc, valAcc, epochs };
}

/** Values a float32 round trip or a JSON copy may change: same history if within this. */
const SAME_VALUE = 1e-6;

/**
 * Whether `shown` (a learner's show.history) is the history `live` recorded:
 * every series it has matches the live one, under either metric name. Lets
 * the page draw one chart per history.
 */
export function sameHistory(live: HistorySeries, shown: HistorySeries): boolean {
  const a = normalizeHistory(live);
  const b = normalizeHistory(shown);
  const pairs = (['loss', 'valLoss', 'acc', 'valAcc'] as const).filter((key) => b[key].length > 0).map((key) => [a[key], b[key]]);
  return pairs.length > 0 && pairs.every(([x, y]) =>
    x.length === y.length && x.every((value, i) => Math.abs(value - y[i]) <= SAME_VALUE * Math.max(1, Math.abs(y[i]))));
}

/** 0-based index of the smallest finite value, or −1 when there is none. */
export function lowestIndex(values: readonly number[]): number {
  let best = -1;
  for (let i = 0; i < values.length; i++) {
    if (Number.isFinite(values[i]) && (best < 0 || values[i] < values[best])) best = i;
  }
  return best;
}
