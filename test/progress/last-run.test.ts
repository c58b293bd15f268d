// @vitest-environment happy-dom
// The last run the exercise panel records for each exercise, which the
// assignment page's Hand in reads: kept as it was, and a damaged record reads
// as none (the exercise is then handed in as never run) rather than breaking
// the hand-in.
import { beforeEach, describe, expect, it } from 'vitest';
import { lastRunKey, readLastRun, saveLastRun, type LastRun } from '../../src/progress/last-run.ts';
import { resetStorageStateForTests } from '../../src/progress/storage.ts';
import { resetAll } from '../../src/progress/snapshot.ts';

beforeEach(() => {
  localStorage.clear();
  resetStorageStateForTests();
});

const run: LastRun = { results: [{ id: 'flat-shape', status: 'failed', message: { ko: '틀림', en: 'wrong' } }], backend: 'wasm', seed: 12, startedAt: '2026-12-01T09:00:00.000Z' };

describe('last run', () => {
  it('keeps each exercise\'s latest run, dropping what the hand-in does not need', () => {
    expect(readLastRun('01-tensor-basics')).toBeNull();
    saveLastRun('01-tensor-basics', { ...run, results: [{ ...run.results[0], title: { ko: '제목', en: 'Title' }, graded: true } as LastRun['results'][0]] });
    expect(readLastRun('01-tensor-basics')).toEqual(run);
    expect(readLastRun('02-mnist-shapes')).toBeNull();
  });

  it('reads a damaged record as none, and is forgotten with the rest of the progress', () => {
    for (const damaged of ['{', '{"backend":"wasm"}', JSON.stringify({ ...run, results: [{ id: 'x', status: 'won' }] })]) {
      localStorage.setItem(lastRunKey('01-tensor-basics'), damaged);
      expect(readLastRun('01-tensor-basics')).toBeNull();
    }
    saveLastRun('01-tensor-basics', run);
    resetAll();
    expect(readLastRun('01-tensor-basics')).toBeNull();
  });
});
