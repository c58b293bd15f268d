// Fast paths for training and prediction on the WASM backend, installed
// through tfjs's public kernel registry. `installFastKernels(tf)` is called by the sandbox's
// backend choice (browser and Node) once the backend is ready; it is
// idempotent and a no-op where it does not apply (other backends, or a tfjs
// without the wasm backend). Measured effects: docs/bench.md.
import type * as tfType from '@tensorflow/tfjs';
import { FUSED_ADAM_KERNEL, installFusedAdam } from './fused-adam.ts';
import { installLeanFit } from './lean-fit/lean-fit.ts';
import { installRowGather } from './row-gather.ts';
import { installSliceKernel, SLICE_KERNELS } from './slice-kernels.ts';
import { installTransposeFreeMatMul } from './transpose-free-matmul.ts';

type Tf = typeof tfType;
const INSTALLED = Symbol.for('mnist-course.fast-kernels');

export interface FastKernelsReport {
  backend: string;
  installed: string[];
}

export interface FastKernelsOptions {
  /** model.fit of Dense stacks through the lean trainer (src/sandbox/fast/lean-fit); default true. */
  leanFit?: boolean;
}

export function installFastKernels(tf: Tf, options: FastKernelsOptions = {}): FastKernelsReport {
  const backend = tf.getBackend();
  const installed: string[] = [];
  if (backend !== 'wasm') return { backend, installed };
  // The kernel registry is global (shared by every copy of tfjs in the realm),
  // so the mark lives on the registered kernel config itself.
  const kernel = (name: string) => tf.getKernel(name, 'wasm') as unknown as Record<symbol, unknown> | undefined;
  const patches: [string, string, () => void][] = [
    ['BatchMatMul', 'BatchMatMul', () => installTransposeFreeMatMul(tf, 'BatchMatMul')],
    ['_FusedMatMul', '_FusedMatMul', () => installTransposeFreeMatMul(tf, '_FusedMatMul')],
    ['GatherV2', 'GatherV2', () => installRowGather(tf)],
    ['Adam', FUSED_ADAM_KERNEL, () => installFusedAdam(tf)],
    ...SLICE_KERNELS.map((name): [string, string, () => void] => [name, name, () => installSliceKernel(tf, name)]),
  ];
  for (const [label, kernelName, install] of patches) {
    if (kernel(kernelName)?.[INSTALLED]) continue;
    if (kernelName !== FUSED_ADAM_KERNEL && !kernel(kernelName)) continue;
    install();
    const registered = kernel(kernelName);
    if (registered) registered[INSTALLED] = true;
    installed.push(label);
  }
  if (options.leanFit !== false && installLeanFit(tf)) installed.push('LeanFit');
  return { backend, installed };
}
