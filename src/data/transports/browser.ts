// Browser transport: fetch + DecompressionStream('gzip'), streamed into one
// buffer preallocated from the manifest's uncompressed size, with progress.
// Each file is checked against its sha256 as it arrives and the checked,
// gunzipped bytes are kept in Cache Storage under URL + sha256, so a later
// visit (or a fresh worker) reads them back without network or gunzip, and a
// changed dataset (new sha256 in the manifest) is fetched again. A kept copy
// is hashed again when read back: anything on this origin (another
// github.io site of the same account, an older version of the course) can
// write Cache Storage, so a copy that no longer matches is dropped and
// fetched again. The manifest itself always revalidates. Without Cache
// Storage (Node, or a page on plain http other than localhost) it silently
// uses the network only. Uses only web APIs, so it also runs in Node 24.

import { checkSha256 } from '../check-sha256.ts';
import { DataError, type Localized } from '../errors.ts';
import type { DatasetName, ManifestFile } from '../manifest.ts';
import type { FileProgress, Transport } from '../transport.ts';
import { sha256Hex } from '../sha256.ts';

// Taken when this module loads, before the sandbox's lockdown
// (src/sandbox/browser/lockdown.ts) removes them from the worker's global:
// learner code in the same worker must not write the course's cache or hold
// its locks, but this transport still needs both.
const OWN_CACHES: CacheStorage | undefined = globalThis.caches;
const OWN_LOCKS: LockManager | undefined = (globalThis.navigator as { locks?: LockManager } | undefined)?.locks;

export interface BrowserTransportOptions {
  /** Defaults to the global fetch. */
  fetch?: typeof fetch;
  /** Where checked files are kept; defaults to the global `caches` as this module found it; null: never keep. */
  caches?: CacheStorage | null;
}

/** The Cache Storage cache that holds checked, gunzipped dataset files. */
export const DATA_CACHE_NAME = 'mnist-course-data-v1';

/** The Cache Storage key of a file: its URL plus the manifest's sha256. */
export function keptKey(url: string, sha256: string): string {
  const key = new URL(url);
  key.searchParams.set('sha256', sha256);
  return key.href;
}

async function openCache(storage: CacheStorage | null | undefined): Promise<Cache | undefined> {
  try {
    return storage ? await storage.open(DATA_CACHE_NAME) : undefined;
  } catch {
    return undefined; // e.g. storage disabled or an opaque origin: network only
  }
}

async function readKept(cache: Cache, key: string, size: number): Promise<Uint8Array | undefined> {
  try {
    const hit = await cache.match(key);
    const buffer = hit ? await hit.arrayBuffer() : undefined;
    return buffer && buffer.byteLength === size ? new Uint8Array(buffer) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Runs `body` holding a Web Lock named after `key`, so two workers of one
 * page (two exercises run at once) fetch a file once: the second waits, then
 * finds the kept copy. The promise settles as soon as `body` hands over the
 * bytes; the lock is held until `body` has also stored them.
 */
function exclusive(key: string, body: (hand: (bytes: Uint8Array) => void) => Promise<void>): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const run = () => body(resolve).catch(reject);
    if (OWN_LOCKS) OWN_LOCKS.request(`mnist-course-data ${key}`, run).catch(reject);
    else void run();
  });
}

const FIX_SITE: Localized = {
  ko: '페이지를 새로 고친 뒤 다시 실행하세요. 계속 실패하면 사이트가 데이터 없이 빌드된 것이니, 빌드하기 전에 `npm run data`를 실행하세요.',
  en: 'Reload the page and run again. If it keeps failing, the site was built without its data: run `npm run data` before building it.',
};

