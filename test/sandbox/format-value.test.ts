// What console.log prints for tensors inside arrays and objects: their values,
// as Keras prints `model.evaluate`'s `[0.13, 0.97]`, never a tensor header.
// A unit test on tfjs's CPU backend; the sandbox's console goes through the
// same formatArgs (console-capture.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { formatArgs, formatTable } from '../../src/sandbox/format-value.ts';

const print = (...args: unknown[]) => formatArgs(tf, args);

describe('console formatting of tensors inside arrays and objects', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it("prints model.evaluate's array of scalars as their values", () => {
    const scores = [tf.scalar(0.1309), tf.scalar(0.9712)];
    expect(print(scores)).toBe('[0.1309, 0.9712]');
    expect(print('test loss, acc:', scores)).toBe('test loss, acc: [0.1309, 0.9712]');
    tf.dispose(scores);
  });

  it('prints the values of a real evaluate, without reading them into the learner code', () => {
    const model = tf.sequential({ layers: [tf.layers.dense({ units: 2, activation: 'softmax', inputShape: [3], kernelInitializer: 'ones' })] });
    model.compile({ optimizer: 'sgd', loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
    const x = tf.tensor2d([[1, 0, 0], [0, 1, 0]]);
    const y = tf.tensor2d([[1, 0], [0, 1]]);
    const scores = model.evaluate(x, y) as tf.Scalar[];
    const text = print(scores);
    expect(text).toBe(`[${scores.map((s) => String(Number(s.dataSync()[0].toPrecision(4)))).join(', ')}]`);
    expect(text).not.toContain('Tensor');
    tf.dispose([x, y, ...scores]);
    model.dispose();
  });

  it('prints nested tensors of any rank on one line, abbreviated like the top-level view', () => {
    const small = tf.tensor2d([[1, 2], [3, 4]]);
    const big = tf.range(0, 48).reshape([6, 8]);
    expect(print({ loss: tf.scalar(2.5), w: small })).toBe('{ loss: 2.5, w: [[1, 2], [3, 4]] }');
    expect(print([big])).toBe('[[[0, 1, 2, …, 7], [8, 9, 10, …, 15], …, [40, 41, 42, …, 47]]]');
    expect(print([tf.tensor1d([1, 2, 3], 'int32')])).toBe('[[1, 2, 3]]');
    tf.dispose([small, big]);
  });

  it('keeps the header and the multi-line view for a tensor logged on its own, and says when a nested one was disposed', () => {
    const t = tf.scalar(0.5);
    expect(print(t)).toBe('Tensor shape=[] dtype=float32\n0.5');
    t.dispose();
    expect(print([t])).toBe('[Tensor shape=[] dtype=float32 (disposed)]');
  });

  it('console.table shows a tensor cell by its values', () => {
    const acc = tf.scalar(0.97);
    expect(formatTable(tf, { acc })).toContain('0.97');
    acc.dispose();
  });
});
