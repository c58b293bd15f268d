// The browser transport's Cache Storage in real Chromium (Debian's, through
// test/browser/support): a second load downloads no data file, a changed
// file (new sha256 in the manifest) is fetched again and replaces the old
// copy, two workers loading at once fetch each file once, a kept copy that
// was poisoned or truncated is refused on reading and fetched again, and a
// page on plain http (not localhost: no Cache Storage) silently uses the network.
// The src/data modules (and src/contract, which they import) are served as
// the browser would run them: TypeScript with its types stripped by Node
// (erasable syntax only), imports unchanged.
import { createReadStream, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { stripTypeScriptTypes } from 'node:module';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launch, type Browser } from '../browser/support/browser.ts';
import { copyDataset, ROOT } from './helpers.ts';

// Loads MNIST with a fresh transport in the page (or in `n` module workers
// at once) and sums up what came back.
const LOADER = `
import { loadDataset } from '/src/data/load-dataset.ts';
import { browserTransport } from '/src/data/transports/browser.ts';
// Keeping a copy outlasts the load (the bytes are handed over first); it is
// done when this origin holds no Web Lock any more (no locks on plain http).
export async function kept() {
  while (navigator.locks && (await navigator.locks.query()).held.length > 0) await new Promise((r) => setTimeout(r, 20));
}
export async function load() {
  const d = await loadDataset('mnist', browserTransport('/data/'));
  let sum = 0;
  for (const b of d.xTrain.data) sum += b;
  return { shape: d.xTrain.shape, yTest: [...d.yTest.data.subarray(0, 12)], pixelSum: sum };
}`;
const WORKER = `import { load, kept } from '/loader.js';
load().then(async (r) => (await kept(), postMessage(r)), (e) => postMessage({ error: String(e) }));`;
const PAGE = `<!DOCTYPE html><meta charset="utf-8"><script type="module">
import { load, kept } from '/loader.js';
window.load = async () => { const r = await load(); await kept(); return r; };
window.loadInWorkers = (n) => Promise.all(Array.from({ length: n }, () => new Promise((resolve, reject) => {
  const w = new Worker('/worker.js', { type: 'module' });
  w.onmessage = (e) => (w.terminate(), resolve(e.data));
  w.onerror = (e) => reject(new Error(e.message));
})));
window.keptKeys = async () => (await (await caches.open('mnist-course-data-v1')).keys()).map((r) => r.url.replace(location.origin, ''));
window.ready = true;
</script>`;

let browser: Browser;
let server: Server;
let origin: string;
let dataDir: string;
const requests: string[] = [];
const gzRequests = () => requests.filter((r) => r.endsWith('.gz'));

beforeAll(async () => {
  dataDir = copyDataset('mnist');
  server = createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push(urlPath);
    if (urlPath === '/') return void res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
    if (urlPath === '/loader.js' || urlPath === '/worker.js') {
      return void res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store' }).end(urlPath === '/loader.js' ? LOADER : WORKER);
    }
    if (/^\/src\/(data|contract)\//.test(urlPath) && urlPath.endsWith('.ts')) {
      const file = path.join(ROOT, path.normalize(urlPath));
      const js = stripTypeScriptTypes(readFileSync(file, 'utf8'));
      return void res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store' }).end(js);
    }
    const file = path.join(dataDir, path.normalize(urlPath.slice('/data/'.length)));
    if (!urlPath.startsWith('/data/') || !existsSync(file)) return void res.writeHead(404).end('not found');
    // no-store: what a second load skips is skipped by Cache Storage, not by HTTP caching.
    res.writeHead(200, { 'content-type': file.endsWith('.json') ? 'application/json' : 'application/gzip', 'cache-control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  rmSync(dataDir, { recursive: true, force: true });
});

async function open(base = origin): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`${base}/`);
  await page.waitForFunction(() => (window as unknown as { ready?: boolean }).ready === true);
  return page;
}
const load = (page: Page) => page.evaluate(() => (window as unknown as { load(): Promise<{ shape: number[]; yTest: number[]; pixelSum: number }> }).load());
const keptKeys = (page: Page) => page.evaluate(() => (window as unknown as { keptKeys(): Promise<string[]> }).keptKeys());

