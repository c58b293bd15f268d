import { describe, expect, test } from 'vitest';
import { DataError } from '../../src/data/errors.ts';
import { parseIdx } from '../../src/data/idx.ts';

/** An IDX file of bytes with the given magic, dims and value count. */
function idx(magic: number, dims: number[], values: number): Uint8Array {
  const bytes = new Uint8Array(4 + 4 * dims.length + values);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, magic);
  dims.forEach((d, i) => view.setUint32(4 + 4 * i, d));
  for (let i = 0; i < values; i++) bytes[4 + 4 * dims.length + i] = i % 256;
  return bytes;
}

const thrown = (f: () => unknown): DataError => {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(DataError);
    return error as DataError;
  }
  throw new Error('expected a DataError');
};

describe('parseIdx', () => {
  test('reads labels and images as views, without copying', () => {
    const labels = idx(0x801, [5], 5);
    const parsed = parseIdx(labels, 'labels');
    expect(parsed.shape).toEqual([5]);
    expect([...parsed.data]).toEqual([0, 1, 2, 3, 4]);
    expect(parsed.data.buffer).toBe(labels.buffer);
    expect(parsed.data.byteOffset).toBe(8);

    const images = parseIdx(idx(0x803, [2, 3, 4], 24), 'images');
    expect(images.shape).toEqual([2, 3, 4]);
    expect(images.data.length).toBe(24);
  });

  test('works on a view that does not start at offset 0', () => {
    const inner = idx(0x801, [3], 3);
    const outer = new Uint8Array(inner.length + 5);
    outer.set(inner, 5);
    expect([...parseIdx(outer.subarray(5), 'labels').data]).toEqual([0, 1, 2]);
  });

  test('rejects a bad magic number, naming the file and the fix', () => {
    const e = thrown(() => parseIdx(idx(0x00000d03, [1, 28, 28], 784), 'mnist/train-images-idx3-ubyte.gz'));
    expect(e.file).toBe('mnist/train-images-idx3-ubyte.gz');
    expect(e.message).toContain('magic number 0x00000d03');
    expect(e.message).toContain('npm run data');
    expect(e.text('ko')).toContain('매직 넘버');
  });

  test('rejects gzip bytes handed over without gunzipping', () => {
    const gz = new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]);
    expect(thrown(() => parseIdx(gz, 'x')).message).toContain('0x1f8b0800');
  });

  test('rejects truncated values, a truncated header and extra bytes', () => {
    const full = idx(0x803, [10, 28, 28], 7840);
    expect(thrown(() => parseIdx(full.subarray(0, full.length - 1), 'x')).message).toContain('truncated: shape [10,28,28] needs 7840 values, the file has 7839');
    expect(thrown(() => parseIdx(full.subarray(0, 10), 'x')).message).toContain('truncated header');
    expect(thrown(() => parseIdx(full.subarray(0, 3), 'x')).message).toContain('too short');
    const long = new Uint8Array(full.length + 2);
    long.set(full);
    expect(thrown(() => parseIdx(long, 'x')).message).toContain('2 bytes after');
  });
});
