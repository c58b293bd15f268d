// Counting what a run left behind. Model and optimizer variables are state,
// not leaks; tensors the exports hold and the dataset tensors loadData handed
// out are wanted. What remains is reported as a hint.
import type * as tfType from '@tensorflow/tfjs';

type Tf = typeof tfType;

export interface TensorCount {
  tensors: number;
  variables: number;
}

export function countTensors(tf: Tf): TensorCount {
  const state = (tf.engine() as unknown as { state?: { registeredVariables?: Record<string, unknown> } }).state;
  return { tensors: tf.memory().numTensors, variables: Object.keys(state?.registeredVariables ?? {}).length };
}

/** Live non-variable tensors reachable from the exports (two levels deep) plus the data tensors. */
export function heldTensors(tf: Tf, exports: Record<string, unknown>, data: Iterable<tfType.Tensor>): number {
  const ids = new Set<number>();
  const visit = (value: unknown, depth: number) => {
    if (value instanceof tf.Variable) return;
    if (value instanceof tf.Tensor) {
      if (!value.isDisposed) ids.add(value.id);
      return;
    }
    if (depth > 2 || !value || typeof value !== 'object') return;
    for (const v of Array.isArray(value) ? value : Object.values(value)) visit(v, depth + 1);
  };
  visit(exports, 0);
  for (const t of data) visit(t, 0);
  return ids.size;
}

export function leakedTensors(before: TensorCount, after: TensorCount, held: number): number {
  return Math.max(0, after.tensors - before.tensors - (after.variables - before.variables) - held);
}
