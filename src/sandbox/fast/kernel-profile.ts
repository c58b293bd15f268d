// Where the time goes: wraps every kernel registered for a backend so each
// call is counted and timed (wall clock around kernelFunc; the wasm backend
// is synchronous, so this is the kernel's own time). Used by the bench to
// print a per-kernel table; `stop()` puts the original kernels back.
import type * as tfType from '@tensorflow/tfjs';

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
  return {
    stats: () => [...table.values()].filter((s) => s.calls > 0).sort((a, b) => b.ms - a.ms),
    reset: () => {
      for (const s of table.values()) {
        s.calls = 0;
        s.ms = 0;
      }
    },
    stop: () => {
      for (const original of originals) {
        tf.unregisterKernel(original.kernelName, backendName);
        tf.registerKernel(original);
      }
    },
  };
}
