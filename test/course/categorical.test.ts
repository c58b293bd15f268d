import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { toCategorical } from '../../src/course/toolkit.ts';
import { fixture } from './fixtures.ts';

const { cases } = fixture('to-categorical.json');

describe('toCategorical matches keras.utils.to_categorical', () => {
  for (const c of cases) {
    it(`${JSON.stringify(c.y)}, numClasses=${c.numClasses}`, () => {
      expect(toCategorical(c.y, c.numClasses ?? undefined)).toEqual(c.result);
      const t = tf.tensor(c.y, undefined, 'int32');
      const out = toCategorical(t, c.numClasses ?? undefined);
      expect(out.shape).toEqual(c.shape);
      expect(out.dtype).toBe('float32'); // Keras's default dtype
      expect(out.arraySync()).toEqual(c.result);
      tf.dispose([t, out]);
    });
  }
  it('accepts typed arrays and float32 tensors of whole numbers, without leaking', () => {
    expect(toCategorical(new Uint8Array([1, 0]))).toEqual([[0, 1], [1, 0]]);
    const t = tf.tensor1d([2, 0], 'float32');
    const before = tf.memory().numTensors;
    const out = toCategorical(t, 3);
    expect(tf.memory().numTensors).toBe(before + 1);
    expect(out.arraySync()).toEqual([[0, 0, 1], [1, 0, 0]]);
    tf.dispose([t, out]);
  });
});

describe('toCategorical errors name the index and the value', () => {
  it('negative label', () => {
    expect(() => toCategorical([0, 3, -1])).toThrow(/y\[2\] is -1; class labels must be integers/);
  });
  it('non-integer label', () => {
    expect(() => toCategorical(tf.tensor1d([0, 0.7]))).toThrow(/y\[1\] is 0.7.*argMax/);
  });
  it('label out of range for numClasses', () => {
    expect(() => toCategorical([1, 10, 2], 10)).toThrow(/y\[1\] is 10, but numClasses is 10 \(labels must be 0 … 9\)/);
  });
  it('already one-hot (called twice)', () => {
    const once = toCategorical([0, 2, 1]);
    expect(() => toCategorical(once)).toThrow(/shape \[3, 3\] and already looks one-hot encoded/);
  });
  it('bad numClasses', () => {
    expect(() => toCategorical([0, 1], 0)).toThrow(/numClasses must be a positive integer/);
  });
});
