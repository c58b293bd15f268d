// The manifest that scripts/build-data.mjs writes next to each dataset's
// files (schema: ARCHITECTURE.md, "Data"), and its validation: a manifest is
// read from disk or the network, so it is checked field by field before use.

import { DataError, FIX_REBUILD, type Localized } from './errors.ts';

import { DATASET_NAMES, type DatasetName } from '../contract/locale.ts';

export { DATASET_NAMES, type DatasetName };

export type FileKey = 'trainImages' | 'trainLabels' | 'testImages' | 'testLabels';
export const FILE_KEYS: readonly FileKey[] = ['trainImages', 'trainLabels', 'testImages', 'testLabels'];

export interface ManifestFile {
  /** File name inside the dataset folder, e.g. `train-images-idx3-ubyte.gz`. */
  file: string;
  /** Number of samples (first dimension). */
  count: number;
  /** IDX dimensions, e.g. [60000, 28, 28] or [60000]. */
  shape: number[];
  /** sha256 of the uncompressed IDX file, lowercase hex. */
  sha256: string;
  /** Size of the uncompressed IDX file (header included). */
  bytes: number;
  /** Size of the gzipped file as served. */
  gzipBytes: number;
}

export interface DuplicateMember {
  label: number;
  sourceFile: string;
  sourceIndex: number;
  /** Position in its split. */
  index: number;
}

/** Exact-duplicate findings (pixel sha256). Fashion-MNIST lists every group. */
export interface Duplicates {
  method: string;
  groups: number;
  crossSplitGroups: number;
  prng?: string;
  removed?: { class: number; index: number; reason: string }[];
  images?: number;
  crossClassGroups?: number;
  groupsInTrain?: number;
  groupsInTest?: number;
  list?: { sha256: string; split: 'train' | 'test'; members: DuplicateMember[] }[];
}

export interface Manifest {
  schema: 1;
  name: DatasetName;
  title: Localized;
  source: { package: string; version: string; homepage: string; upstream?: { name: string; url: string } };
  licence: { name: string; url: string; note: Localized };
  classNames: { ko: string[]; en: string[] };
  split: Localized & {
    seed: number | null;
    duplicates: Duplicates | null;
    classCounts?: { train: number[]; test: number[] };
  };
  files: Record<FileKey, ManifestFile>;
  inputsFingerprint: string;
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

/** Checks a parsed manifest; throws a DataError naming the first bad field. */
export function validateManifest(value: unknown, name: DatasetName, fileName: string, fix = FIX_REBUILD): Manifest {
  const bad = (field: string, want: string): never => {
    throw new DataError({
      file: fileName,
      problem: {
        ko: `매니페스트의 \`${field}\` 항목이 잘못되었습니다(${want}이어야 합니다).`,
        en: `the manifest field \`${field}\` is invalid (expected ${want}).`,
      },
      fix,
    });
  };
  const str = (o: Json, key: string, path: string) => {
    if (typeof o[key] !== 'string' || o[key] === '') bad(path, 'a non-empty string');
  };
  const localized = (o: Json, key: string) => {
    if (!isObject(o[key])) bad(key, 'an object with ko and en');
    str(o[key] as Json, 'ko', `${key}.ko`);
    str(o[key] as Json, 'en', `${key}.en`);
  };

  if (!isObject(value)) bad('(root)', 'a JSON object');
  const m = value as Json;
  if (m.schema !== 1) bad('schema', '1');
  if (m.name !== name) bad('name', `"${name}"`);
  localized(m, 'title');
  if (!isObject(m.source)) bad('source', 'an object');
  for (const k of ['package', 'version', 'homepage']) str(m.source as Json, k, `source.${k}`);
  if (!isObject(m.licence)) bad('licence', 'an object');
  const licence = m.licence as Json;
  str(licence, 'name', 'licence.name');
  str(licence, 'url', 'licence.url');
  if (!isObject(licence.note)) bad('licence.note', 'an object with ko and en');
  str(licence.note as Json, 'ko', 'licence.note.ko');
  str(licence.note as Json, 'en', 'licence.note.en');

  if (!isObject(m.classNames)) bad('classNames', 'an object with ko and en');
  const classNames = m.classNames as Json;
  for (const lang of ['ko', 'en']) {
    const list = classNames[lang];
    if (!Array.isArray(list) || list.length === 0 || !list.every((s) => typeof s === 'string')) {
      bad(`classNames.${lang}`, 'a list of strings');
    }
  }
  if ((classNames.ko as string[]).length !== (classNames.en as string[]).length) {
    bad('classNames', 'as many Korean as English names');
  }

  localized(m, 'split');
  const split = m.split as Json;
  if (split.seed !== null && !Number.isInteger(split.seed)) bad('split.seed', 'an integer or null');
  if (split.duplicates !== null && !isObject(split.duplicates)) bad('split.duplicates', 'an object or null');

  if (!isObject(m.files)) bad('files', 'an object');
  const files = m.files as Json;
  for (const key of FILE_KEYS) {
    const f = files[key];
    if (!isObject(f)) bad(`files.${key}`, 'an object');
    const entry = f as Json;
    const at = `files.${key}`;
    if (typeof entry.file !== 'string' || !/^[\w.-]+\.gz$/.test(entry.file)) bad(`${at}.file`, 'a file name ending in .gz');
    if (!isCount(entry.count) || entry.count === 0) bad(`${at}.count`, 'a positive integer');
    const shape = entry.shape;
    const rank = key.endsWith('Images') ? 3 : 1;
    if (!Array.isArray(shape) || shape.length !== rank || !shape.every(isCount) || shape[0] !== entry.count) {
      bad(`${at}.shape`, `${rank} non-negative integers starting with count`);
    }
    if (typeof entry.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(entry.sha256)) bad(`${at}.sha256`, '64 lowercase hex digits');
    const values = (shape as number[]).reduce((a, b) => a * b, 1);
    if (entry.bytes !== 4 + 4 * rank + values) bad(`${at}.bytes`, `${4 + 4 * rank + values} (header + values)`);
    if (!isCount(entry.gzipBytes)) bad(`${at}.gzipBytes`, 'a non-negative integer');
  }
  const fileOf = (k: FileKey) => files[k] as unknown as ManifestFile;
  if (fileOf('trainImages').count !== fileOf('trainLabels').count) bad('files.trainLabels.count', 'the train image count');
  if (fileOf('testImages').count !== fileOf('testLabels').count) bad('files.testLabels.count', 'the test image count');
  str(m, 'inputsFingerprint', 'inputsFingerprint');
  return value as Manifest;
}
