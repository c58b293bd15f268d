// A run's capture goes from the learner's worker to the page and on to the
// check worker. Cloned, its tensors cost a copy on each side of each hop
// (exercise 13's exports hold 440 MB: 15 s of its 28 s in the page); moved,
// nothing. Every buffer in a capture is its own copy (tensors through
// `dataSync`, weights likewise) and the sender never reads it again (the
// learner's worker is terminated after `done`, the page only forwards it),
// so the buffers can be transferred.
//
// The capture crossing the page is the learner realm's word, so the walk
// takes nothing on trust: plain structured-clone data, cycles possible. A
// buffer that cannot be moved (a view on wasm memory, a shared buffer) makes
// postMessage throw before anything is detached; the message is then cloned.

/** The distinct ArrayBuffers under `value`, each once, in the order found. */
export function transferableBuffers(value: unknown): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const seen = new Set<object>();
  const stack: unknown[] = [value];
  try {
    while (stack.length > 0) {
      const item = stack.pop();
      if (item === null || typeof item !== 'object' || seen.has(item)) continue;
      seen.add(item);
      if (ArrayBuffer.isView(item)) {
        if (item.buffer instanceof ArrayBuffer && item.buffer.byteLength > 0) buffers.add(item.buffer);
      } else if (Array.isArray(item)) {
        for (const element of item) if (element !== null && typeof element === 'object') stack.push(element);
      } else {
        for (const key of Object.keys(item)) {
          const field = (item as Record<string, unknown>)[key];
          if (field !== null && typeof field === 'object') stack.push(field);
        }
      }
    }
  } catch {
    return []; // something in the learner's realm was patched: clone instead
  }
  return [...buffers];
}

/** postMessage moving the buffers under `transferOf`; cloning if any cannot be moved. */
export function postMoving(target: { postMessage(message: unknown, transfer: Transferable[]): void }, message: unknown, transferOf: unknown): void {
  const buffers = transferableBuffers(transferOf);
  if (buffers.length > 0) {
    try {
      target.postMessage(message, buffers);
      return;
    } catch {
      // A buffer that cannot be detached (wasm memory, shared): clone instead.
    }
  }
  target.postMessage(message, []);
}
