// Browser transport: fetch + DecompressionStream('gzip'), streamed into one
// buffer preallocated from the manifest's uncompressed size, with progress.
// Uses only web APIs, so it also runs in Node 24 (the tests use it there).

import { DataError, type Localized } from '../errors.ts';
import type { DatasetName, ManifestFile } from '../manifest.ts';
import type { FileProgress, Transport } from '../transport.ts';

export interface BrowserTransportOptions {
  /** Defaults to the global fetch. */
  fetch?: typeof fetch;
}

const FIX_SITE: Localized = {
  ko: '페이지를 새로 고친 뒤 다시 실행하세요. 계속 실패하면 사이트가 데이터 없이 빌드된 것이니, 빌드하기 전에 `npm run data`를 실행하세요.',
  en: 'Reload the page and run again. If it keeps failing, the site was built without its data: run `npm run data` before building it.',
};

export function browserTransport(baseUrl: string | URL, options: BrowserTransportOptions = {}): Transport {
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const baseText = String(baseUrl);
  // Relative bases (e.g. `/data/`) resolve against the page or worker location.
  const base = new URL(baseText.endsWith('/') ? baseText : `${baseText}/`, globalThis.location?.href);
  const fix = FIX_SITE;
  const urlOf = (name: DatasetName, file: string) => new URL(`${name}/${file}`, base).href;
  const fail = (url: string, problem: Localized, cause?: unknown): never => {
    throw new DataError({ file: url, problem, fix }, { cause });
  };

  const get = async (url: string): Promise<Response> => {
    let response: Response;
    try {
      response = await fetchImpl(url);
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

  return {
    fix,
    async fetchManifest(name) {
      const url = urlOf(name, 'manifest.json');
      const response = await get(url);
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
    },
  };
}
