import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { DataError } from '../../src/data/errors.ts';
import { validateManifest } from '../../src/data/manifest.ts';
import { DATA_DIR } from './helpers.ts';

const real = () => JSON.parse(readFileSync(path.join(DATA_DIR, 'mnist', 'manifest.json'), 'utf8'));

const problem = (value: unknown): string => {
  try {
    validateManifest(value, 'mnist', 'mnist/manifest.json');
  } catch (error) {
    expect(error).toBeInstanceOf(DataError);
    return (error as DataError).message;
  }
  throw new Error('expected the manifest to be rejected');
};

describe('validateManifest', () => {
  test('accepts the built manifests', () => {
    expect(validateManifest(real(), 'mnist', 'm').files.trainImages.count).toBe(60000);
    const fashion = JSON.parse(readFileSync(path.join(DATA_DIR, 'fashion-mnist', 'manifest.json'), 'utf8'));
    expect(validateManifest(fashion, 'fashion-mnist', 'f').classNames.ko[0]).toBe('티셔츠/탑');
  });

  test('names the bad field', () => {
    expect(problem(null)).toContain('`(root)`');
    expect(problem({ ...real(), name: 'fashion-mnist' })).toContain('`name` is invalid (expected "mnist")');
    const m = real();
    m.files.trainImages.sha256 = 'abc';
    expect(problem(m)).toContain('`files.trainImages.sha256`');
    const n = real();
    n.files.testLabels.shape = [9999];
    expect(problem(n)).toContain('`files.testLabels.shape`');
    const o = real();
    o.classNames.ko.pop();
    expect(problem(o)).toMatch(/^mnist\/manifest.json: the manifest field `classNames`/);
    const p = real();
    delete p.licence.note;
    expect(problem(p)).toContain('licence.note');
  });
});