describe('browser transport with Cache Storage (Chromium)', () => {
  test('the first load keeps checked files; a second load in a fresh page downloads only the manifest', async () => {
    requests.length = 0;
    let page = await open();
    const first = await load(page);
    expect(first.shape).toEqual([60000, 28, 28]);
    expect(first.yTest).toEqual([7, 2, 1, 0, 4, 1, 4, 9, 5, 9, 0, 6]);
    expect(gzRequests()).toHaveLength(4);
    const manifest = JSON.parse(readFileSync(path.join(dataDir, 'mnist', 'manifest.json'), 'utf8'));
    expect((await keptKeys(page)).sort()).toEqual(
      Object.values(manifest.files as Record<string, { file: string; sha256: string }>)
        .map((f) => `/data/mnist/${f.file}?sha256=${f.sha256}`)
        .sort(),
    );
    await page.close();

    requests.length = 0;
    page = await open();
    expect(await load(page)).toEqual(first);
    expect(gzRequests()).toEqual([]);
    expect(requests.filter((r) => r.endsWith('manifest.json'))).toHaveLength(1);
    await page.close();
  });

  test('a changed file (new sha256 in the manifest) is fetched again and replaces the kept copy', async () => {
    const labels = path.join(dataDir, 'mnist', 't10k-labels-idx1-ubyte.gz');
    const raw = gunzipSync(readFileSync(labels));
    raw[8] = 3; // the first test label, 7 → 3
    writeFileSync(labels, gzipSync(raw));
    const manifestFile = path.join(dataDir, 'mnist', 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    manifest.files.testLabels.sha256 = createHash('sha256').update(raw).digest('hex');
    writeFileSync(manifestFile, JSON.stringify(manifest));

    requests.length = 0;
    const page = await open();
    const changed = await load(page);
    expect(changed.yTest.slice(0, 3)).toEqual([3, 2, 1]);
    expect(gzRequests()).toEqual(['/data/mnist/t10k-labels-idx1-ubyte.gz']);
    const keys = (await keptKeys(page)).filter((k) => k.startsWith('/data/mnist/t10k-labels'));
    expect(keys).toEqual([`/data/mnist/t10k-labels-idx1-ubyte.gz?sha256=${manifest.files.testLabels.sha256}`]);
    await page.close();
  });

  test('two workers loading at once fetch each file once', async () => {
    const page = await open();
    await page.evaluate(() => caches.delete('mnist-course-data-v1'));
    requests.length = 0;
    const results = (await page.evaluate(() => (window as unknown as { loadInWorkers(n: number): Promise<unknown[]> }).loadInWorkers(2))) as { pixelSum: number; error?: string }[];
    expect(results.map((r) => r.error)).toEqual([undefined, undefined]);
    expect(results[0]).toEqual(results[1]);
    expect(gzRequests().sort()).toEqual([
      '/data/mnist/t10k-images-idx3-ubyte.gz',
      '/data/mnist/t10k-labels-idx1-ubyte.gz',
      '/data/mnist/train-images-idx3-ubyte.gz',
      '/data/mnist/train-labels-idx1-ubyte.gz',
    ]);
    await page.close();
  });

  test('a poisoned or truncated kept copy is hashed on reading, dropped, fetched again and kept anew, with no error', async () => {
    let page = await open();
    const honest = await load(page);
    // The page plays a same-origin writer (another site on the same
    // github.io origin, an older course version): labels shifted by one,
    // and the train labels cut short.
    const changed = await page.evaluate(async () => {
      const cache = await caches.open('mnist-course-data-v1');
      const keys = await cache.keys();
      const edit = async (part: string, change: (bytes: Uint8Array) => Uint8Array) => {
        const key = keys.find((k) => k.url.includes(part))!;
        const bytes = new Uint8Array(await (await cache.match(key))!.arrayBuffer());
        await cache.put(key, new Response(change(bytes) as Uint8Array<ArrayBuffer>));
        return key.url;
      };
      return [
        await edit('t10k-labels', (b) => b.map((v, i) => (i < 8 ? v : (v + 1) % 10))),
        await edit('train-labels', (b) => b.subarray(0, b.length - 1000)),
      ];
    });
    await page.close();

    requests.length = 0;
    page = await open();
    expect(await load(page)).toEqual(honest);
    expect(gzRequests().sort()).toEqual(['/data/mnist/t10k-labels-idx1-ubyte.gz', '/data/mnist/train-labels-idx1-ubyte.gz']);
    // The checked downloads replaced the bad copies under the same keys.
    const kept = await page.evaluate(async (urls) => {
      const cache = await caches.open('mnist-course-data-v1');
      return Promise.all(urls.map(async (url) => (await (await cache.match(url))!.arrayBuffer()).byteLength));
    }, changed);
    expect(kept).toEqual([10008, 60008]);
    expect((await page.evaluate(async (url) => new Uint8Array(await (await (await caches.open('mnist-course-data-v1')).match(url))!.arrayBuffer())[8], changed[0]))).toBe(honest.yTest[0]);
    await page.close();
  });

  test('on plain http other than localhost (no Cache Storage) it silently uses the network', async () => {
    // A second browser whose resolver maps a name to this server: an insecure origin.
    const { chromium } = await import('playwright-core');
    const port = (server.address() as AddressInfo).port;
    const insecure = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--host-resolver-rules=MAP course.test 127.0.0.1'] });
    try {
      const page = await insecure.newPage();
      await page.goto(`http://course.test:${port}/`);
      await page.waitForFunction(() => (window as unknown as { ready?: boolean }).ready === true);
      expect(await page.evaluate(() => ({ secure: isSecureContext, caches: typeof caches }))).toEqual({ secure: false, caches: 'undefined' });
      for (let i = 0; i < 2; i++) {
        requests.length = 0;
        expect((await load(page)).shape).toEqual([60000, 28, 28]);
        expect(gzRequests()).toHaveLength(4);
      }
    } finally {
      await insecure.close();
    }
  });
});
