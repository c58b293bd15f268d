// A transport over dataset files that another realm has already downloaded,
// gunzipped and checked: the page loads each dataset once (held.ts) and hands
// every fresh sandbox worker its own copy before any learner code runs, so a
// run neither downloads, reads Cache Storage, gunzips nor hashes again.
// Datasets that were not handed over come from the fallback (the browser
// transport), as before.

import type { DatasetName, ManifestFile } from '../manifest.ts';
import type { FileProgress, Transport } from '../transport.ts';

/** One dataset as the page holds it: its manifest (as fetched) and each file's gunzipped, checked bytes by file name. */
export interface HandedDataset {
  name: DatasetName;
  manifest: unknown;
  files: Record<string, Uint8Array>;
}

/**
 * Serves handed datasets without any work; the rest through `fallback`.
 * The handed bytes were checked against their sha256 by the realm that
 * loaded them, so this transport claims `checksSha256` only when the
 * fallback does too (otherwise loadDataset would skip a hash it needs).
 */
export function handedTransport(handed: ReadonlyMap<DatasetName, HandedDataset>, fallback: Transport): Transport {
  return {
    fix: fallback.fix,
    checksSha256: fallback.checksSha256 === true,
    async fetchManifest(name) {
      const held = handed.get(name);
      return held ? held.manifest : fallback.fetchManifest(name);
    },
    async fetchFile(name: DatasetName, entry: ManifestFile, onProgress?: (p: FileProgress) => void) {
      const bytes = handed.get(name)?.files[entry.file];
      if (!bytes || bytes.length !== entry.bytes) return fallback.fetchFile(name, entry, onProgress);
      onProgress?.({ file: entry.file, loadedBytes: entry.bytes, totalBytes: entry.bytes });
      return bytes;
    },
  };
}
