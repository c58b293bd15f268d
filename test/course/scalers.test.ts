import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { MinMaxScaler, RobustScaler, StandardScaler } from '../../src/course/toolkit.ts';
import { expectClose, fixture } from './fixtures.ts';

// Fixture data: 12 × 5 with a constant column (3) and outliers (500, −300).
const data = fixture('scalers.json');
const classes = { MinMaxScaler, StandardScaler, RobustScaler } as const;
const camel = (s: string) => s.replace(/_$/, '').replace(/_(\w)/g, (_, c: string) => c.toUpperCase());

describe('scalers match scikit-learn 1.2 (tolerance 1e-6)', () => {
  for (const c of data.cases) {
    it(`${c.scaler}(${JSON.stringify(c.options)}): attributes, fitTransform, transform, inverseTransform`, () => {
      const s = new classes[c.scaler as keyof typeof classes](c.options);
      expectClose(s.fitTransform(data.x), c.fitTransform);
      for (const [k, v] of Object.entries(c.attributes)) expectClose((s as unknown as Record<string, unknown>)[camel(k)], v, k);
      expectClose(s.transform(data.xNew), c.transformNew);
      expectClose(s.inverseTransform(data.xNew), c.inverseOfNew);
      expect(s.nFeaturesIn).toBe(5);
      expect(s.nSamplesSeen).toBe(12);
    });
  }
  it('RobustScaler on an odd number of tied pixel values (several quantile ranges)', () => {
    for (const c of data.robustOdd) {
      const s = new RobustScaler({ quantileRange: c.quantileRange }).fit(data.xOdd);
      expectClose(s.center, c.center, `center ${c.quantileRange}`);
      expectClose(s.scale, c.scale, `scale ${c.quantileRange}`);
    }
  });
  it('gives scale 1 to the constant feature, as scikit-learn does', () => {
    expect(new MinMaxScaler().fit(data.x).scale![3]).toBe(1);
    expect(new StandardScaler().fit(data.x).scale![3]).toBe(1);
    expect(new RobustScaler().fit(data.x).scale![3]).toBe(1);
  });
});

describe('scalers on tensors', () => {
  it('tensor in → float32 tensor out, same values as arrays (float32 precision), no leaks', () => {
    for (const [name, S] of Object.entries(classes)) {
      const x = tf.tensor2d(data.x as number[][]);
      const s = new S();
      const before = tf.memory().numTensors;
      const out = s.fitTransform(x);
      const back = s.inverseTransform(out);
      expect(tf.memory().numTensors, name).toBe(before + 2);
      expect(out.dtype).toBe('float32');
      const ref = new S().fitTransform(data.x as number[][]);
      const got = out.arraySync();
      ref.forEach((row, i) => row.forEach((v, j) => expect(Math.abs(got[i][j] - v), `${name} [${i}][${j}]`).toBeLessThan(1e-4 * Math.max(1, Math.abs(v)))));
      const orig = back.arraySync();
      (data.x as number[][]).forEach((row, i) => row.forEach((v, j) => expect(Math.abs(orig[i][j] - v)).toBeLessThan(1e-4 * Math.max(1, Math.abs(v)))));
      tf.dispose([x, out, back]);
    }
  });
  it('MinMaxScaler on MNIST-like pixels maps 0–255 to 0–1', () => {
    const x = tf.tensor2d([[0, 255, 10], [255, 0, 10], [51, 102, 10]]);
    const out = new MinMaxScaler().fitTransform(x);
    expectClose(out.arraySync(), [[0, 1, 0], [1, 0, 0], [0.2, 0.4, 0]].map((r) => r.map((v) => Math.fround(v))));
    tf.dispose([x, out]);
  });
});

describe('scaler errors', () => {
  it('transform before fit', () => {
    expect(() => new StandardScaler().transform([[1, 2]])).toThrow(/StandardScaler.transform: this StandardScaler is not fitted yet. Call fit\(xTrain\)/);
  });
  it('feature count mismatch', () => {
    const s = new MinMaxScaler().fit(tf.zeros([2, 784]) as tf.Tensor2D);
    const x = tf.zeros([5, 28]) as tf.Tensor2D;
    expect(() => s.transform(x)).toThrow(/fitted on 784 features, got 28/);
    x.dispose();
  });
  it('images that were not flattened', () => {
    const x = tf.zeros([4, 28, 28]);
    expect(() => new MinMaxScaler().fit(x)).toThrow(/must be 2-D \[samples, features\]; got shape \[4, 28, 28\]. Flatten each sample first: reshape\(\[4, 784\]\)/);
    x.dispose();
  });
  it('1-D input and ragged rows', () => {
    expect(() => new RobustScaler().fit([1, 2, 3] as never)).toThrow(/got 1-D shape \[3\].*reshape\(\[-1, 1\]\)/);
    expect(() => new RobustScaler().fit([[1, 2], [3]])).toThrow(/x\[1\] has an array of shape \[1\]; every row must hold 2 numbers/);
  });
  it('bad options', () => {
    expect(() => new MinMaxScaler({ featureRange: [1, 0] })).toThrow(/must be smaller than maximum/);
    expect(() => new RobustScaler({ quantileRange: [80, 20] })).toThrow(/invalid quantileRange/);
    expect(() => new StandardScaler({ with_mean: false } as never)).toThrow(/did you mean "withMean"/);
  });
});