export function browserTransport(baseUrl: string | URL, options: BrowserTransportOptions = {}): Transport {
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const baseText = String(baseUrl);
  // Relative bases (e.g. `/data/`) resolve against the page or worker
  // location; a worker started from a blob: URL (the sandbox, so that it
  // inherits the page's CSP) has a blob: location, so its origin instead.
  const here = globalThis.location?.protocol === 'blob:' ? `${globalThis.location.origin}/` : globalThis.location?.href;
  const base = new URL(baseText.endsWith('/') ? baseText : `${baseText}/`, here);
  const fix = FIX_SITE;
  const urlOf = (name: DatasetName, file: string) => new URL(`${name}/${file}`, base).href;
  const fail = (url: string, problem: Localized, cause?: unknown): never => {
    throw new DataError({ file: url, problem, fix }, { cause });
  };

  const get = async (url: string, init?: RequestInit): Promise<Response> => {
    let response: Response;
    try {
      response = await fetchImpl(url, init);
    } catch (error) {
      return fail(url, { ko: `내려받지 못했습니다(네트워크 오류: ${String(error)}).`, en: `could not be downloaded (network error: ${String(error)}).` }, error);
    }
    if (!response.ok) {
      const status = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
      if (response.status === 404) fail(url, { ko: `서버에 파일이 없습니다(${status}).`, en: `is not on the server (${status}).` });
      fail(url, { ko: `내려받지 못했습니다(${status}).`, en: `could not be downloaded (${status}).` });
    }
    return response;
  };

  const cache = openCache(options.caches === undefined ? OWN_CACHES : options.caches);

  const download = async (url: string, entry: ManifestFile, onProgress?: (p: FileProgress) => void): Promise<Uint8Array> => {
    const response = await get(url);
    if (!response.body) fail(url, { ko: '응답에 본문이 없습니다.', en: 'came back with an empty body.' });
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const first = await reader.read().catch((error: unknown) =>
      fail(url, { ko: `내려받다가 끊겼습니다(${String(error)}).`, en: `download broke off (${String(error)}).` }, error),
    );
    const head = first.value ?? new Uint8Array(0);
    // 0x1f: gzip as stored. 0x00: an IDX header, because the server sent the
    // file with Content-Encoding: gzip and fetch already decoded it.
    // Anything else is usually an HTML page from a fallback route.
    if (head[0] !== 0x1f && head[0] !== 0x00) {
      await reader.cancel().catch(() => {});
      const start = new TextDecoder().decode(head.subarray(0, 16)).replace(/\s+/g, ' ');
      fail(url, {
        ko: `gzip도 IDX도 아닌 응답이 왔습니다(시작: "${start}", HTML 페이지일 수 있습니다).`,
        en: `is neither gzip nor IDX (it starts with "${start}"; an HTML page?).`,
      });
    }
    const replayed = new ReadableStream<Uint8Array>({
      start(controller) {
        if (head.length > 0) controller.enqueue(head);
        if (first.done) controller.close();
      },
      async pull(controller) {
        const next = await reader.read();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      },
      cancel(reason) {
        return reader.cancel(reason);
      },
    });
    const stream =
      head[0] === 0x1f
        ? replayed.pipeThrough(new DecompressionStream('gzip') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>)
        : replayed;

    const out = new Uint8Array(entry.bytes);
    let offset = 0;
    const output = stream.getReader();
    try {
      for (;;) {
        const { done, value } = await output.read();
        if (done) break;
        if (offset + value.length > out.length) {
          await output.cancel().catch(() => {});
          fail(url, {
            ko: `압축을 풀면 매니페스트에 적힌 ${entry.bytes}바이트보다 큽니다.`,
            en: `gunzips to more than the ${entry.bytes} bytes the manifest says.`,
          });
        }
        out.set(value, offset);
        offset += value.length;
        onProgress?.({ file: entry.file, loadedBytes: offset, totalBytes: entry.bytes });
      }
    } catch (error) {
      if (error instanceof DataError) throw error;
      fail(
        url,
        {
          ko: `내려받거나 gzip 압축을 푸는 데 실패했습니다: 잘렸거나 손상된 파일입니다(${String(error)}).`,
          en: `could not be downloaded and gunzipped: it is truncated or corrupt (${String(error)}).`,
        },
        error,
      );
    }
    if (offset < out.length) {
      fail(url, {
        ko: `잘린 파일입니다: 압축을 푼 ${entry.bytes}바이트 중 ${offset}바이트에서 끝났습니다.`,
        en: `is truncated: it ended after ${offset} of ${entry.bytes} uncompressed bytes.`,
      });
    }
    return out;
  };

  return {
    fix,
    checksSha256: true,
    async fetchManifest(name) {
      const url = urlOf(name, 'manifest.json');
      // Revalidates every time (a 304 costs no body): a new manifest brings
      // new sha256s, and with them new keys for the kept files.
      const response = await get(url, { cache: 'no-cache' });
      const text = await response.text().catch((error: unknown) =>
        fail(url, { ko: `내려받다가 끊겼습니다(${String(error)}).`, en: `download broke off (${String(error)}).` }, error),
      );
      try {
        return JSON.parse(text) as unknown;
      } catch (error) {
        return fail(url, { ko: `JSON이 아닙니다(${String(error)}).`, en: `is not valid JSON (${String(error)}).` }, error);
      }
    },


    async fetchFile(name: DatasetName, entry: ManifestFile, onProgress?: (p: FileProgress) => void) {
      const url = urlOf(name, entry.file);
      const checked = async () => {
        const bytes = await download(url, entry, onProgress);
        await checkSha256(bytes, entry, url, fix);
        return bytes;
      };
      const kept = await cache;
      if (!kept) return checked();
      const key = keptKey(url, entry.sha256);
      return exclusive(key, async (hand) => {
        const copy = await readKept(kept, key, entry.bytes);
        // Poisoned or damaged copies fall through to the network and are replaced below.
        if (copy && (await sha256Hex(copy)) === entry.sha256) {
          onProgress?.({ file: entry.file, loadedBytes: entry.bytes, totalBytes: entry.bytes });
          return hand(copy);
        }
        const bytes = await checked();
        hand(bytes);
        try {
          await kept.delete(url, { ignoreSearch: true }); // copies under an older sha256, or a bad one
          // Built after that await, so the copy the Response makes (19 ms for
          // the train images) is not on the load's path; nothing writes to
          // the dataset's bytes.
          const response = new Response(bytes as Uint8Array<ArrayBuffer>, { headers: { 'content-type': 'application/octet-stream' } });
          await kept.put(key, response);
        } catch {
          // Quota or storage errors: the next load simply fetches again.
        }
      });
    },
  };
}
