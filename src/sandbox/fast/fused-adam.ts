// Adam in one kernel launch per variable on WASM. Stock AdamOptimizer issues
// about 20 kernels per variable and step (mul, add, square, div, sqrt, ...),
// 120+ launches per step for the chapter's 6 variables, each with JS
// bookkeeping around a few hundred floats of work. This kernel reads value,
// m, v and the gradient straight from the wasm heap and writes three new
// tensors; every operation is rounded to float32 (Math.fround) in the stock
// order, so the results equal the stock optimizer's (test/perf/adam.test.ts).
// Variables keep their identity: value/m/v are `assign`ed as before, so
// getWeights/setWeights, serialization and the iteration count are untouched.
// Any other backend or dtype takes the original applyGradients.
import type * as tfType from '@tensorflow/tfjs';

type Tf = typeof tfType;
type TensorInfo = tfType.TensorInfo;
type Heap = Float32Array;
interface WasmBackendLike {
  makeOutput(shape: number[], dtype: string): TensorInfo;
  typedArrayFromHeap(info: TensorInfo): Heap;
}
interface AdamAttrs {
  beta1: number;
  beta2: number;
  learningRate: number;
  epsilon: number;
  oneMinusAccBeta1: number;
  oneMinusAccBeta2: number;
}

export const FUSED_ADAM_KERNEL = 'MnistCourseFusedAdam';
const f = Math.fround;

function fusedAdam(args: { inputs: Record<string, TensorInfo | undefined>; backend: unknown; attrs?: Record<string, unknown> }): TensorInfo[] {
  const backend = args.backend as WasmBackendLike;
  const { value, m, v, gradient } = args.inputs as Record<'value' | 'm' | 'v' | 'gradient', TensorInfo>;
  const a = args.attrs as unknown as AdamAttrs;
  const outValue = backend.makeOutput(value.shape, 'float32');
  const outM = backend.makeOutput(value.shape, 'float32');
  const outV = backend.makeOutput(value.shape, 'float32');
  // Views only after the allocations: growing the heap replaces its buffer.
  const x = backend.typedArrayFromHeap(value);
  const m0 = backend.typedArrayFromHeap(m);
  const v0 = backend.typedArrayFromHeap(v);
  const g = backend.typedArrayFromHeap(gradient);
  const x1 = backend.typedArrayFromHeap(outValue);
  const m1 = backend.typedArrayFromHeap(outM);
  const v1 = backend.typedArrayFromHeap(outV);
  // The scalars exactly as the stock code makes them (float32 tensors).
  const b1 = f(a.beta1);
  const b2 = f(a.beta2);
  const c1 = f(1 - a.beta1);
  const c2 = f(1 - a.beta2);
  const d1 = f(a.oneMinusAccBeta1);
  const d2 = f(a.oneMinusAccBeta2);
  const eps = f(a.epsilon);
  const minusLr = f(-a.learningRate);
  for (let i = 0; i < x.length; i++) {
    const gi = g[i]!;
    const mi = f(f(m0[i]! * b1) + f(gi * c1));
    const vi = f(f(v0[i]! * b2) + f(f(gi * gi) * c2));
    m1[i] = mi;
    v1[i] = vi;
    const mHat = f(mi / d1);
    const vHat = f(vi / d2);
    x1[i] = f(f(f(mHat / f(f(Math.sqrt(vHat)) + eps)) * minusLr) + x[i]!);
  }
  return [outValue, outM, outV];
}

/** The AdamOptimizer fields tfjs keeps private, read by the fast paths. */
export interface AdamLike {
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
  accBeta1: tfType.Variable;
  accBeta2: tfType.Variable;
  accumulatedFirstMoment: { originalName: string; variable: tfType.Variable }[];
  accumulatedSecondMoment: { originalName: string; variable: tfType.Variable }[];
  incrementIterations(): void;
}
type NamedGradients = tfType.NamedTensorMap | { name: string; tensor: tfType.Tensor }[];

export function installFusedAdam(tf: Tf): void {
  if (!tf.getKernel(FUSED_ADAM_KERNEL, 'wasm')) {
    tf.registerKernel({ kernelName: FUSED_ADAM_KERNEL, backendName: 'wasm', kernelFunc: fusedAdam as unknown as tfType.KernelFunc });
  }
  const proto = tf.AdamOptimizer.prototype as unknown as Record<string | symbol, unknown>;
  const MARK = Symbol.for('mnist-course.fused-adam');
  if (proto[MARK]) return;
  proto[MARK] = true;
  const stock = proto.applyGradients as (this: AdamLike, g: NamedGradients) => void;
  proto.applyGradients = function (this: AdamLike, variableGradients: NamedGradients) {
    const names = Array.isArray(variableGradients) ? variableGradients.map((v) => v.name) : Object.keys(variableGradients);
    const gradientOf = (i: number, name: string) =>
      Array.isArray(variableGradients) ? variableGradients[i]!.tensor : variableGradients[name];
    const usable =
      tf.getBackend() === 'wasm' &&
      names.every((name, i) => {
        const value = tf.engine().registeredVariables[name];
        const gradient = gradientOf(i, name);
        return value?.dtype === 'float32' && (gradient == null || gradient.dtype === 'float32');
      });
    if (!usable) return stock.call(this, variableGradients);
    // The bias-correction scalars, read once per step like the stock sub(1, accBeta).
    const [accBeta1, accBeta2] = [this.accBeta1.dataSync()[0]!, this.accBeta2.dataSync()[0]!];
    tf.tidy(() => {
      const attrs = {
        beta1: this.beta1,
        beta2: this.beta2,
        learningRate: this.learningRate,
        epsilon: this.epsilon,
        oneMinusAccBeta1: f(1 - accBeta1),
        oneMinusAccBeta2: f(1 - accBeta2),
      };
      names.forEach((name, i) => {
        const value = tf.engine().registeredVariables[name]!;
        this.accumulatedFirstMoment[i] ??= { originalName: `${name}/m`, variable: tf.tidy(() => tf.zerosLike(value).variable(false)) };
        this.accumulatedSecondMoment[i] ??= { originalName: `${name}/v`, variable: tf.tidy(() => tf.zerosLike(value).variable(false)) };
        const gradient = gradientOf(i, name);
        if (gradient == null) return;
        const m = this.accumulatedFirstMoment[i]!.variable;
        const v = this.accumulatedSecondMoment[i]!.variable;
        const [newValue, newM, newV] = tf.engine().runKernel(FUSED_ADAM_KERNEL, { value, m, v, gradient }, attrs as unknown as tfType.NamedAttrMap) as tfType.Tensor[];
        m.assign(newM!);
        v.assign(newV!);
        value.assign(newValue!);
      });
      this.accBeta1.assign(tf.mul(this.accBeta1, this.beta1));
      this.accBeta2.assign(tf.mul(this.accBeta2, this.beta2));
    });
    this.incrementIterations();
  };
}
