// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { centreOfMass, inkFromRgba, preprocessDigit, type InkBitmap } from '../../src/viz/digit/preprocess.ts';

/** A blank canvas-sized bitmap with a pen that paints round dots. */
function canvas(width: number, height: number) {
  const data = new Float32Array(width * height);
  const dot = (cx: number, cy: number, r: number) => {
    for (let y = Math.floor(cy - r); y <= Math.ceil(cy + r); y++) {
      for (let x = Math.floor(cx - r); x <= Math.ceil(cx + r); x++) {
        if (x >= 0 && y >= 0 && x < width && y < height && (x + 0.5 - cx) ** 2 + (y + 0.5 - cy) ** 2 <= r * r) data[y * width + x] = 1;
      }
    }
  };
  const stroke = (points: [number, number][], r: number) => {
    for (let i = 1; i < points.length; i++) {
      const [ax, ay] = points[i - 1];
      const [bx, by] = points[i];
      const steps = Math.ceil(Math.hypot(bx - ax, by - ay));
      for (let s = 0; s <= steps; s++) dot(ax + ((bx - ax) * s) / steps, ay + ((by - ay) * s) / steps, r);
    }
  };
  return { bitmap: { width, height, data } satisfies InkBitmap, stroke, dot };
}

/** The bounding box of values above a threshold in a 28×28 result. */
function inkBox(px: Float32Array, threshold = 0) {
  let x0 = 28, y0 = 28, x1 = -1, y1 = -1;
  for (let y = 0; y < 28; y++) for (let x = 0; x < 28; x++) if (px[y * 28 + x] > threshold) {
    x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y);
  }
  return { width: x1 - x0 + 1, height: y1 - y0 + 1, x0, y0 };
}

describe('preprocessDigit', () => {
  it('reports an empty drawing as empty, with 784 zeros', () => {
    const r = preprocessDigit({ width: 280, height: 280, data: new Float32Array(280 * 280) });
    expect(r.empty).toBe(true);
    expect(r.pixels).toHaveLength(784);
    expect(r.pixels.every((v) => v === 0)).toBe(true);
  });

  it('treats faint specks below the threshold as empty', () => {
    const data = new Float32Array(100 * 100);
    data[5050] = 0.01;
    expect(preprocessDigit({ width: 100, height: 100, data }).empty).toBe(true);
  });

  it('moves an off-centre stroke so its centre of mass is at (14, 14)', () => {
    // A "7" drawn small in the top-left corner of a 280×280 pad.
    const c = canvas(280, 280);
    c.stroke([[20, 20], [90, 20], [45, 110]], 6);
    const r = preprocessDigit(c.bitmap);
    expect(r.empty).toBe(false);
    expect(r.box!.x).toBeLessThan(20);
    const com = centreOfMass(r.pixels, 28, 28)!;
    expect(Math.abs(com.x - 14)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(com.y - 14)).toBeLessThanOrEqual(0.5);
  });

  it('fits the longer side of the bounding box to 20 px and keeps the aspect ratio', () => {
    // A tall "1": 12 px wide, 200 px tall on a 300×300 pad.
    const c = canvas(300, 300);
    c.stroke([[200, 40], [200, 228]], 6);
    const r = preprocessDigit(c.bitmap);
    const box = inkBox(r.pixels);
    expect(box.height).toBe(20);
    expect(box.width).toBeLessThanOrEqual(2);
    expect(r.placed).toMatchObject({ height: 20, width: 1 });

    // A wide stroke: the width becomes 20.
    const w = canvas(200, 100);
    w.stroke([[10, 50], [190, 60]], 5);
    const rw = preprocessDigit(w.bitmap);
    expect(inkBox(rw.pixels).width).toBe(20);
    expect(inkBox(rw.pixels).height).toBeLessThan(6);
  });

  it('enlarges a tiny drawing to 20 px too', () => {
    const c = canvas(64, 64);
    c.stroke([[30, 30], [30, 38]], 1.5);
    const box = inkBox(preprocessDigit(c.bitmap).pixels);
    expect(box.height).toBe(20);
  });

  it('gives values in [0, 1] with full ink at 1 and grey anti-aliased edges', () => {
    const c = canvas(280, 280);
    c.stroke([[140, 40], [100, 140], [180, 140], [140, 240]], 9);
    const { pixels } = preprocessDigit(c.bitmap);
    const values = Array.from(pixels);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBe(1);
    // Area averaging leaves partial coverage: some pixels strictly between 0 and 1.
    expect(values.filter((v) => v > 0 && v < 1).length).toBeGreaterThan(5);
  });

  it('accepts 0–255 bitmaps with max and canvas RGBA via the alpha channel', () => {
    const rgba = new Uint8ClampedArray(50 * 50 * 4);
    for (let y = 10; y < 40; y++) for (let x = 22; x < 27; x++) rgba[(y * 50 + x) * 4 + 3] = 255;
    const fromAlpha = preprocessDigit(inkFromRgba(rgba, 50, 50));
    const bytes = new Uint8Array(2500);
    for (let y = 10; y < 40; y++) for (let x = 22; x < 27; x++) bytes[y * 50 + x] = 255;
    const fromBytes = preprocessDigit({ width: 50, height: 50, data: bytes, max: 255 });
    expect(Array.from(fromAlpha.pixels)).toEqual(Array.from(fromBytes.pixels));
    expect(inkBox(fromBytes.pixels).height).toBe(20);
  });

  it('names the problem when the bitmap size does not match', () => {
    expect(() => preprocessDigit({ width: 10, height: 10, data: new Float32Array(99) })).toThrow(/99 pixels but width × height is 100/);
    expect(() => inkFromRgba(new Uint8Array(10), 2, 2)).toThrow(/expected 16 bytes/);
  });

  it('keeps the whole digit inside the frame even when the mass is lopsided', () => {
    // A "7" whose mass sits near one end: a heavy bar with a thin long tail.
    const c = canvas(200, 200);
    c.stroke([[20, 20], [180, 20]], 14);
    c.stroke([[180, 20], [180, 190]], 1);
    const { pixels } = preprocessDigit(c.bitmap);
    const box = inkBox(pixels);
    expect(box.x0).toBeGreaterThanOrEqual(0);
    expect(box.y0 + box.height).toBeLessThanOrEqual(28);
    expect(box.height).toBe(20);
  });
});
