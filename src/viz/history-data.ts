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

/** 0-based index of the smallest finite value, or −1 when there is none. */
export function lowestIndex(values: readonly number[]): number {
  let best = -1;
  for (let i = 0; i < values.length; i++) {
    if (Number.isFinite(values[i]) && (best < 0 || values[i] < values[best])) best = i;
  }
  return best;
}
