// Number formatting shared by the pictures (fixed formats, so output does not
// depend on the reader's browser locale and snapshot tests stay stable).
import * as d3 from 'd3';

export const fmtLoss = d3.format('.4f');
export const fmtProb = d3.format('.3f');
export const fmtPercent = d3.format('.1%');
export const fmtInt = d3.format(',d');

/** Keras's parameter size: params × 4 bytes (float32), in 1024 steps. */
export function readableMemorySize(bytes: number): string {
  const units = ['Byte', 'KB', 'MB', 'GB', 'TB'];
  let size = bytes;
  for (const unit of units) {
    if (size / 1024 < 1) return `${size.toFixed(2)} ${unit}`;
    size /= 1024;
  }
  return `${size.toFixed(2)} PB`;
}

/** "101,770 (397.54 KB)" as in model.summary(). */
export function formatParams(count: number): string {
  return `${fmtInt(count)} (${readableMemorySize(count * 4)})`;
}

/** Keras shape notation: (None, 28, 28). A 1-tuple keeps its comma: (None,). */
export function formatShape(shape: readonly (number | null)[]): string {
  const parts = shape.map((d) => (d === null ? 'None' : String(d)));
  return parts.length === 1 ? `(${parts[0]},)` : `(${parts.join(', ')})`;
}

/** Metric values: accuracy-like (0..1) as percent-free decimals with 4 digits. */
export function fmtMetric(value: number): string {
  return Number.isFinite(value) ? fmtLoss(value) : String(value);
}
