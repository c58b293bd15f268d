import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readManifest } from '../../src/components/dataset-facts/read-manifest.ts';

const root = join(import.meta.dirname, '..', '..');

describe('readManifest', () => {
  it('reads the real manifests written by npm run data', () => {
    const mnist = readManifest('mnist', root);
    expect(mnist.files.trainImages.count).toBe(60000);
    expect(mnist.files.testLabels.shape).toEqual([10000]);
    const fashion = readManifest('fashion-mnist', root);
    expect(fashion.classNames.en[9]).toBe('Ankle boot');
    expect(fashion.classNames.ko).toHaveLength(10);
  });

  it('says which manifest is missing and how to make it', () => {
    const empty = mkdtempSync(join(tmpdir(), 'no-data-'));
    expect(() => readManifest('mnist', empty)).toThrow('public/data/mnist/manifest.json is missing: run npm run data');
  });

  it('names the broken field of a damaged manifest', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bad-data-'));
    mkdirSync(join(dir, 'public', 'data', 'fashion-mnist'), { recursive: true });
    const target = join(dir, 'public', 'data', 'fashion-mnist', 'manifest.json');
    const manifest = JSON.parse(readFileSync(join(root, 'public', 'data', 'fashion-mnist', 'manifest.json'), 'utf8'));
    delete manifest.files.testImages;
    writeFileSync(target, JSON.stringify(manifest));
    expect(() => readManifest('fashion-mnist', dir)).toThrow(/^public\/data\/fashion-mnist\/manifest.json: the manifest field `files.testImages` is invalid.*npm run data/);
    writeFileSync(target, '{ not json');
    expect(() => readManifest('fashion-mnist', dir)).toThrow(/is not valid JSON .*run npm run data/);
    cpSync(join(root, 'public', 'data', 'mnist', 'manifest.json'), target);
    expect(() => readManifest('fashion-mnist', dir)).toThrow('the manifest field `name` is invalid (expected "fashion-mnist")');
  });
});
