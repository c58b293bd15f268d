// The browser transport against a real HTTP server (node:http), with Node 24's
// global fetch and DecompressionStream, the same web APIs a browser has.

import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DataError } from '../../src/data/errors.ts';
import { loadDataset, type DataProgress } from '../../src/data/load-dataset.ts';
import { validateManifest } from '../../src/data/manifest.ts';
import { browserTransport } from '../../src/data/transports/browser.ts';
import type { FileProgress } from '../../src/data/transport.ts';
import { copyDataset, DATA_DIR, serveDir, type StaticServer } from './helpers.ts';

let server: StaticServer;
let damaged: StaticServer;
let damagedDir: string;

beforeAll(async () => {
  server = await serveDir(DATA_DIR);
  damagedDir = copyDataset('mnist');
  const cut = (file: string) => {
    const full = path.join(damagedDir, 'mnist', file);
    const gz = readFileSync(full);
    writeFileSync(full, gz.subarray(0, gz.length - 1000));
  };
  cut('t10k-images-idx3-ubyte.gz');
  damaged = await serveDir(damagedDir);
});
afterAll(async () => {
  await server.close();
  await damaged.close();
  rmSync(damagedDir, { recursive: true, force: true });
});

const failure = (promise: Promise<unknown>): Promise<DataError> =>
  promise.then(
    () => {
      throw new Error('expected a DataError');
    },
    (e: unknown) => {
      expect(e).toBeInstanceOf(DataError);
      return e as DataError;
    },
  );

describe('browserTransport', () => {
  test('loads MNIST over HTTP with monotonic progress that ends at the total', async () => {
    const events: DataProgress[] = [];
    const d = await loadDataset('mnist', browserTransport(server.url), { onProgress: (p) => events.push(p) });
    expect(d.xTrain.shape).toEqual([60000, 28, 28]);
    expect([...d.yTrain.data.subarray(0, 5)]).toEqual([5, 0, 4, 1, 9]);
    expect([...d.yTest.data.subarray(0, 5)]).toEqual([7, 2, 1, 0, 4]);
    expect(events.length).toBeGreaterThan(10);
    for (let i = 1; i < events.length; i++) expect(events[i].loadedBytes).toBeGreaterThanOrEqual(events[i - 1].loadedBytes);
    expect(events.at(-1)!.loadedBytes).toBe(events.at(-1)!.totalBytes);
    // Throttled to about one event per percent of the whole dataset.
    expect(events.length).toBeLessThanOrEqual(101);
  });

  test('fetchFile streams into one buffer of the manifest size, reporting per-file progress', async () => {
    const transport = browserTransport(server.url.replace(/\/$/, '')); // no trailing slash: still a folder
    const manifest = validateManifest(await transport.fetchManifest('fashion-mnist'), 'fashion-mnist', 'm');
    const events: FileProgress[] = [];
    const bytes = await transport.fetchFile('fashion-mnist', manifest.files.testImages, (p) => events.push(p));
    expect(bytes.length).toBe(manifest.files.testImages.bytes);
    expect(bytes.byteOffset).toBe(0);
    expect(bytes.buffer.byteLength).toBe(bytes.length);
    expect(events.at(-1)).toEqual({ file: 't10k-images-idx3-ubyte.gz', loadedBytes: 7840016, totalBytes: 7840016 });
  });

  test('a host that sends the .gz with Content-Encoding: gzip still works', async () => {
    const d = await loadDataset('mnist', browserTransport(`${server.url}encoded/`));
    expect([...d.yTest.data.subarray(0, 5)]).toEqual([7, 2, 1, 0, 4]);
    expect(server.requests).toContain('/encoded/mnist/train-images-idx3-ubyte.gz');
  });

  test('a 404 names the URL, the status and the fix', async () => {
    const e = await failure(loadDataset('mnist', browserTransport(`${server.url}missing/`)));
    expect(e.file).toBe(`${server.url}missing/mnist/manifest.json`);
    expect(e.message).toContain('is not on the server (HTTP 404 Not Found)');
    expect(e.message).toContain('npm run data');
    expect(e.text('ko')).toContain('HTTP 404');
  });

  test('an HTML fallback page served instead of a data file is recognised', async () => {
    const transport = browserTransport(`${server.url}spa/`);
    const manifest = validateManifest(JSON.parse(readFileSync(path.join(DATA_DIR, 'mnist', 'manifest.json'), 'utf8')), 'mnist', 'm');
    const e = await failure(transport.fetchFile('mnist', manifest.files.trainLabels));
    expect(e.message).toContain('is neither gzip nor IDX (it starts with "<!DOCTYPE html><"; an HTML page?)');
  });

  test('checks each file against the sha256 as it downloads; the manifest always revalidates', async () => {
    const dir = copyDataset('mnist');
    const file = path.join(dir, 'mnist', 't10k-labels-idx1-ubyte.gz');
    const raw = gunzipSync(readFileSync(file));
    raw[100] = (raw[100] + 1) % 10; // still a valid label: only the hash can tell
    writeFileSync(file, gzipSync(raw));
    const changed = await serveDir(dir);
    try {
      const inits: (RequestInit | undefined)[] = [];
      const transport = browserTransport(changed.url, { fetch: (url, init) => (inits.push(init), fetch(url, init)) });
      expect(transport.checksSha256).toBe(true);
      const e = await failure(loadDataset('mnist', transport));
      expect(e.file).toBe(`${changed.url}mnist/t10k-labels-idx1-ubyte.gz`);
      expect(e.message).toMatch(/is corrupt or changed: sha256 [0-9a-f]{64}, the manifest says/);
      expect(inits[0]).toEqual({ cache: 'no-cache' });
    } finally {
      await changed.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a truncated file on the server is refused', async () => {
    const e = await failure(loadDataset('mnist', browserTransport(damaged.url)));
    expect(e.file).toBe(`${damaged.url}mnist/t10k-images-idx3-ubyte.gz`);
    expect(e.message).toMatch(/truncated/);
  });
});
