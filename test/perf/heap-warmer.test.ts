// The spare worker's heap warmer (src/sandbox/browser/heap-warmer.ts) on
// tfjs-backend-wasm's real Emscripten module: what it writes stays in the
// heap and the run's tensors reuse it (the heap does not grow for them), and
// a run that starts first stops it with its block freed. Counts bytes and
// heap sizes, not time.
import { describe, expect, it } from 'vitest';
import { heapFor, heapWarmer } from '../../src/sandbox/browser/heap-warmer.ts';
import { wasmHeap } from '../../src/sandbox/fast/lean-fit/wasm-heap.ts';
import { useWasm } from './helpers.ts';

const MiB = 1 << 20;

/** tfjs-backend-wasm's heap through the lean trainer's accessor, and its current size. */
async function wasmModule() {
  const tf = await useWasm();
  const heap = wasmHeap(tf)!;
  return { tf, heap, heapBytes: () => heap.f32().buffer.byteLength };
}

describe('heap warmer', () => {
  it('writes the heap ahead, frees its block, and the tensors that follow land in it without growing the heap', async () => {
    const { tf, heap, heapBytes } = await wasmModule();
    const before = heapBytes();
    const written = await heapWarmer(heap).warmTo(before + 64 * MiB);
    expect(written).toBe(before + 64 * MiB);
    const warmed = heapBytes();
    expect(warmed).toBeGreaterThanOrEqual(before + 64 * MiB);

    // 56 MiB of float32 (the size of MNIST's test and validation images together) fit in what was written.
    const tensors = [tf.zeros([9_000, 784]), tf.fill([9_700, 784], 1 / 255)];
    await tensors[1]!.slice([9_699, 783], [1, 1]).data();
    expect(heapBytes()).toBe(warmed);
    tf.dispose(tensors);
  });

  it('stops at once when a run begins, and frees its block before the run uses the heap', async () => {
    const { heap, heapBytes } = await wasmModule();
    const warmer = heapWarmer(heap);
    const size = heapBytes() + 200 * MiB;
    const writing = warmer.warmTo(size);
    await new Promise((resolve) => setTimeout(resolve, 0)); // one slice written
    await warmer.stop();
    const written = await writing;
    expect(written).toBeGreaterThan(0);
    expect(written).toBeLessThan(size);
    // Freed: a block of the same size fits again without growing the heap.
    const heapAfterStop = heapBytes();
    const pointer = heap.malloc(size);
    expect(pointer).toBeGreaterThan(0);
    expect(heapBytes()).toBe(heapAfterStop);
    heap.free(pointer);
    // Stopped for good: later calls write nothing more.
    expect(await warmer.warmTo(size * 2)).toBe(written);
  });

  it('sizes the heap as the datasets in float32 plus room, capped, and writes nothing ahead on a small device', () => {
    const mnistBytes = 47_040_016 + 60_008 + 7_840_016 + 10_008;
    expect(heapFor(mnistBytes)).toBe(mnistBytes * 4 + 16 * MiB);
    expect(heapFor(mnistBytes, 8)).toBe(mnistBytes * 4 + 16 * MiB);
    expect(heapFor(2 * mnistBytes)).toBe(384 * MiB);
    // navigator.deviceMemory under 4 GiB: the memory is left for the run itself.
    expect(heapFor(mnistBytes, 2)).toBe(0);
  });
});
