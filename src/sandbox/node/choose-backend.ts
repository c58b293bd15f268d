// Node: WASM (SIMD, no threads: they never start in Node) is about 4× faster
// than the CPU backend for the chapter's MLP; CPU is the fallback.
import type * as tfType from '@tensorflow/tfjs';
import { installFastKernels } from '../fast/index.ts';

export async function chooseNodeBackend(tf: typeof tfType): Promise<{ backend: string; reason: string }> {
  try {
    await import('@tensorflow/tfjs-backend-wasm');
    if (await tf.setBackend('wasm')) {
      await tf.ready();
      installFastKernels(tf); // src/sandbox/fast: faster wasm kernels (docs/bench.md)
      return { backend: 'wasm', reason: 'Node: WebAssembly backend (fastest available without native bindings)' };
    }
  } catch (error) {
    await tf.setBackend('cpu');
    return { backend: 'cpu', reason: `Node: WebAssembly backend failed to start (${String(error)}); using the CPU backend` };
  }
  await tf.setBackend('cpu');
  return { backend: 'cpu', reason: 'Node: WebAssembly backend unavailable; using the CPU backend' };
}
