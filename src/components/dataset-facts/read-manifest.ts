import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locale } from '../../i18n/index.ts';

// The part of public/data/<dataset>/manifest.json (ARCHITECTURE.md, "Data")
// that the data page shows. Read at build time only.

export type DatasetName = 'mnist' | 'fashion-mnist';
export type FileRole = 'trainImages' | 'trainLabels' | 'testImages' | 'testLabels';
export const fileRoles: readonly FileRole[] = ['trainImages', 'trainLabels', 'testImages', 'testLabels'];

type Localized = Record<Locale, string>;

export type ManifestFile = {
  file: string;
  count: number;
  shape: number[];
  sha256: string;
  bytes: number;
  gzipBytes: number;
};

export type DatasetManifest = {
  name: DatasetName;
  title: Localized;
  source: { package: string; version: string; homepage: string; upstream?: { name: string; url: string } };
  licence: { name: string; url: string; note: Localized };
  classNames: { ko: string[]; en: string[] };
  split: Localized & {
    seed: number | null;
    duplicates: { method: string; groups: number; crossSplitGroups: number } | null;
    classCounts?: { train: number[]; test: number[] };
  };
  files: Record<FileRole, ManifestFile>;
};

/**
 * Reads and checks a dataset's manifest. `root` is the project root (Astro
 * builds from it, so the default is the working directory).
 */
export function readManifest(dataset: DatasetName, root = process.cwd()): DatasetManifest {
  const shown = `public/data/${dataset}/manifest.json`;
  let text: string;
  try {
    text = readFileSync(join(root, 'public', 'data', dataset, 'manifest.json'), 'utf8');
  } catch {
    throw new Error(`${shown} is missing: run npm run data`);
  }
  let manifest: DatasetManifest;
  try {
    manifest = JSON.parse(text) as DatasetManifest;
  } catch (error) {
    throw new Error(`${shown} is not valid JSON (${(error as Error).message}): run npm run data to rewrite it`);
  }
  const problem = findProblem(manifest, dataset);
  if (problem) throw new Error(`${shown}: ${problem}; run npm run data to rebuild it`);
  return manifest;
}

function findProblem(m: DatasetManifest, dataset: DatasetName): string | undefined {
  if (m.name !== dataset) return `"name" is ${JSON.stringify(m.name)}, expected "${dataset}"`;
  if (typeof m.title?.ko !== 'string' || typeof m.title?.en !== 'string') return '"title" needs ko and en';
  if (typeof m.source?.package !== 'string' || typeof m.source?.version !== 'string') return '"source" needs package and version';
  if (typeof m.licence?.name !== 'string' || typeof m.licence?.note?.ko !== 'string') return '"licence" needs name, url and note';
  for (const locale of ['ko', 'en'] as const) {
    if (!Array.isArray(m.classNames?.[locale]) || m.classNames[locale].length === 0) return `"classNames.${locale}" is missing`;
  }
  if (m.classNames.ko.length !== m.classNames.en.length) return `"classNames" has ${m.classNames.ko.length} Korean and ${m.classNames.en.length} English names`;
  if (typeof m.split?.ko !== 'string' || typeof m.split?.en !== 'string') return '"split" needs ko and en text';
  for (const role of fileRoles) {
    const f = m.files?.[role];
    if (!f || typeof f.file !== 'string' || !Number.isInteger(f.count) || !Array.isArray(f.shape) || typeof f.sha256 !== 'string') {
      return `"files.${role}" needs file, count, shape and sha256`;
    }
  }
  return undefined;
}
