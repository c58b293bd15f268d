// Node transport: reads `<dataDir>/<name>/…` from disk and gunzips with zlib.
// Node-only (imports node:fs), so it is not re-exported from src/data/index.ts.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { DataError, FIX_REBUILD } from '../errors.ts';
import type { DatasetName, ManifestFile } from '../manifest.ts';
import type { FileProgress, Transport } from '../transport.ts';

const gunzipAsync = promisify(gunzip);

export function nodeTransport(dataDir: string): Transport {
  const fix = FIX_REBUILD;
  const read = async (name: DatasetName, file: string): Promise<Buffer> => {
    const full = path.join(dataDir, name, file);
    try {
      return await readFile(full);
    } catch (error) {
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      throw new DataError(
        {
          file: full,
          problem: missing
            ? { ko: '파일이 없습니다.', en: 'does not exist.' }
            : { ko: `파일을 읽을 수 없습니다(${String(error)}).`, en: `cannot be read (${String(error)}).` },
          fix,
        },
        { cause: error },
      );
    }
  };

  return {
    fix,
    async fetchManifest(name) {
      const text = (await read(name, 'manifest.json')).toString('utf8');
      try {
        return JSON.parse(text) as unknown;
      } catch (error) {
        throw new DataError(
          { file: path.join(dataDir, name, 'manifest.json'), problem: { ko: `JSON이 아닙니다(${String(error)}).`, en: `is not valid JSON (${String(error)}).` }, fix },
          { cause: error },
        );
      }
    },
    async fetchFile(name: DatasetName, entry: ManifestFile, onProgress?: (p: FileProgress) => void) {
      const gz = await read(name, entry.file);
      const full = path.join(dataDir, name, entry.file);
      if (gz.length < 2 || gz[0] !== 0x1f || gz[1] !== 0x8b) {
        throw new DataError({ file: full, problem: { ko: 'gzip 파일이 아닙니다.', en: 'is not a gzip file.' }, fix });
      }
      let raw: Buffer;
      try {
        raw = await gunzipAsync(gz);
      } catch (error) {
        throw new DataError(
          {
            file: full,
            problem: { ko: `gzip 압축을 풀 수 없습니다: 잘렸거나 손상되었습니다(${String(error)}).`, en: `cannot be gunzipped: it is truncated or corrupt (${String(error)}).` },
            fix,
          },
          { cause: error },
        );
      }
      onProgress?.({ file: entry.file, loadedBytes: raw.length, totalBytes: entry.bytes });
      return new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength);
    },
  };
}
