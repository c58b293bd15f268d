import { createHash } from 'node:crypto';
import { expect, test } from 'vitest';
import { sha256Hex, sha256Js } from '../../src/data/sha256.ts';

const nodeHash = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

test('WebCrypto digest matches node:crypto, also on a view into a larger buffer', async () => {
  const big = new Uint8Array(100_000).map((_, i) => (i * 7919) % 251);
  expect(await sha256Hex(big)).toBe(nodeHash(big));
  const view = big.subarray(13, 50_013);
  expect(await sha256Hex(view)).toBe(nodeHash(view));
});

test('the pure-JS fallback matches node:crypto at every padding boundary', () => {
  expect(hex(sha256Js(new Uint8Array(0)))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  for (const n of [1, 3, 55, 56, 57, 63, 64, 65, 119, 120, 128, 1000, 65_537]) {
    const bytes = new Uint8Array(n).map((_, i) => (i * 31 + n) % 256);
    expect(hex(sha256Js(bytes)), `length ${n}`).toBe(nodeHash(bytes));
  }
});
