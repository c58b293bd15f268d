// The friendly explanations match the messages tfjs really throws: each case
// provokes the error with tfjs itself, then explains it.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { explainError, isOutOfMemory, OUT_OF_MEMORY } from '../../src/sandbox/explain-error.ts';

function thrownBy(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected a throw');
}

const dense784 = () =>
  tf.sequential({ layers: [tf.layers.dense({ units: 10, activation: 'softmax', inputShape: [784] })] });

describe('explainError on real tfjs failures', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it("explains the book's snake_case loss name", () => {
    const message = thrownBy(() => dense784().compile({ optimizer: 'adam', loss: 'categorical_crossentropy' }));
    expect(explainError(message)?.en).toContain("'categoricalCrossentropy'");
    expect(explainError(message)?.ko).toContain("'categoricalCrossentropy'");
  });

  it('explains images fed to a flat input', async () => {
    const model = dense784();
    model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy' });
    const message = await model.fit(tf.zeros([4, 28, 28]), tf.zeros([4, 10])).then(
      () => 'no error',
      (e: Error) => e.message,
    );
    expect(explainError(message)?.en).toContain('reshape([-1, 784])');
  });

  it('explains integer labels given to categorical cross-entropy', async () => {
    const model = dense784();
    model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy' });
    const message = await model.fit(tf.zeros([4, 784]), tf.zeros([4])).then(
      () => 'no error',
      (e: Error) => e.message,
    );
    expect(explainError(message)?.en).toContain('toCategorical(y, 10)');
  });

  it('explains a reshape to the wrong size', () => {
    const message = thrownBy(() => tf.zeros([2, 28, 28]).reshape([2, 780]));
    expect(explainError(message)?.en).toContain('-1');
  });

  it('explains the browser sandbox walls (Cache Storage, workers, other databases, other sites)', () => {
    expect(explainError('caches is not defined')?.en).toContain('Cache Storage');
    expect(explainError('Worker is not defined')?.ko).toContain('Worker');
    expect(explainError('indexedDB: exercise code may open only the "tensorflowjs" database, where saveModel keeps models, not "x". / …')?.en).toContain('saveModel');
    expect(explainError('Failed to fetch')?.en).toContain("course's own site");
    expect(explainError('Failed to fetch dynamically imported module: http://127.0.0.1:1/x.js')?.en).toContain('blocked');
  });

  it('says nothing about an unrelated message', () => {
    expect(explainError('something else entirely')).toBeUndefined();
  });
});

describe('out of memory, as the engine says it', () => {
  it('names allocation failures as out of memory, and nothing else', () => {
    const buffer = thrownBy(() => new ArrayBuffer(2 ** 52));
    const array = thrownBy(() => new Array(2 ** 32));
    const wasm = thrownBy(() => new WebAssembly.Memory({ initial: 1, maximum: 1 }).grow(1));
    for (const message of [buffer, array, wasm]) {
      expect(isOutOfMemory(message), message).toBe(true);
      expect(explainError(message)).toBe(OUT_OF_MEMORY);
    }
    expect(isOutOfMemory(thrownBy(() => tf.tensor([1, 2, 3]).reshape([2, 2])))).toBe(false);
  });
});

