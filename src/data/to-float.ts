// Bytes → float32 for tensors. A 256-entry table makes the scaled values
// exactly float32(x / 255), what `tf.div(x, 255)` gives, without a division
// per pixel; the unscaled case uses the engine's native conversion.

const SCALED = new Float32Array(256).map((_, i) => i / 255);

export interface ToFloatOptions {
  /** Divide by 255 (values in 0–1). Default false: 0–255, as Keras loads them. */
  scale?: boolean;
  /** Write into this array (same length) instead of allocating one. */
  out?: Float32Array;
}

export function toFloat32(bytes: Uint8Array, options: ToFloatOptions = {}): Float32Array {
  const out = options.out ?? new Float32Array(bytes.length);
  if (out.length !== bytes.length) {
    throw new RangeError(`toFloat32: out has ${out.length} elements, bytes has ${bytes.length}.`);
  }
  if (!options.scale) {
    out.set(bytes);
    return out;
  }
  const n = bytes.length;
  for (let i = 0; i < n; i++) out[i] = SCALED[bytes[i]];
  return out;
}
