// The optimizers the lean trainer runs, each as one WASM kernel per variable
// with every operation rounded to f32 in tfjs's order: Adam, SGD
// (tf.train.sgd, the 'sgd' string), momentum (tf.train.momentum, Nesterov
// too) and RMSprop (tf.train.rmsprop, any decay, momentum and epsilon; not centered). Each
// describes its per-variable state as tfjs names it (`<variable>/m`,
// `<variable>/rms`, …) and where tfjs keeps it, so lean-fit.ts reads that state
// before a fit and writes it back after, and a later fit, lean or stock,
// continues exactly where this one stopped.
import type * as tfType from '@tensorflow/tfjs';
import type { DenseMlpKernels } from './wasm-heap.ts';
import type { AdamLike } from '../fused-adam.ts';

type Tf = typeof tfType;
const f = Math.fround;

/** One optimizer state entry as tfjs keeps it. */
export interface StateEntry {
  originalName: string;
  variable: tfType.Variable;
}

/** Pointers of one parameter's buffers on the wasm heap. */
export interface ParamBuffers {
  value: number;
  grad: number;
  /** One buffer per slot of the optimizer, in `slots` order. */
  state: number[];
  count: number;
}

export interface LeanOptimizer {
  /** For the bench: 'adam', 'sgd', 'momentum', 'momentum (Nesterov)', 'rmsprop'. */
  name: string;
  /** Per-variable state: tfjs's name suffix and the list on the optimizer holding it. */
  slots: { suffix: string; list: () => (StateEntry | undefined)[] }[];
  /** One update of one parameter from its gradient. */
  update(kernels: DenseMlpKernels, p: ParamBuffers): void;
  /** After every parameter took its step (Adam's accBeta powers). */
  stepped(): void;
  /** Scalar state back to the tfjs optimizer (Adam's accBeta1/2). */
  writeScalars(tf: Tf): void;
}

/** tfjs's private Adam fields, as the fused Adam kernel reads them. */
type AdamFields = AdamLike;
interface SgdFields {
  learningRate: number;
}
interface MomentumFields extends SgdFields {
  momentum: number;
  useNesterov: boolean;
  accumulations: StateEntry[];
}
interface RmspropFields extends SgdFields {
  decay: number;
  momentum: number;
  epsilon: number;
  centered: boolean;
  accumulatedMeanSquares: StateEntry[];
  accumulatedMoments: StateEntry[];
}

const finite = (...values: unknown[]) => values.every((v) => typeof v === 'number' && Number.isFinite(v));

function adam(o: AdamFields): LeanOptimizer {
  let accBeta1 = f(o.accBeta1.dataSync()[0]!);
  let accBeta2 = f(o.accBeta2.dataSync()[0]!);
  return {
    name: 'adam',
    slots: [
      { suffix: 'm', list: () => o.accumulatedFirstMoment },
      { suffix: 'v', list: () => o.accumulatedSecondMoment },
    ],
    update(kernels, p) {
      const [m, v] = p.state as [number, number];
      kernels.adam(p.value, m, v, p.grad, p.count, f(o.beta1), f(o.beta2), f(1 - o.beta1), f(1 - o.beta2), f(1 - accBeta1), f(1 - accBeta2), f(o.epsilon), f(-o.learningRate));
    },
    stepped() {
      accBeta1 = f(accBeta1 * f(o.beta1));
      accBeta2 = f(accBeta2 * f(o.beta2));
    },
    writeScalars(tf) {
      tf.tidy(() => {
        o.accBeta1.assign(tf.scalar(accBeta1));
        o.accBeta2.assign(tf.scalar(accBeta2));
      });
    },
  };
}

const noScalars = { stepped() {}, writeScalars() {} };

