// WASM BatchMatMul (and _FusedMatMul) with a transposed operand: tfjs-backend-wasm 4.22 sends
// transposeA/transposeB to a scalar loop instead of XNNPACK (5.9 ms against
// 1.5 ms for one 128x784x64 backward matmul, measured here). Every backward
// matmul in `fit` is transposed, so we materialise the transposed operand
// with the wasm Transpose kernel (perm swaps the last two axes of the
// operand's own rank) and call the original kernel with both flags false.
// Same arithmetic, same summation order as a plain matmul: results match the
// stock kernel to float32 rounding (test/perf/kernels.test.ts).
import type * as tfType from '@tensorflow/tfjs';

type Tf = typeof tfType;
type TensorInfo = tfType.TensorInfo;
interface WasmBackendLike {
  disposeData(dataId: object): boolean;
}

function swapLastTwo(rank: number): number[] {
  const perm = Array.from({ length: rank }, (_, i) => i);
  [perm[rank - 2], perm[rank - 1]] = [perm[rank - 1]!, perm[rank - 2]!];
  return perm;
}

/** Wraps the wasm `BatchMatMul` or `_FusedMatMul` kernel (same attrs). */
export function installTransposeFreeMatMul(tf: Tf, kernelName: 'BatchMatMul' | '_FusedMatMul'): void {
  const original = tf.getKernel(kernelName, 'wasm');
  const transpose = tf.getKernel('Transpose', 'wasm');
  if (!original || !transpose) return;
  const matmul = original.kernelFunc;
  const transposeFunc = transpose.kernelFunc;
  tf.unregisterKernel(kernelName, 'wasm');
  tf.registerKernel({
    ...original,
    kernelFunc: ({ inputs, backend, attrs }) => {
      const { transposeA, transposeB } = attrs as { transposeA: boolean; transposeB: boolean };
      if (!transposeA && !transposeB) return matmul({ inputs, backend, attrs });
      let a = inputs.a as TensorInfo;
      let b = inputs.b as TensorInfo;
      const temporaries: TensorInfo[] = [];
      if (transposeA) {
        a = transposeFunc({ inputs: { x: a }, backend, attrs: { perm: swapLastTwo(a.shape.length) } }) as TensorInfo;
        temporaries.push(a);
      }
      if (transposeB) {
        b = transposeFunc({ inputs: { x: b }, backend, attrs: { perm: swapLastTwo(b.shape.length) } }) as TensorInfo;
        temporaries.push(b);
      }
      try {
        return matmul({ inputs: { ...inputs, a, b }, backend, attrs: { ...attrs, transposeA: false, transposeB: false } });
      } finally {
        for (const t of temporaries) (backend as unknown as WasmBackendLike).disposeData(t.dataId);
      }
    },
  });
}
