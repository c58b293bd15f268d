// Datasets loaded once per page and handed to workers. The page (trusted,
// never runs learner code) loads a dataset through the browser transport
// (download or Cache Storage, gunzip with DecompressionStream, sha256, every
// manifest check of loadDataset) once, keeps the checked bytes, and gives
// each new sandbox worker a copy of its own (`handOff`: copied, then
// transferred), so a worker a learner's code touched never shares memory
// with the page or with the next worker.

import { loadDataset } from './load-dataset.ts';
import type { DatasetName } from './manifest.ts';
import type { Transport } from './transport.ts';
import type { HandedDataset } from './transports/handed.ts';

export interface HeldDatasets {
  /** The dataset's checked bytes, loaded on first use (a failed load is forgotten, so a later call retries). */
  get(name: DatasetName): Promise<HandedDataset>;
  /** How many times a dataset was loaded through the transport (work, for tests and the bench). */
  readonly loads: number;
}

/** Holds datasets loaded through `transport` (the browser transport of the page's data base). */
export function holdDatasets(transport: Transport): HeldDatasets {
  const held = new Map<DatasetName, Promise<HandedDataset>>();
  let loads = 0;
  const load = async (name: DatasetName): Promise<HandedDataset> => {
    loads += 1;
    const files: Record<string, Uint8Array> = {};
    let manifest: unknown;
    // Records what loadDataset reads, so the page keeps whole files (IDX header included).
    const recording: Transport = {
      fix: transport.fix,
      checksSha256: transport.checksSha256,
      fetchManifest: async (n) => (manifest = await transport.fetchManifest(n)),
      fetchFile: async (n, entry, onProgress) => (files[entry.file] = await transport.fetchFile(n, entry, onProgress)),
    };
    await loadDataset(name, recording);
    return { name, manifest, files };
  };
  return {
    get(name) {
      let pending = held.get(name);
      if (!pending) {
        pending = load(name);
        held.set(name, pending);
        pending.catch(() => held.delete(name));
      }
      return pending;
    },
    get loads() {
      return loads;
    },
  };
}

/** A copy of `dataset` for another realm, and the buffers to transfer with it (the page's own bytes stay put). */
export function handOff(dataset: HandedDataset): { dataset: HandedDataset; transfer: ArrayBuffer[] } {
  const files: Record<string, Uint8Array> = {};
  const transfer: ArrayBuffer[] = [];
  for (const [file, bytes] of Object.entries(dataset.files)) {
    const copy = bytes.slice();
    files[file] = copy;
    transfer.push(copy.buffer);
  }
  return { dataset: { name: dataset.name, manifest: dataset.manifest, files }, transfer };
}
