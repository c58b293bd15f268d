// Shared by the perf equivalence tests: a wasm backend in this vitest worker
// (each test file gets its own module realm, so the stock kernels stay stock
// until a file calls installFastKernels), array comparison and test inputs.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';

export async function useWasm(): Promise<typeof tf> {
  await tf.setBackend('wasm');
  await tf.ready();
  return tf;
}

/** Each case's result on one backend ('cpu' is tfjs's reference), by case name. */
export async function resultsOn<C extends { name: string }, R>(backend: string, cases: readonly C[], compute: (c: C) => R): Promise<Map<string, R>> {
  await tf.setBackend(backend);
  return new Map(cases.map((c) => [c.name, compute(c)]));
}

/** Largest |a - b| relative to the largest |b| (1 when b is all zeros). */
export function relativeError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`length ${a.length} vs ${b.length}`);
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < a.length; i++) {
    diff = Math.max(diff, Math.abs(a[i]! - b[i]!));
    scale = Math.max(scale, Math.abs(b[i]!));
  }
  return diff / (scale || 1);
}

/** Deterministic pseudo-random values in [-1, 1) (mulberry32). */
export function randomValues(n: number, seed: number): Float32Array {
  let s = seed >>> 0;
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = ((t ^ (t >>> 14)) >>> 0) / 2 ** 31 - 1;
  }
  return out;
}

/** Distinct values per element, so a misplaced element shows: floats in [-1, 1), ints counting up, bools from the floats' signs. */
export function testTensor(shape: number[], dtype: 'float32' | 'int32' | 'bool', seed: number): tf.Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  if (dtype === 'int32') return tf.tensor(Int32Array.from({ length: n }, (_, i) => i * 7 - 1000 * seed), shape, 'int32');
  const floats = randomValues(n, seed);
  if (dtype === 'bool') return tf.tensor(Uint8Array.from(floats, (v) => (v > 0 ? 1 : 0)), shape, 'bool');
  return tf.tensor(floats, shape, 'float32');
}

/**
 * Counts the bytes the active backend reads back (readSync) from now on:
 * `count()` gives the total since the last `reset()`.
 */
export function countReadBack(backendOf: { backend(): unknown }): { count(): number; reset(): void } {
  let bytes = 0;
  const backend = backendOf.backend() as { readSync: (...args: unknown[]) => { byteLength?: number } };
  const readSync = backend.readSync.bind(backend);
  backend.readSync = (...args: unknown[]) => {
    const values = readSync(...args);
    bytes += values.byteLength ?? 0;
    return values;
  };
  return { count: () => bytes, reset: () => { bytes = 0; } };
}
