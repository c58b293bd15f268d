// loadDataset through the Node transport, on the real files and on damaged
// temp copies of them.

import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, test } from 'vitest';
import { DataError } from '../../src/data/errors.ts';
import { loadDataset, type DataProgress } from '../../src/data/load-dataset.ts';
import { nodeTransport } from '../../src/data/transports/node.ts';
import { copyDataset, DATA_DIR } from './helpers.ts';

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const damagedCopy = (damage: (file: string) => void, file = 't10k-labels-idx1-ubyte.gz') => {
  const dir = copyDataset('mnist');
  temps.push(dir);
  damage(path.join(dir, 'mnist', file));
  return dir;
};
const failure = async (dir: string): Promise<DataError> => {
  const error = await loadDataset('mnist', nodeTransport(dir)).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DataError);
  return error as DataError;
};

describe('loadDataset (node transport)', () => {
  test('loads MNIST with the manifest, labels and shapes', async () => {
    const events: DataProgress[] = [];
    const d = await loadDataset('mnist', nodeTransport(DATA_DIR), { onProgress: (p) => events.push(p) });
    expect(d.name).toBe('mnist');
    expect(d.xTrain.shape).toEqual([60000, 28, 28]);
    expect(d.xTest.shape).toEqual([10000, 28, 28]);
    expect([...d.yTrain.data.subarray(0, 5)]).toEqual([5, 0, 4, 1, 9]);
    expect([...d.yTest.data.subarray(0, 5)]).toEqual([7, 2, 1, 0, 4]);
    expect(d.manifest.classNames.ko).toHaveLength(10);
    const last = events.at(-1)!;
    expect(last.loadedBytes).toBe(last.totalBytes);
    expect(last.totalBytes).toBe(47040016 + 60008 + 7840016 + 10008);
  });

  test('loads Fashion-MNIST', async () => {
    const d = await loadDataset('fashion-mnist', nodeTransport(DATA_DIR));
    expect(d.xTrain.shape).toEqual([60000, 28, 28]);
    expect(d.manifest.classNames.en[9]).toBe('Ankle boot');
  });

  test('a changed pixel (valid gzip, same size) fails the sha256 check', async () => {
    const dir = damagedCopy((file) => {
      const raw = gunzipSync(readFileSync(file));
      raw[5000] ^= 0xff;
      writeFileSync(file, gzipSync(raw));
    }, 't10k-images-idx3-ubyte.gz');
    const e = await failure(dir);
    expect(e.file).toBe('mnist/t10k-images-idx3-ubyte.gz');
    expect(e.message).toMatch(/is corrupt or changed: sha256 [0-9a-f]{64}, the manifest says 0fa7898d/);
    expect(e.message).toContain('npm run data');
  });

  test('a truncated copy fails with "truncated"', async () => {
    const dir = damagedCopy((file) => {
      const gz = readFileSync(file);
      writeFileSync(file, gz.subarray(0, gz.length >> 1));
    });
    const e = await failure(dir);
    expect(e.file).toBe(path.join(dir, 'mnist', 't10k-labels-idx1-ubyte.gz'));
    expect(e.message).toContain('cannot be gunzipped: it is truncated or corrupt');
  });

  test('a gzip of fewer labels fails on size, an uncompressed file on format', async () => {
    const fewer = damagedCopy((file) => {
      const raw = gunzipSync(readFileSync(file));
      raw.writeUInt32BE(9000, 4);
      writeFileSync(file, gzipSync(raw.subarray(0, 8 + 9000)));
    });
    expect((await failure(fewer)).message).toContain('gunzips to 9008 bytes, the manifest says 10008 (truncated)');

    const plain = damagedCopy((file) => writeFileSync(file, gunzipSync(readFileSync(file))));
    expect((await failure(plain)).message).toContain('is not a gzip file');
  });

  test('a missing file and a missing dataset name the path and the fix', async () => {
    const dir = damagedCopy((file) => rmSync(file));
    const e = await failure(dir);
    expect(e.message).toContain(`${path.join(dir, 'mnist', 't10k-labels-idx1-ubyte.gz')}: does not exist. Fix: Run \`npm run data\``);

    const none = await loadDataset('mnist', nodeTransport('/nonexistent-data-dir')).catch((x: unknown) => x);
    expect((none as DataError).message).toContain('/nonexistent-data-dir/mnist/manifest.json: does not exist');
  });

  test('a manifest from the other dataset is refused', async () => {
    const dir = damagedCopy((file) => {
      const m = JSON.parse(readFileSync(file, 'utf8'));
      m.name = 'fashion-mnist';
      writeFileSync(file, JSON.stringify(m));
    }, 'manifest.json');
    expect((await failure(dir)).message).toContain('`name` is invalid');
  });
});
