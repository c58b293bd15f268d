// Turns what the learner logs into text. Tensors print as
// `Tensor shape=[60000,28,28] dtype=float32` plus a numpy-like abbreviated
// view that reads only the corner values (never the whole buffer). Inside an
// array or object (`console.log(model.evaluate(x, y))` logs an array of
// scalars) a tensor prints its values on one line, as Keras prints
// `[0.13, 0.97]`: a scalar as its number, others as the same corner view.
import type * as tfType from '@tensorflow/tfjs';

type Tf = typeof tfType;

const LEAD_LAST = 3;
const LEAD_OUTER = 2;
const TRAIL = 1;
const MAX_ARRAY = 100;

export function formatNumber(x: number): string {
  if (Number.isInteger(x)) return String(x);
  if (!Number.isFinite(x)) return String(x);
  const abs = Math.abs(x);
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e6)) return x.toExponential(3);
  return String(Number(x.toPrecision(4)));
}

function isTensor(tf: Tf, value: unknown): value is tfType.Tensor {
  return value instanceof tf.Tensor;
}

function isModel(tf: Tf, value: unknown): value is tfType.LayersModel {
  return value instanceof tf.LayersModel;
}

/** Indices kept along an axis of length n, with -1 marking the ellipsis. */
function keptIndices(n: number, lead: number): number[] {
  if (n <= lead + TRAIL + 1) return Array.from({ length: n }, (_, i) => i);
  const head = Array.from({ length: lead }, (_, i) => i);
  const tail = Array.from({ length: TRAIL }, (_, i) => n - TRAIL + i);
  return [...head, -1, ...tail];
}

function tensorPreview(tf: Tf, t: tfType.Tensor, inline = false): string {
  if (t.isDisposed) return '(disposed)';
  if (t.size === 0) return '[]';
  const kept = t.shape.map((n, axis) => keptIndices(n, axis === t.rank - 1 ? LEAD_LAST : LEAD_OUTER));
  const corner = tf.tidy(() => {
    let x: tfType.Tensor = t;
    kept.forEach((indices, axis) => {
      const real = indices.filter((i) => i >= 0);
      if (real.length !== t.shape[axis]) x = tf.gather(x, tf.tensor1d(real, 'int32'), axis);
    });
    return x.arraySync();
  });
  const render = (value: unknown, axis: number, indent: string): string => {
    if (!Array.isArray(value)) return typeof value === 'number' ? formatNumber(value) : String(value);
    const parts: string[] = [];
    let k = 0;
    for (const index of kept[axis]) {
      if (index === -1) parts.push('…');
      else parts.push(render(value[k++], axis + 1, indent + ' '));
    }
    if (axis === t.rank - 1 || inline) return `[${parts.join(', ')}]`;
    const newlines = '\n'.repeat(Math.max(1, t.rank - axis - 1));
    return `[${parts.join(`,${newlines}${indent} `)}]`;
  };
  return t.rank === 0 ? render(corner, 0, '') : render(corner, 0, '');
}

export function tensorHeader(t: tfType.Tensor): string {
  return `Tensor shape=[${t.shape.join(',')}] dtype=${t.dtype}`;
}

function short(tf: Tf, value: unknown, depth: number, seen: Set<unknown>): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string') return depth === 0 ? value : JSON.stringify(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'boolean' || typeof value === 'symbol') return String(value);
  if (typeof value === 'function') return `[function ${value.name || 'anonymous'}]`;
  if (isTensor(tf, value)) {
    if (depth === 0) return `${tensorHeader(value)}\n${tensorPreview(tf, value)}`;
    return value.isDisposed ? `${tensorHeader(value)} (disposed)` : tensorPreview(tf, value, true);
  }
  if (isModel(tf, value)) return `LayersModel name=${value.name} layers=${value.layers.length} (show.summary(model) draws it)`;
  if (value instanceof Error) return value.stack ?? `${value.name}: ${value.message}`;
  if (seen.has(value)) return '[circular]';
  if (depth > 3) return Array.isArray(value) ? '[…]' : '{…}';
  seen.add(value);
  try {
    if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
      const array = value as unknown as ArrayLike<number>;
      const items = Array.from({ length: Math.min(array.length, MAX_ARRAY) }, (_, i) => formatNumber(Number(array[i])));
      const more = array.length > MAX_ARRAY ? `, … ${array.length - MAX_ARRAY} more` : '';
      return `${value.constructor.name}(${array.length}) [${items.join(', ')}${more}]`;
    }
    if (Array.isArray(value)) {
      const items = value.slice(0, MAX_ARRAY).map((v) => short(tf, v, depth + 1, seen));
      const more = value.length > MAX_ARRAY ? `, … ${value.length - MAX_ARRAY} more` : '';
      return `[${items.join(', ')}${more}]`;
    }
    if (value instanceof Map) {
      return `Map(${value.size}) {${[...value].slice(0, MAX_ARRAY).map(([k, v]) => `${short(tf, k, depth + 1, seen)} => ${short(tf, v, depth + 1, seen)}`).join(', ')}}`;
    }
    if (value instanceof Set) return `Set(${value.size}) {${[...value].slice(0, MAX_ARRAY).map((v) => short(tf, v, depth + 1, seen)).join(', ')}}`;
    if (value instanceof Promise) return 'Promise { … } (add await)';
    const entries = Object.entries(value as Record<string, unknown>).slice(0, MAX_ARRAY);
    const name = (value as object).constructor?.name;
    const prefix = name && name !== 'Object' ? `${name} ` : '';
    return `${prefix}{ ${entries.map(([k, v]) => `${k}: ${short(tf, v, depth + 1, seen)}`).join(', ')} }`.replace('{  }', '{}');
  } finally {
    seen.delete(value);
  }
}

/** console.log semantics: arguments joined by spaces, top-level strings raw. */
export function formatArgs(tf: Tf, args: unknown[]): string {
  return args.map((a) => short(tf, a, 0, new Set())).join(' ');
}

/** A plain-text console.table. */
export function formatTable(tf: Tf, data: unknown): string {
  if (data === null || typeof data !== 'object') return formatArgs(tf, [data]);
  const rows = Object.entries(data as Record<string, unknown>);
  const columns: string[] = [];
  for (const [, row] of rows) {
    if (row && typeof row === 'object' && !isTensor(tf, row)) {
      for (const key of Object.keys(row)) if (!columns.includes(key)) columns.push(key);
    }
  }
  const hasValues = rows.some(([, row]) => !row || typeof row !== 'object' || isTensor(tf, row));
  const header = ['(index)', ...columns, ...(hasValues ? ['Values'] : [])];
  const body = rows.map(([key, row]) => {
    const cells = [key];
    const record = row && typeof row === 'object' && !isTensor(tf, row) ? (row as Record<string, unknown>) : undefined;
    for (const c of columns) cells.push(record && c in record ? short(tf, record[c], 1, new Set()) : '');
    if (hasValues) cells.push(record ? '' : short(tf, row, 1, new Set()));
    return cells;
  });
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join(' │ ');
  return [line(header), widths.map((w) => '─'.repeat(w)).join('─┼─'), ...body.map(line)].join('\n');
}
