// The data layer's isomorphic API. The Node transport lives in
// ./transports/node.ts and is imported from there (it needs node:fs).

export { DataError, FIX_REBUILD, type DataErrorInit, type Localized } from './errors.ts';
export { parseIdx, type IdxArray } from './idx.ts';
export { sha256Hex } from './sha256.ts';
export { toFloat32, type ToFloatOptions } from './to-float.ts';
export {
  DATASET_NAMES,
  FILE_KEYS,
  validateManifest,
  type DatasetName,
  type Duplicates,
  type FileKey,
  type Manifest,
  type ManifestFile,
} from './manifest.ts';
export type { FileProgress, Transport } from './transport.ts';
export { loadDataset, type DataProgress, type LoadOptions, type RawDataset } from './load-dataset.ts';
export { browserTransport, type BrowserTransportOptions } from './transports/browser.ts';
