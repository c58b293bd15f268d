// Turns a drawing into an MNIST-like 28×28 input, the way the MNIST images
// were made: crop to the ink, scale so the longer side is 20 px (keeping the
// aspect ratio, averaging areas so thin strokes become grey, not jagged),
// then place it in 28×28 so its centre of mass sits at the centre (14, 14).
// Pure and DOM-free so it is tested directly.

/** A grey-level picture, row by row: 0 = background, `max` = full ink. */
export interface InkBitmap {
  width: number;
  height: number;
  data: ArrayLike<number>;
  /** The value of full ink; 1 by default (255 for bytes). */
  max?: number;
}

export interface DigitBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DigitResult {
  /** True when nothing was drawn (no pixel above the threshold). */
  empty: boolean;
  /** 784 values in [0, 1], ink = 1, row by row (all zero when empty). */
  pixels: Float32Array;
  /** The ink's bounding box in the input, when not empty. */
  box?: DigitBox;
  /** Where the scaled digit was placed in the 28×28 image. */
  placed?: DigitBox;
}

export const SIZE = 28;
export const FIT = 20;

/** Reads ink from canvas RGBA bytes through the alpha channel (strokes on a transparent canvas). */
export function inkFromRgba(rgba: ArrayLike<number>, width: number, height: number): InkBitmap {
  if (rgba.length !== width * height * 4) {
    throw new Error(`inkFromRgba: expected ${width * height * 4} bytes (width ${width} × height ${height} × 4 channels), got ${rgba.length}`);
  }
  const data = new Float32Array(width * height);
  for (let i = 0; i < data.length; i++) data[i] = rgba[i * 4 + 3] / 255;
  return { width, height, data };
}

/** Centre of mass in continuous pixel coordinates (pixel i spans [i, i+1)); null when blank. */
export function centreOfMass(pixels: ArrayLike<number>, width: number, height: number): { x: number; y: number } | null {
  let total = 0;
  let sx = 0;
  let sy = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = pixels[y * width + x];
      total += v;
      sx += v * (x + 0.5);
      sy += v * (y + 0.5);
    }
  }
  return total > 0 ? { x: sx / total, y: sy / total } : null;
}

/**
 * 1-D area resampling of `n` samples to `m`: each output sample is the mean
 * of the input over its footprint, counting partly covered pixels by the
 * covered fraction. Works for shrinking and enlarging.
 */
function resampleWeights(n: number, m: number): { start: number; weights: number[] }[] {
  const scale = n / m;
  const out: { start: number; weights: number[] }[] = [];
  for (let j = 0; j < m; j++) {
    const a = j * scale;
    const b = (j + 1) * scale;
    const start = Math.floor(a);
    const weights: number[] = [];
    for (let i = start; i < Math.min(n, Math.ceil(b)); i++) {
      weights.push((Math.min(b, i + 1) - Math.max(a, i)) / scale);
    }
    out.push({ start, weights });
  }
  return out;
}

function resize(src: Float32Array, w: number, h: number, w2: number, h2: number): Float32Array {
  const cols = resampleWeights(w, w2);
  const rows = resampleWeights(h, h2);
  const tmp = new Float32Array(w2 * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w2; x++) {
      const { start, weights } = cols[x];
      let acc = 0;
      for (let k = 0; k < weights.length; k++) acc += weights[k] * src[y * w + start + k];
      tmp[y * w2 + x] = acc;
    }
  }
  const out = new Float32Array(w2 * h2);
  for (let y = 0; y < h2; y++) {
    const { start, weights } = rows[y];
    for (let x = 0; x < w2; x++) {
      let acc = 0;
      for (let k = 0; k < weights.length; k++) acc += weights[k] * tmp[(start + k) * w2 + x];
      out[y * w2 + x] = acc;
    }
  }
  return out;
}

/**
 * Preprocesses a drawing. `threshold` (fraction of full ink) decides what
 * counts as ink for the bounding box, so faint anti-aliasing specks far from
 * the stroke do not stretch the box.
 */
export function preprocessDigit(bitmap: InkBitmap, options: { threshold?: number } = {}): DigitResult {
  const { width, height, data } = bitmap;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    throw new Error(`preprocessDigit: width and height must be positive integers, got ${width} × ${height}`);
  }
  if (data.length !== width * height) {
    throw new Error(`preprocessDigit: ${data.length} pixels but width × height is ${width * height}; pass one grey level per pixel, row by row`);
  }
  const max = bitmap.max ?? 1;
  const threshold = (options.threshold ?? 0.05) * max;
  let x0 = width;
  let y0 = height;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (data[y * width + x] > threshold) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
    }
  }
  const pixels = new Float32Array(SIZE * SIZE);
  if (x1 < 0) return { empty: true, pixels };

  const bw = x1 - x0 + 1;
  const bh = y1 - y0 + 1;
  const crop = new Float32Array(bw * bh);
  for (let y = 0; y < bh; y++) {
    for (let x = 0; x < bw; x++) crop[y * bw + x] = Math.min(1, Math.max(0, data[(y0 + y) * width + x0 + x] / max));
  }
  const scale = FIT / Math.max(bw, bh);
  const w2 = Math.max(1, Math.min(FIT, Math.round(bw * scale)));
  const h2 = Math.max(1, Math.min(FIT, Math.round(bh * scale)));
  const small = resize(crop, bw, bh, w2, h2);
  // MNIST strokes reach full intensity; averaging thins a light stroke, so stretch back to 1.
  let peak = 0;
  for (const v of small) if (v > peak) peak = v;
  for (let i = 0; i < small.length; i++) small[i] = Math.min(1, small[i] / peak);

  const com = centreOfMass(small, w2, h2)!;
  // Whole-pixel shift (as MNIST did) so the centre of mass lands within half a
  // pixel of (14, 14), kept inside the frame for very lopsided drawings.
  const dx = Math.min(SIZE - w2, Math.max(0, Math.round(SIZE / 2 - com.x)));
  const dy = Math.min(SIZE - h2, Math.max(0, Math.round(SIZE / 2 - com.y)));
  for (let y = 0; y < h2; y++) {
    for (let x = 0; x < w2; x++) pixels[(y + dy) * SIZE + x + dx] = small[y * w2 + x];
  }
  return { empty: false, pixels, box: { x: x0, y: y0, width: bw, height: bh }, placed: { x: dx, y: dy, width: w2, height: h2 } };
}
