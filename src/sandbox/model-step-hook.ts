// model.predict and model.evaluate are synchronous and, on a whole test set,
// the longest silent stretch of a lesson's program after fit: the status line
// would say "running your code" throughout. Wrapped once per realm, a call on
// many rows tells the listener (the run, while learner code runs) when it
// starts and ends; the event leaves the worker before the computation blocks it.
import type * as tfType from '@tensorflow/tfjs';
import type { ModelStep } from '../contract/protocol.ts';

type Tf = typeof tfType;
const HOOKED = Symbol.for('mnist-course.model-step-hooked');
/** Fewer rows finish at once: no event, so a loop of small predicts floods nothing. */
export const MODEL_STEP_MIN_ROWS = 1000;

type Listener = (step: ModelStep, rows: number, phase: 'start' | 'end') => void;
let listener: Listener | undefined;

export function setModelStepListener(next: Listener | undefined): void {
  listener = next;
}

/** Rows of the first input: a tensor, or the first of an array of tensors. */
function rowsOf(x: unknown): number {
  const first = Array.isArray(x) ? x[0] : x;
  const shape = (first as { shape?: unknown } | null)?.shape;
  return Array.isArray(shape) && typeof shape[0] === 'number' ? shape[0] : 0;
}

export function installModelStepHook(tf: Tf): void {
  const proto = tf.LayersModel.prototype as unknown as Record<string | symbol, unknown>;
  if (proto[HOOKED]) return;
  proto[HOOKED] = true;
  for (const step of ['predict', 'evaluate'] as const) {
    const original = proto[step] as (this: unknown, ...args: unknown[]) => unknown;
    proto[step] = function (this: unknown, ...args: unknown[]) {
      const rows = rowsOf(args[0]);
      const tell = listener;
      if (!tell || rows < MODEL_STEP_MIN_ROWS) return original.apply(this, args);
      tell(step, rows, 'start');
      try {
        return original.apply(this, args);
      } finally {
        tell(step, rows, 'end');
      }
    };
  }
}
