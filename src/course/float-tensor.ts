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

export interface FloatTensorOptions {
  /**
   * Source rows to take, in this order (`shape[0] === rows.length`): the
   * rows of a split, converted without first building the whole tensor.
   */
  rows?: Int32Array;
  /** Divide every value by this (255 → 0–1), as float32(x / divisor), what `tf.div` gives. */
  divisor?: number;
}

/**
 * Writes `out[r] = table[bytes[rows[r]]]` row by row (a 256-entry table: no
 * division per value; float32(i / divisor), what float32 division gives).
 * Also lazy-pixels.ts's conversion when a lazy tensor is read or divided.
 */
export function convertRows(bytes: Uint8Array, out: Float32Array, rows: Int32Array | undefined, divisor: number | undefined): void {
  if (!rows && (divisor === undefined || divisor === 255)) {
    toFloat32(bytes, { out, scale: divisor === 255 });
    return;
  }
  const d = divisor === undefined ? 1 : Math.fround(divisor);
  const table = new Float32Array(256).map((_, i) => i / d);
  if (!rows) {
    for (let i = 0; i < bytes.length; i++) out[i] = table[bytes[i]];
    return;
  }
  const rowSize = rows.length === 0 ? 0 : out.length / rows.length;
  for (let r = 0, o = 0; r < rows.length; r++) {
    const start = rows[r] * rowSize;
    for (let j = 0; j < rowSize; j++) out[o++] = table[bytes[start + j]];
  }
}

export function floatTensor(bytes: Uint8Array, shape: number[], options: FloatTensorOptions = {}): tf.Tensor {
  const { rows, divisor } = options;
  const size = shape.reduce((a, b) => a * b, 1);
  if (rows) {
    const rowSize = shape.slice(1).reduce((a, b) => a * b, 1);
    const sourceRows = rowSize === 0 ? 0 : bytes.length / rowSize;
    if (shape[0] !== rows.length || !Number.isInteger(sourceRows)) {
      throw new RangeError(`floatTensor: shape [${shape}] does not fit ${rows.length} rows of ${bytes.length / Math.max(sourceRows, 1)} bytes.`);
    }
    for (const r of rows) if (!(r >= 0 && r < sourceRows)) throw new RangeError(`floatTensor: row ${r} is outside 0–${sourceRows - 1}.`);
  } else if (size !== bytes.length) {
    throw new RangeError(`floatTensor: shape [${shape}] has ${size} elements, bytes has ${bytes.length}.`);
  }
  const backend = tf.backend() as unknown as Partial<WasmBackendLike>;
  if (tf.getBackend() === 'wasm' && typeof backend.makeOutput === 'function' && typeof backend.typedArrayFromHeap === 'function') {
    const info = backend.makeOutput(shape, 'float32');
    // The view is taken after the allocation (which may grow and replace the heap) and used at once.
    convertRows(bytes, backend.typedArrayFromHeap(info), rows, divisor);
    return tf.engine().makeTensorFromTensorInfo(info);
  }
  const out = new Float32Array(size);
  convertRows(bytes, out, rows, divisor);
  return tf.tensor(out, shape, 'float32');
}
