// Loads the scikit-learn reference results written by scripts/sklearn-fixtures.py.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

const dir = fileURLToPath(new URL('../fixtures/sklearn/', import.meta.url));

export function fixture<T = any>(name: string): T {
  return JSON.parse(readFileSync(dir + name, 'utf8')) as T;
}

/** Floats agree with scikit-learn within 1e-6, relative to the magnitude (at least 1). */
export const TOL = 1e-6;

export function expectClose(actual: unknown, expected: unknown, path = ''): void {
  if (Array.isArray(expected) || ArrayBuffer.isView(expected)) {
    const a = actual as ArrayLike<unknown>;
    const e = expected as ArrayLike<unknown>;
    expect(a.length, `length at ${path}`).toBe(e.length);
    for (let i = 0; i < e.length; i++) expectClose(a[i], e[i], `${path}[${i}]`);
  } else if (typeof expected === 'number') {
    expect(typeof actual, `type at ${path}`).toBe('number');
    const diff = Math.abs((actual as number) - expected);
    expect(diff, `${path}: got ${actual}, expected ${expected}`).toBeLessThanOrEqual(TOL * Math.max(1, Math.abs(expected)));
  } else if (expected !== null && typeof expected === 'object') {
    expect(Object.keys(actual as object).sort(), `keys at ${path}`).toEqual(Object.keys(expected).sort());
    for (const [k, v] of Object.entries(expected)) expectClose((actual as Record<string, unknown>)[k], v, `${path}.${k}`);
  } else {
    expect(actual, path).toEqual(expected);
  }
}
