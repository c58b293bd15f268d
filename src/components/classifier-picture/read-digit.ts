import { join } from 'node:path';
import type { DatasetName } from '../../data/manifest.ts';
import { parseIdx } from '../../data/idx.ts';
import { nodeTransport } from '../../data/transports/node.ts';
import { readManifest } from '../dataset-facts/read-manifest.ts';

// One real test image and its label, read at build time from the gzipped IDX
// files the site serves (public/data/<dataset>/), through the data layer's own
// transport and parser, so the home page shows the course's actual data.

export interface Digit {
  /** Row-major grey levels 0–255. */
  pixels: Uint8Array;
  width: number;
  height: number;
  label: number;
}

/** Test image `index` of `dataset`. `root` is the project root (Astro builds from it). */
export async function readTestDigit(dataset: DatasetName, index: number, root = process.cwd()): Promise<Digit> {
  const manifest = readManifest(dataset, root);
  const transport = nodeTransport(join(root, 'public', 'data'));
  const images = parseIdx(await transport.fetchFile(dataset, manifest.files.testImages), manifest.files.testImages.file);
  const labels = parseIdx(await transport.fetchFile(dataset, manifest.files.testLabels), manifest.files.testLabels.file);
  const [count, height, width] = images.shape as [number, number, number];
  if (!Number.isInteger(index) || index < 0 || index >= count) {
    throw new RangeError(`readTestDigit: ${dataset} has test images 0–${count - 1}, not ${index}`);
  }
  const size = width * height;
  return { pixels: images.data.slice(index * size, (index + 1) * size), width, height, label: labels.data[index]! };
}
