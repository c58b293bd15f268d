// Loads one dataset through a transport and checks every file against its
// manifest (size, IDX magic and dims, shape, sha256, label range), so code
// downstream can trust the arrays it gets.

import { DataError } from './errors.ts';
import { parseIdx, type IdxArray } from './idx.ts';
import { FILE_KEYS, validateManifest, type DatasetName, type FileKey, type Manifest } from './manifest.ts';
import { checkSha256 } from './check-sha256.ts';
import type { Transport } from './transport.ts';

export interface RawDataset {
  name: DatasetName;
  manifest: Manifest;
  /** [count, 28, 28] grey levels 0–255. */
  xTrain: IdxArray;
  /** [count] class indices. */
  yTrain: IdxArray;
  xTest: IdxArray;
  yTest: IdxArray;
}

/** Progress over the whole dataset, in uncompressed bytes; `file` is the file that moved. */
export interface DataProgress {
  dataset: DatasetName;
  file: string;
  loadedBytes: number;
  totalBytes: number;
}

export interface LoadOptions {
  /** Called as bytes arrive, at most about once per percent, and once at the end. */
  onProgress?: (progress: DataProgress) => void;
}

export async function loadDataset(name: DatasetName, transport: Transport, options: LoadOptions = {}): Promise<RawDataset> {
  const manifestFile = `${name}/manifest.json`;
  const manifest = validateManifest(await transport.fetchManifest(name), name, manifestFile, transport.fix);

  const totalBytes = FILE_KEYS.reduce((sum, k) => sum + manifest.files[k].bytes, 0);
  const loaded: Record<string, number> = {};
  let lastPercent = -1;
  let lastLoaded = -1;
  const report = (file: string, fileLoaded: number) => {
    loaded[file] = fileLoaded;
    const loadedBytes = Object.values(loaded).reduce((a, b) => a + b, 0);
    const percent = Math.floor((100 * loadedBytes) / totalBytes);
    const finished = loadedBytes === totalBytes && lastLoaded !== totalBytes;
    if (percent === lastPercent && !finished) return;
    lastPercent = percent;
    lastLoaded = loadedBytes;
    options.onProgress?.({ dataset: name, file, loadedBytes, totalBytes });
  };

  const load = async (key: FileKey): Promise<IdxArray> => {
    const entry = manifest.files[key];
    const label = `${name}/${entry.file}`;
    const fail = (ko: string, en: string): never => {
      throw new DataError({ file: label, problem: { ko, en }, fix: transport.fix });
    };
    const bytes = await transport.fetchFile(name, entry, (p) => report(entry.file, p.loadedBytes));
    if (bytes.length !== entry.bytes) {
      fail(
        `압축을 푼 크기가 ${bytes.length}바이트인데 매니페스트에는 ${entry.bytes}바이트로 적혀 있습니다${bytes.length < entry.bytes ? '(잘린 파일)' : ''}.`,
        `gunzips to ${bytes.length} bytes, the manifest says ${entry.bytes}${bytes.length < entry.bytes ? ' (truncated)' : ''}.`,
      );
    }
    const idx = parseIdx(bytes, label, transport.fix);
    if (idx.shape.join() !== entry.shape.join()) {
      fail(`모양이 [${idx.shape}]인데 매니페스트에는 [${entry.shape}]입니다.`, `has shape [${idx.shape}], the manifest says [${entry.shape}].`);
    }
    // A transport that checks while downloading (and keeps only checked
    // copies) spares the second hash: 50 ms for the train images in Chromium.
    if (!transport.checksSha256) await checkSha256(bytes, entry, label, transport.fix);
    if (key.endsWith('Labels')) {
      const classes = manifest.classNames.en.length;
      const i = idx.data.findIndex((y) => y >= classes);
      if (i >= 0) fail(`${i}번 레이블이 ${idx.data[i]}입니다(0–${classes - 1}이어야 합니다).`, `label ${i} is ${idx.data[i]}, expected 0–${classes - 1}.`);
    }
    report(entry.file, entry.bytes);
    return idx;
  };

  // In parallel: over a network the four downloads overlap.
  const [xTrain, yTrain, xTest, yTest] = await Promise.all(FILE_KEYS.map(load));
  return { name, manifest, xTrain, yTrain, xTest, yTest };
}
