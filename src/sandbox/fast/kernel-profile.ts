// Where the time goes: wraps every kernel registered for a backend so each
// call is counted and timed (wall clock around kernelFunc; the wasm backend
// is synchronous, so this is the kernel's own time). Used by the bench to
// print a per-kernel table; `stop()` puts the original kernels back. On the
// wasm backend it also times the lean trainer's kernels (named `lean:…`),
// which are WebAssembly exports rather than registered tfjs kernels.
import type * as tfType from '@tensorflow/tfjs';
import { wasmHeap, type DenseMlpKernels } from './lean-fit/wasm-heap.ts';

type Tf = typeof tfType;

export interface KernelStat {
  name: string;
  calls: number;
  ms: number;
}

export interface KernelProfiler {
  /** Stats since start (or the last reset), slowest first. */
  stats(): KernelStat[];
  reset(): void;
  stop(): void;
}

export function profileKernels(tf: Tf, backendName: string): KernelProfiler {
  const table = new Map<string, KernelStat>();
  const originals = tf.getKernelsForBackend(backendName).filter((k) => typeof k.kernelFunc === 'function');
  for (const original of originals) {
    const stat: KernelStat = { name: original.kernelName, calls: 0, ms: 0 };
    table.set(original.kernelName, stat);
    const func = original.kernelFunc;
    tf.unregisterKernel(original.kernelName, backendName);
    tf.registerKernel({
      ...original,
      kernelFunc: (args) => {
        const t0 = performance.now();
        try {
          return func(args);
        } finally {
          stat.ms += performance.now() - t0;
          stat.calls += 1;
        }
      },
    });
  }
  const heap = backendName === 'wasm' ? wasmHeap(tf) : undefined;
  const leanKernels = heap?.kernels;
  if (heap && leanKernels) {
    const timed: Record<string, unknown> = {};
    for (const [name, func] of Object.entries(leanKernels) as [string, (...args: number[]) => void][]) {
      const stat: KernelStat = { name: `lean:${name}`, calls: 0, ms: 0 };
      table.set(stat.name, stat);
      timed[name] = (...args: number[]) => {
        const t0 = performance.now();
        func(...args);
        stat.ms += performance.now() - t0;
        stat.calls += 1;
      };
    }
    heap.kernels = timed as unknown as DenseMlpKernels;
  }
  return {
    stats: () => [...table.values()].filter((s) => s.calls > 0).sort((a, b) => b.ms - a.ms),
    reset: () => {
      for (const s of table.values()) {
        s.calls = 0;
        s.ms = 0;
      }
    },
    stop: () => {
      if (heap && leanKernels) heap.kernels = leanKernels;
      for (const original of originals) {
        tf.unregisterKernel(original.kernelName, backendName);
        tf.registerKernel(original);
      }
    },
  };
}
