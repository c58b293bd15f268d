import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateManifest, type DatasetName, type Manifest } from '../../data/manifest.ts';

// The data page reads public/data/<dataset>/manifest.json at build time and
// checks it with the data layer's own validator, so the page and the loader
// agree on what a good manifest is.

/**
 * Reads and checks a dataset's manifest. `root` is the project root (Astro
 * builds from it, so the default is the working directory).
 */
export function readManifest(dataset: DatasetName, root = process.cwd()): Manifest {
  const shown = `public/data/${dataset}/manifest.json`;
  let text: string;
  try {
    text = readFileSync(join(root, 'public', 'data', dataset, 'manifest.json'), 'utf8');
  } catch {
    throw new Error(`${shown} is missing: run npm run data`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`${shown} is not valid JSON (${(error as Error).message}): run npm run data to rewrite it`);
  }
  return validateManifest(parsed, dataset, shown);
}
