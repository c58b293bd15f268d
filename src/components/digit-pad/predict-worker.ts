/// <reference lib="webworker" />
// Loads the learner's saved model from IndexedDB and predicts drawn digits,
// off the main thread. tfjs is imported dynamically so it downloads only when
// the pad is first used; the wasm files come through Vite (`?url`) so their
// URLs respect the site's base path.
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import type * as tfType from '@tensorflow/tfjs';
import { modelStoreUrl } from '../../contract/model-store.ts';
import type { PadReply, PadRequest } from './messages.ts';
import { asProbabilities, inputShapeFor, isMissingModel } from './model-input.ts';

type Tf = typeof tfType;
let tfReady: Promise<{ tf: Tf; backend: string }> | null = null;
let model: tfType.LayersModel | null = null;
let inputShape: number[] = [];

function reply(message: PadReply): void {
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(message);
}

function loadTf(): Promise<{ tf: Tf; backend: string }> {
  tfReady ??= (async () => {
    const tf = await import('@tensorflow/tfjs');
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    wasm.setWasmPaths({
      'tfjs-backend-wasm.wasm': wasmPlain,
      'tfjs-backend-wasm-simd.wasm': wasmSimd,
      'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
    });
    // One small forward pass: the CPU backend is a fine fallback if wasm fails.
    const backend = (await tf.setBackend('wasm').catch(() => false)) ? 'wasm' : (await tf.setBackend('cpu'), 'cpu');
    await tf.ready();
    return { tf, backend };
  })();
  return tfReady;
}

async function load(name: string): Promise<void> {
  const { tf, backend } = await loadTf();
  model?.dispose();
  model = null;
  try {
    model = await tf.loadLayersModel(modelStoreUrl(name));
  } catch (error) {
    if (isMissingModel(error)) {
      reply({ type: 'no-model', name });
      return;
    }
    throw error;
  }
  const shape = model.inputs[0].shape;
  inputShape = inputShapeFor(shape);
  const out = model.outputs[0].shape;
  reply({ type: 'ready', name, backend, inputShape: shape, classes: out[out.length - 1] ?? 0 });
}

async function predict(id: number, pixels: Float32Array): Promise<void> {
  const { tf } = await loadTf();
  if (!model) return;
  const current = model;
  const values = tf.tidy(() => {
    const out = current.predict(tf.tensor(pixels, inputShape)) as tfType.Tensor;
    return out.dataSync();
  });
  reply({ type: 'prediction', id, probabilities: asProbabilities(Array.from(values)) });
}

self.addEventListener('message', (event: MessageEvent<PadRequest>) => {
  const message = event.data;
  const work = message.type === 'load' ? load(message.name) : predict(message.id, message.pixels);
  work.catch((error: unknown) => reply({ type: 'error', message: error instanceof Error ? error.message : String(error) }));
});
