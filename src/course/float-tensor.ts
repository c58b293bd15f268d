// uint8 pixels → a float32 tensor in one conversion pass, with no second
// copy of 188 MB (MNIST's train images as float32): on WASM the values are
// converted straight into the tensor's memory on the wasm heap (tf.tensor
// would copy a finished Float32Array there: 75 ms and a 188 MB JS array
// that lingers until GC); the CPU backend keeps the array it is given;
// WebGL/WebGPU upload it once.
import * as tf from '@tensorflow/tfjs';
import { toFloat32 } from '../data/to-float.ts';

interface WasmBackendLike {
  makeOutput(shape: number[], dtype: 'float32'): tf.TensorInfo;
  typedArrayFromHeap(info: tf.TensorInfo): Float32Array;
}

export function floatTensor(bytes: Uint8Array, shape: number[]): tf.Tensor {
  const size = shape.reduce((a, b) => a * b, 1);
  if (size !== bytes.length) throw new RangeError(`floatTensor: shape [${shape}] has ${size} elements, bytes has ${bytes.length}.`);
  const backend = tf.backend() as unknown as Partial<WasmBackendLike>;
  if (tf.getBackend() === 'wasm' && typeof backend.makeOutput === 'function' && typeof backend.typedArrayFromHeap === 'function') {
    const info = backend.makeOutput(shape, 'float32');
    // The view is taken after the allocation (which may grow and replace the heap) and used at once.
    toFloat32(bytes, { out: backend.typedArrayFromHeap(info) });
    return tf.engine().makeTensorFromTensorInfo(info);
  }
  return tf.tensor(toFloat32(bytes), shape, 'float32');
}
