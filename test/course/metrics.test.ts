import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { classificationReport, confusionMatrix } from '../../src/course/toolkit.ts';
import { formatFixed } from '../../src/course/report.ts';
import { expectClose, fixture } from './fixtures.ts';

const data = fixture('metrics.json');
const resolve = (v: unknown, key: 'yTrue' | 'yPred') => (v === 'book' ? data.book[key] : v);

describe('confusionMatrix matches scikit-learn', () => {
  for (const c of data.confusionMatrix) {
    it(`labels=${JSON.stringify(c.labels)} on ${resolve(c.yTrue, 'yTrue').length} samples`, () => {
      const t = resolve(c.yTrue, 'yTrue');
      const p = resolve(c.yPred, 'yPred');
      expect(confusionMatrix(t, p, c.labels ? { labels: c.labels } : {})).toEqual(c.result);
      if (typeof t[0] === 'number') {
        const tt = tf.tensor1d(t, 'int32');
        const pt = tf.tensor1d(p, 'float32');
        expect(confusionMatrix(tt, pt, c.labels ? { labels: c.labels } : {})).toEqual(c.result);
        tf.dispose([tt, pt]);
      }
    });
  }
});

describe('classificationReport matches scikit-learn character for character', () => {
  for (const r of data.reports) {
    it(r.name, () => {
      const warnings: string[] = [];
      const options = { ...r.options, onWarning: (m: string) => warnings.push(m) };
      const t = resolve(r.yTrue, 'yTrue');
      const p = resolve(r.yPred, 'yPred');
      expect(classificationReport(t, p, options)).toBe(r.text);
      // sklearn names the option zero_division; here it is zeroDivision.
      expect(warnings).toEqual(r.warnings.map((w: string) => w.replace('zero_division', 'zeroDivision')));
      const { digits: _d, ...dictOptions } = options;
      expectClose(classificationReport(t, p, { ...dictOptions, outputDict: true }), r.dict);
    });
  }
  it('book-like MNIST report from tensors (labels int32, argMax of probabilities)', () => {
    const r = data.reports.find((x: { name: string }) => x.name === 'book-mnist');
    const yTrue = tf.tensor1d(data.book.yTrue, 'int32');
    const probs = tf.oneHot(tf.tensor1d(data.book.yPred, 'int32'), 10).mul(0.9).add(0.01);
    const yPred = probs.argMax(-1);
    expect(classificationReport(yTrue, yPred)).toBe(r.text);
    tf.dispose([yTrue, probs, yPred]);
  });
  it('rounds exact ties to even like Python, not away from zero like toFixed', () => {
    expect([formatFixed(0.125, 2), formatFixed(0.875, 2), formatFixed(0.5, 0), formatFixed(2.5, 0), formatFixed(0.1, 3)]).toEqual(['0.12', '0.88', '0', '2', '0.100']);
    expect(formatFixed(0.6666666666666666, 4)).toBe('0.6667');
  });
  it("prints the warning by default with console.warn for zeroDivision 'warn'", () => {
    const seen: string[] = [];
    const orig = console.warn;
    console.warn = (m: string) => seen.push(m);
    try {
      classificationReport([0, 1, 1], [0, 0, 0]);
    } finally {
      console.warn = orig;
    }
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatch(/Precision and F-score are ill-defined.*\n.*정밀도/);
  });
});

describe('metric input errors', () => {
  it('one-hot or probability rows where labels are expected', () => {
    const probs = tf.zeros([10000, 10]);
    const y = tf.zeros([10000], 'int32');
    expect(() => confusionMatrix(y, probs)).toThrow(
      /yPred has shape \[10000, 10\]: these look like one-hot rows or probabilities; use .argMax\(-1\) first/,
    );
    expect(() => classificationReport(probs, y)).toThrow(/yTrue has shape \[10000, 10\]/);
    tf.dispose([probs, y]);
  });
  it('1-D probabilities', () => {
    expect(() => confusionMatrix([0, 1], [0.2, 0.9])).toThrow(/yPred\[0\] is 0.2, not a class label/);
  });
  it('different lengths and mixed label types', () => {
    expect(() => confusionMatrix([0, 1, 2], [0, 1])).toThrow(/different lengths: \[3, 2\]/);
    expect(() => confusionMatrix([0, 1], ['a', 'b'])).toThrow(/same type/);
  });
  it('labels none of which occur, and targetNames of the wrong length', () => {
    expect(() => confusionMatrix([0, 1], [0, 1], { labels: [5] })).toThrow(/at least one label specified must be in yTrue/);
    expect(() => classificationReport([0, 1, 2], [0, 1, 2], { targetNames: ['a', 'b'] })).toThrow(/number of classes, 3, does not match size of targetNames, 2/);
  });
});
