// The capture's buffers move between realms instead of being cloned
// (src/sandbox/transfer.ts): each distinct buffer once, cycles and patched
// data survived, and a buffer that cannot move falls back to a clone.
// Node's MessageChannel follows the same structured-clone-with-transfer rules
// as a browser's postMessage.
import { describe, expect, it } from 'vitest';
import { postMoving, transferableBuffers } from '../../src/sandbox/transfer.ts';

function roundTrip(message: unknown, transferOf: unknown): Promise<unknown> {
  const { port1, port2 } = new MessageChannel();
  return new Promise((resolve) => {
    port2.onmessage = (event) => {
      port1.close();
      port2.close();
      resolve(event.data);
    };
    postMoving(port1, message, transferOf);
  });
}

describe('moving a capture between realms', () => {
  it('finds every distinct buffer of a capture once, tensors and model weights alike', () => {
    const values = new Float32Array([1, 2, 3]);
    const weights = new Float32Array(4);
    const shared = new ArrayBuffer(16);
    const capture: Record<string, unknown> = {
      exports: {
        x: { $: 'tensor', dtype: 'float32', shape: [3], values },
        again: { $: 'tensor', dtype: 'float32', shape: [3], values },
        model: { $: 'model', topology: {}, weights: [{ name: 'w', shape: [4], dtype: 'float32', values: weights }] },
        views: { $: 'array', items: [{ $: 'typed-array', values: new Int32Array(shared, 0, 2) }, { $: 'typed-array', values: new Int32Array(shared, 8, 2) }] },
        empty: { $: 'typed-array', values: new Uint8Array(0) },
      },
      probes: {},
    };
    capture.self = capture; // structured clone keeps cycles; the walk must too
    expect(transferableBuffers(capture)).toEqual([shared, weights.buffer, values.buffer]);
  });

  it('moves the buffers: the receiver gets the values, the sender keeps nothing', async () => {
    const values = new Float32Array(1_000_000).fill(0.5);
    const message = { type: 'captured', capture: { exports: { x: { $: 'tensor', dtype: 'float32', shape: [1_000_000], values } }, probes: {} } };
    const received = (await roundTrip(message, message.capture)) as typeof message;
    expect(values.byteLength).toBe(0); // detached: moved, not copied
    const got = received.capture.exports.x.values;
    expect(got).toBeInstanceOf(Float32Array);
    expect([got.length, got[0], got[999_999]]).toEqual([1_000_000, 0.5, 0.5]);
  });

  it('clones when a buffer cannot move (a view on wasm memory), detaching nothing', async () => {
    const memory = new WebAssembly.Memory({ initial: 1 });
    const onHeap = new Float32Array(memory.buffer, 0, 4).fill(7);
    const own = new Float32Array([1, 2]);
    const message = { a: { $: 'typed-array', values: onHeap }, b: { $: 'typed-array', values: own } };
    const received = (await roundTrip(message, message)) as { a: { values: Float32Array }; b: { values: Float32Array } };
    expect(Array.from(received.a.values)).toEqual([7, 7, 7, 7]);
    expect(Array.from(received.b.values)).toEqual([1, 2]);
    expect([memory.buffer.byteLength, own.byteLength]).toEqual([65536, 8]);
  });

  it('does not throw on data whose walk fails, and then moves nothing', () => {
    const hostile = { get field() { throw new Error('patched'); } };
    expect(transferableBuffers(hostile)).toEqual([]);
  });
});
