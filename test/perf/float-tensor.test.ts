// loadData's uint8 → float32 tensor (src/course/float-tensor.ts): the same
// values, shape and memory accounting as tf.tensor(Float32Array.from(bytes))
// on WASM (converted straight into the heap) and on CPU; the values survive
// later heap growth; disposing frees it.
import { describe, expect, it } from 'vitest';
import { floatTensor } from '../../src/course/float-tensor.ts';
import { useWasm } from './helpers.ts';

const tf = await useWasm();

function pixels(n: number): Uint8Array {
  const bytes = new Uint8Array(n);
  for (let i = 0; i < n; i++) bytes[i] = (i * 37 + (i >> 8)) & 255;
  return bytes;
}

describe.each(['wasm', 'cpu'])('floatTensor on %s', (backend) => {
  it('equals tf.tensor(Float32Array.from(bytes)) and is counted and freed like it', async () => {
    await tf.setBackend(backend);
    const bytes = pixels(5 * 28 * 28);
    const before = tf.memory();
    const t = floatTensor(bytes, [5, 28, 28]);
    expect(tf.getBackend()).toBe(backend);
    expect(t.shape).toEqual([5, 28, 28]);
    expect(t.dtype).toBe('float32');
    expect(tf.memory().numTensors).toBe(before.numTensors + 1);
    expect(tf.memory().numBytes).toBe(before.numBytes + bytes.length * 4);
    const reference = tf.tensor(Float32Array.from(bytes), [5, 28, 28], 'float32');
    expect(Array.from(t.dataSync())).toEqual(Array.from(reference.dataSync()));
    // Ops read it like any tensor; a large allocation afterwards (the heap may grow) leaves it intact.
    expect(tf.tidy(() => t.sum().dataSync()[0])).toBe(tf.tidy(() => reference.sum().dataSync()[0]));
    const big = tf.zeros([16, 1024, 1024]);
    expect(Array.from(t.dataSync())).toEqual(Array.from(reference.dataSync()));
    tf.dispose([t, reference, big]);
    expect(tf.memory().numTensors).toBe(before.numTensors);
    expect(tf.memory().numBytes).toBe(before.numBytes);
  });

  it('refuses a shape that does not match the bytes', async () => {
    await tf.setBackend(backend);
    expect(() => floatTensor(new Uint8Array(10), [3, 3])).toThrow(/shape \[3,3\] has 9 elements, bytes has 10/);
  });
});
