// Writes a spare worker's wasm heap once while the learner reads. Fresh wasm
// memory costs a page fault on its first write: about 3 ms per MB on these
// machines, 0.8 s for the book's `/ 255` copies of MNIST (train, validation
// and test parts, 220 MB), most of a warm run's time. The spare allocates a
// block the size the run will need, writes one byte per page, and frees it:
// the memory stays in the worker's heap (wasm memory never shrinks), so the
// run's tensors land on pages that are already in memory. A run that starts
// first stops the writing, and the block is freed before learner code runs.

import type { WasmHeap } from '../fast/lean-fit/wasm-heap.ts';

export interface HeapWarmer {
  /** Writes the heap until `bytes` are in memory (a larger call extends it); resolves with the bytes written, less if stopped. */
  warmTo(bytes: number): Promise<number>;
  /** Stops writing and frees the block; resolves once it is freed. */
  stop(): Promise<void>;
}

const PAGE = 4096;
// Written between yields: a run's request waits for at most one slice.
const SLICE = 8 << 20;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** `heap`: tfjs-backend-wasm's heap as the lean trainer sees it (`wasmHeap(tf)`). */
export function heapWarmer(heap: Pick<WasmHeap, 'malloc' | 'free' | 'f32'>): HeapWarmer {
  let stopped = false;
  let written = 0;
  let work: Promise<number> = Promise.resolve(0);

  const writeBlock = async (bytes: number): Promise<number> => {
    if (stopped || bytes <= written) return written;
    let pointer: number;
    try {
      pointer = heap.malloc(bytes);
    } catch {
      return written; // no room: the run grows the heap itself, as before
    }
    try {
      for (let offset = 0; offset < bytes && !stopped; offset += SLICE) {
        // Taken after malloc, which may have grown the memory and replaced its buffer.
        const view = heap.f32();
        const end = pointer + Math.min(bytes, offset + SLICE);
        for (let i = pointer + offset; i < end; i += PAGE) view[i >>> 2] = 0;
        written = Math.max(written, end - pointer);
        await nextTask();
      }
    } finally {
      heap.free(pointer);
    }
    return written;
  };

  return {
    warmTo(bytes) {
      work = work.then(() => writeBlock(bytes));
      return work;
    },
    async stop() {
      stopped = true;
      await work;
    },
  };
}

// Devices that say they have little memory (Chromium's navigator.deviceMemory,
// in GiB, rounded) keep it for the run itself: nothing is written ahead.
const SMALL_DEVICE_GIB = 4;

/**
 * The heap a run on these datasets will want: their bytes as float32, plus
 * room for the model and batches; 0 on a device with under 4 GiB of memory.
 */
export function heapFor(datasetBytes: number, deviceMemoryGiB?: number): number {
  if (deviceMemoryGiB !== undefined && deviceMemoryGiB < SMALL_DEVICE_GIB) return 0;
  return Math.min(datasetBytes * 4 + (16 << 20), 384 << 20);
}
