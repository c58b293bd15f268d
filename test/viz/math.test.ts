import { describe, expect, it } from 'vitest';
import { argmax, crossEntropy, probabilityFromLoss, sigmoid, softmax, sum } from '../../src/viz/math.ts';

describe('sigmoid', () => {
  it('matches 1 / (1 + e^−x) and stays finite at the extremes', () => {
    expect(sigmoid(0)).toBe(0.5);
    expect(sigmoid(3.1)).toBeCloseTo(0.95689, 5);
    expect(sigmoid(-2)).toBeCloseTo(0.11920, 5);
    expect(sigmoid(1000)).toBe(1);
    expect(sigmoid(-1000)).toBe(0);
    expect(Number.isNaN(sigmoid(-1000))).toBe(false);
  });
});

describe('softmax', () => {
  it('gives the chapter burger example: close scores, close probabilities', () => {
    const p = softmax([3.1, 3.0, 2.9]);
    expect(p[0]).toBeCloseTo(0.3672, 4);
    expect(p[1]).toBeCloseTo(0.3322, 4);
    expect(p[2]).toBeCloseTo(0.3006, 4);
    expect(sum(p)).toBeCloseTo(1, 12);
    const q = softmax([2.0, 1.0, 0.7]);
    expect(q[0]).toBeCloseTo(0.6096, 4);
    expect(sum(q)).toBeCloseTo(1, 12);
    // Sigmoids of the same scores do not sum to 1.
    expect(sum([3.1, 3.0, 2.9].map(sigmoid))).toBeCloseTo(2.8573, 3);
  });
  it('is stable for large scores and invariant to a shift', () => {
    const p = softmax([1000, 999, 998]);
    expect(p.every(Number.isFinite)).toBe(true);
    const q = softmax([2, 1, 0]);
    p.forEach((v, i) => expect(v).toBeCloseTo(q[i], 12));
  });
  it('rejects non-finite scores with a message', () => {
    expect(() => softmax([1, NaN])).toThrow(/finite/);
    expect(softmax([])).toEqual([]);
  });
});

describe('crossEntropy', () => {
  it('is −log p of the true class, for an index or a one-hot vector', () => {
    const p = [0.7, 0.2, 0.1];
    expect(crossEntropy(p, 0)).toBeCloseTo(-Math.log(0.7), 12);
    expect(crossEntropy(p, [0, 1, 0])).toBeCloseTo(-Math.log(0.2), 12);
    expect(probabilityFromLoss(crossEntropy(p, 2))).toBeCloseTo(0.1, 12);
  });
  it('clips p = 0 to a large finite loss like Keras', () => {
    expect(crossEntropy([1, 0], 1)).toBeCloseTo(-Math.log(1e-7), 6);
  });
  it('names bad targets', () => {
    expect(() => crossEntropy([0.5, 0.5], 2)).toThrow(/outside 0..1/);
    expect(() => crossEntropy([0.5, 0.5], [1])).toThrow(/2 probabilities but 1 target/);
  });
  it('argmax picks the first of ties', () => {
    expect(argmax([0.1, 0.5, 0.5])).toBe(1);
    expect(argmax([])).toBe(-1);
  });
});
