import { expect, test } from 'vitest';
import { toFloat32 } from '../../src/data/to-float.ts';

const all = Uint8Array.from({ length: 256 }, (_, i) => i);

test('unscaled keeps 0–255', () => {
  expect([...toFloat32(all)]).toEqual([...all]);
});

test('scaled equals float32(x / 255), the value tf.div(x, 255) gives', () => {
  const scaled = toFloat32(all, { scale: true });
  for (let i = 0; i < 256; i++) expect(scaled[i]).toBe(Math.fround(Math.fround(i) / Math.fround(255)));
  expect(scaled[255]).toBe(1);
});

test('writes into a given array and rejects a wrong length', () => {
  const out = new Float32Array(256);
  expect(toFloat32(all, { scale: true, out })).toBe(out);
  expect(() => toFloat32(all, { out: new Float32Array(3) })).toThrow(/out has 3 elements, bytes has 256/);
});
