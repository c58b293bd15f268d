// Where dataset files come from: the only environment-specific part of the
// data layer (transports/node.ts reads the disk, transports/browser.ts fetches).

import type { Localized } from './errors.ts';
import type { DatasetName, ManifestFile } from './manifest.ts';

/** Progress of one file, in uncompressed bytes. */
export interface FileProgress {
  file: string;
  loadedBytes: number;
  totalBytes: number;
}

export interface Transport {
  /** The parsed (not yet validated) `<name>/manifest.json`. */
  fetchManifest(name: DatasetName): Promise<unknown>;
  /** The gunzipped bytes of one file the manifest lists. */
  fetchFile(name: DatasetName, file: ManifestFile, onProgress?: (progress: FileProgress) => void): Promise<Uint8Array>;
  /** What the learner should do when a file is missing or damaged here. */
  fix: Localized;
  /**
   * True when fetchFile itself checks the bytes against `file.sha256` (or
   * returns a copy it kept only after that check), so loadDataset does not
   * hash them again.
   */
  checksSha256?: boolean;
}
