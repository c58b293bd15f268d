import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { kFold, stratifiedKFold } from '../../src/course/toolkit.ts';
import { fixture } from './fixtures.ts';

const data = fixture('folds.json');
const plain = (folds: { trainIndex: Int32Array; testIndex: Int32Array }[]) =>
  folds.map((f) => ({ train: Array.from(f.trainIndex), test: Array.from(f.testIndex) }));

describe('kFold matches scikit-learn KFold', () => {
  for (const c of data.kFold) {
    it(`n=${c.n} nSplits=${c.nSplits} shuffle=${c.shuffle} randomState=${c.randomState}`, () => {
      const opts = { nSplits: c.nSplits, shuffle: c.shuffle, ...(c.randomState === null ? {} : { randomState: c.randomState }) };
      expect(plain(kFold(c.n, opts))).toEqual(c.folds);
    });
  }
});

describe('stratifiedKFold matches scikit-learn StratifiedKFold', () => {
  for (const c of data.stratifiedKFold) {
    it(`y=${JSON.stringify(c.y).slice(0, 30)}… nSplits=${c.nSplits} shuffle=${c.shuffle} randomState=${c.randomState}`, () => {
      const opts = { nSplits: c.nSplits, shuffle: c.shuffle, ...(c.randomState === null ? {} : { randomState: c.randomState }) };
      expect(plain(stratifiedKFold(c.y, opts))).toEqual(c.folds);
      if (typeof c.y[0] === 'number') {
        const t = tf.tensor1d(c.y, 'int32');
        expect(plain(stratifiedKFold(t, opts))).toEqual(c.folds);
        t.dispose();
      }
    });
  }
  it('without randomState still partitions every sample exactly once', () => {
    const folds = kFold(23, { nSplits: 4, shuffle: true });
    const all = folds.flatMap((f) => Array.from(f.testIndex)).sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 23 }, (_, i) => i));
    for (const f of folds) expect(f.trainIndex.length + f.testIndex.length).toBe(23);
  });
});

describe('fold errors', () => {
  it('randomState without shuffle, too many splits, one-hot y', () => {
    expect(() => kFold(10, { randomState: 1 })).toThrow(/randomState has no effect since shuffle is false/);
    expect(() => kFold(3, { nSplits: 5 })).toThrow(/nSplits=5 greater than the number of samples: nSamples=3/);
    expect(() => kFold(10, { nSplits: 1 })).toThrow(/nSplits=2 or more/);
    expect(() => stratifiedKFold([[0, 1], [1, 0]] as never)).toThrow(/one-hot rows or probabilities; use .argMax\(-1\)/);
    expect(() => stratifiedKFold([0, 0, 1, 1], { nSplits: 3 })).toThrow(/nSplits=3 cannot be greater than the number of members in each class/);
  });
});
