// Fast paths for training on the WASM backend, installed through tfjs's
// public kernel registry. `installFastKernels(tf)` is called by the sandbox's
// backend choice (browser and Node) once the backend is ready; it is
// idempotent and a no-op where it does not apply (other backends, or a tfjs
// without the wasm backend). Measured effects: docs/bench.md.
import type * as tfType from '@tensorflow/tfjs';
import { installRowGather } from './row-gather.ts';
import { installTransposeFreeMatMul } from './transpose-free-matmul.ts';

type Tf = typeof tfType;
const INSTALLED = Symbol.for('mnist-course.fast-kernels');

export interface FastKernelsReport {
  backend: string;
  installed: string[];
}

export function installFastKernels(tf: Tf): FastKernelsReport {
  const backend = tf.getBackend();
  const installed: string[] = [];
  if (backend !== 'wasm') return { backend, installed };
  const marked = (name: string) => (tf.getKernel(name, 'wasm') as unknown as Record<symbol, unknown> | undefined)?.[INSTALLED] === true;
  const patches: [string, () => void][] = [
    ['BatchMatMul', () => installTransposeFreeMatMul(tf, 'BatchMatMul')],
    ['_FusedMatMul', () => installTransposeFreeMatMul(tf, '_FusedMatMul')],
    ['GatherV2', () => installRowGather(tf)],
  ];
  for (const [name, install] of patches) {
    if (marked(name) || !tf.getKernel(name, 'wasm')) continue;
    install();
    const kernel = tf.getKernel(name, 'wasm') as unknown as Record<symbol, unknown>;
    kernel[INSTALLED] = true;
    installed.push(name);
  }
  return { backend, installed };
}