/** The lean version of a model's optimizer, or why there is none. */
export function leanOptimizer(tf: Tf, optimizer: tfType.Optimizer | undefined): LeanOptimizer | string {
  if (!optimizer) return 'no optimizer';
  const kind = optimizer.constructor;
  if (kind === tf.AdamOptimizer) {
    const o = optimizer as unknown as AdamFields;
    if (!finite(o.learningRate, o.beta1, o.beta2, o.epsilon)) return 'Adam settings are not numbers';
    return adam(o);
  }
  if (kind === tf.SGDOptimizer) {
    const o = optimizer as unknown as SgdFields;
    if (!finite(o.learningRate)) return 'SGD learning rate is not a number';
    return { name: 'sgd', slots: [], update: (k, p) => k.sgd(p.value, p.grad, p.count, f(-o.learningRate)), ...noScalars };
  }
  if (kind === tf.MomentumOptimizer) {
    const o = optimizer as unknown as MomentumFields;
    if (!finite(o.learningRate, o.momentum)) return 'momentum settings are not numbers';
    return {
      name: o.useNesterov ? 'momentum (Nesterov)' : 'momentum',
      slots: [{ suffix: 'momentum', list: () => o.accumulations }],
      update: (k, p) => k.momentum(p.value, p.state[0]!, p.grad, p.count, f(o.momentum), f(-o.learningRate), o.useNesterov ? 1 : 0),
      ...noScalars,
    };
  }
  if (kind === tf.RMSPropOptimizer) {
    const o = optimizer as unknown as RmspropFields;
    if (!finite(o.learningRate, o.decay, o.momentum, o.epsilon)) return 'RMSprop settings are not numbers';
    // tfjs 4.22's centered update takes sqrt(ms − (mg² + ε)): NaN wherever a
    // gradient is 0 (a dead relu unit), so its results are not worth matching.
    if (o.centered) return 'centered RMSprop (tfjs 4.22 computes sqrt(ms − (mg² + ε)), NaN for a zero gradient)';
    return {
      name: 'rmsprop',
      // tfjs keeps the momentum accumulator even when momentum is 0.
      slots: [
        { suffix: 'rms', list: () => o.accumulatedMeanSquares },
        { suffix: 'momentum', list: () => o.accumulatedMoments },
      ],
      update: (k, p) => k.rmsprop(p.value, p.state[0]!, p.state[1]!, p.grad, p.count, f(o.decay), f(1 - o.decay), f(o.momentum), f(o.learningRate), f(o.epsilon)),
      ...noScalars,
    };
  }
  return `optimizer ${optimizer.getClassName()}`;
}

/**
 * The optimizer's state for these variables, slot by slot: undefined before
 * its first step (the trainer starts from zeros, as tfjs does); null when
 * the state belongs to other variables (then the stock fit runs).
 */
export function readState(optimizer: LeanOptimizer, variables: tfType.LayerVariable[]): Float32Array[][] | undefined | null {
  if (optimizer.slots.length === 0) return undefined;
  const lists = optimizer.slots.map((s) => s.list());
  if (lists.every((l) => l.length === 0)) return undefined;
  const state: Float32Array[][] = [];
  for (const [i, variable] of variables.entries()) {
    const entries: Float32Array[] = [];
    for (const [s, slot] of optimizer.slots.entries()) {
      const entry = lists[s]![i];
      if (entry?.originalName !== `${variable.name}/${slot.suffix}`) return null;
      entries.push(entry.variable.dataSync() as Float32Array);
    }
    state.push(entries);
  }
  return lists.every((l) => l.length === variables.length) ? state : null;
}

/** Writes per-variable state into the optimizer's lists, creating entries as tfjs would on its first step. */
export function writeState(tf: Tf, optimizer: LeanOptimizer, variables: tfType.LayerVariable[], state: Float32Array[][]): void {
  tf.tidy(() => {
    variables.forEach((variable, i) => {
      optimizer.slots.forEach((slot, s) => {
        const list = slot.list();
        const tensor = tf.tensor(state[i]![s]!, variable.shape as number[]);
        const entry = list[i];
        if (entry) entry.variable.assign(tensor);
        else list[i] = { originalName: `${variable.name}/${slot.suffix}`, variable: tf.keep(tensor.variable(false)) };
      });
    });
    optimizer.writeScalars(tf);
  });
}
