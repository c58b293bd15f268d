// The bench's memory lines for the two data flows, in Node and in the page:
// the book's step-by-step flow (loadData → trainTestSplit → reshape → / 255,
// as lessons 3–5 write it, nothing disposed) and the lean one-call flow
// (loadData with validation + scale + flatten). Each line: the wasm heap's
// high-water mark (a wasm heap never shrinks, so its size at the end of the
// run is the peak) against the target, 1.5 × all of MNIST as float32
// (70,000 × 784 × 4 B = 209.3 MiB) + the model's weights and Adam moments.
const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

const MNIST_FLOAT32 = 70000 * 784 * 4;

/** The flow an engine result ran, or undefined for engines that are not a memory flow. */
export function flowOf(e) {
  if (!e.memorySteps || e.error) return undefined;
  if (e.engine === 'node-wasm-fast' || e.engine === 'chromium-wasm-fast') return "book's step-by-step flow";
  if (e.engine === 'node-wasm-fast-leandata' || e.engine === 'chromium-wasm-fast-leandata') return 'lean one-call flow (loadData validation + scale + flatten)';
  return undefined;
}

export function flowLines(engines, { steps = true } = {}) {
  const flows = engines.filter(flowOf);
  if (flows.length === 0) return [];
  const model = flows[0].modelBytes;
  const target = 1.5 * MNIST_FLOAT32 + model;
  const lines = [`memory of the data flows (wasm heap peak); target 1.5 × MNIST float32 (${mb(MNIST_FLOAT32)}) + model (${mb(model)}) = ${mb(target)}:`];
  for (const e of flows) {
    const peak = Math.max(e.wasmHeapBytes ?? 0, ...e.memorySteps.map((m) => m.wasmHeapBytes));
    const where = e.engine.startsWith('chromium') ? 'page' : 'Node';
    lines.push(`  ${where.padEnd(4)} ${flowOf(e).padEnd(58)} ${mb(peak).padStart(9)}  ${(peak / MNIST_FLOAT32).toFixed(2)} × MNIST  ${peak <= target ? '≤ target' : '> TARGET'}`);
    if (steps) {
      for (const m of e.memorySteps) lines.push(`       ${m.step.padEnd(54)} tensors ${mb(m.tensorBytes).padStart(9)}   wasm heap ${mb(m.wasmHeapBytes).padStart(9)}`);
    }
  }
  lines.push('  (tensors: tf.memory().numBytes, 4 B per float32 element of every live tensor, shared or lazy data counted each time)');
  return lines;
}
