// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { hashText } from '../../src/progress/hash.ts';
import { resetStorageStateForTests } from '../../src/progress/storage.ts';
import { readAll, resetAll } from '../../src/progress/snapshot.ts';
import {
  clearDraft, markInProgress, onStorageProblem, readDraft, readLearnerName, readStatus,
  recordStatus, saveDraft, saveLearnerName, PROGRESS_EVENT,
} from '../../src/progress/store.ts';
import { exportProgress, importProgress, parseProgressFile, ProgressImportError } from '../../src/progress/transfer.ts';
import { readLastRun, saveLastRun } from '../../src/progress/last-run.ts';

beforeEach(() => {
  localStorage.clear();
  resetStorageStateForTests();
});
afterEach(() => vi.unstubAllGlobals());

function quotaError(): DOMException {
  return new DOMException('The quota has been exceeded.', 'QuotaExceededError');
}

/** Puts a localStorage in place whose writes throw `error` (reads still reach the real one). */
function failingWrites(error: () => DOMException): { restore(): void } {
  const real = localStorage;
  const failing = {
    get length() { return real.length; },
    key: (i: number) => real.key(i),
    getItem: (k: string) => real.getItem(k),
    removeItem: (k: string) => real.removeItem(k),
    clear: () => real.clear(),
    setItem: () => { throw error(); },
  };
  vi.stubGlobal('localStorage', failing);
  return { restore: () => vi.stubGlobal('localStorage', real) };
}

describe('status', () => {
  it('is not-started until recorded, then reads back what was recorded', () => {
    expect(readStatus('02-mnist-shapes')).toBe('not-started');
    recordStatus('02-mnist-shapes', 'in-progress');
    expect(readStatus('02-mnist-shapes')).toBe('in-progress');
    recordStatus('quiz:02-mnist:1', 'passed');
    expect(readStatus('quiz:02-mnist:1')).toBe('passed');
    expect(readStatus('02-mnist-shapes')).toBe('in-progress');
  });

  it('rejects an unknown status with a message naming the allowed ones', () => {
    expect(() => recordStatus('x', 'done' as never)).toThrow(/not-started, in-progress, passed/);
  });

  it('markInProgress never downgrades a passed item', () => {
    markInProgress('a');
    expect(readStatus('a')).toBe('in-progress');
    recordStatus('a', 'passed');
    markInProgress('a');
    expect(readStatus('a')).toBe('passed');
  });

  it('announces changes with a DOM event naming the item', () => {
    const seen: unknown[] = [];
    const listener = (e: Event) => seen.push((e as CustomEvent).detail.itemId);
    window.addEventListener(PROGRESS_EVENT, listener);
    recordStatus('quiz:03-x:2', 'passed');
    window.removeEventListener(PROGRESS_EVENT, listener);
    expect(seen).toEqual(['quiz:03-x:2']);
  });

  it('treats a corrupt stored value as not started', () => {
    localStorage.setItem('mnist-course:v1:status:a', '{not json');
    expect(readStatus('a')).toBe('not-started');
  });
});

describe('drafts', () => {
  it('keeps the code and the hash of the starter it began from', () => {
    const starter = 'const x = 1;\n';
    saveDraft('02-mnist-shapes', 'const x = 2;\n', hashText(starter));
    const draft = readDraft('02-mnist-shapes');
    expect(draft?.code).toBe('const x = 2;\n');
    expect(draft?.starterHash).toBe(hashText(starter));
    expect(draft?.starterHash).not.toBe(hashText('const x = 1; // changed\n'));
    clearDraft('02-mnist-shapes');
    expect(readDraft('02-mnist-shapes')).toBeNull();
  });

  it('the learner name is remembered, trimmed', () => {
    expect(readLearnerName()).toBeNull();
    saveLearnerName('  김민지 ');
    expect(readLearnerName()).toBe('김민지');
  });
});

describe('a full or blocked storage', () => {
  it('reports QuotaExceededError to listeners and keeps the draft in memory', () => {
    const problems: string[] = [];
    onStorageProblem((problem) => problems.push(problem));
    failingWrites(quotaError);
    const result = saveDraft('e', 'my precious code', 'h');
    expect(result).toMatchObject({ ok: false, problem: 'quota' });
    expect(problems).toEqual(['quota']);
    // Not persisted, but this page still sees it: nothing is lost while it stays open.
    expect(localStorage.getItem('mnist-course:v1:draft:e')).toBeNull();
    expect(readDraft('e')?.code).toBe('my precious code');
    expect(readAll().drafts.e.code).toBe('my precious code');
  });

  it('persists again once space is available', () => {
    const full = failingWrites(quotaError);
    expect(saveDraft('e', 'v1', 'h').ok).toBe(false);
    full.restore();
    expect(saveDraft('e', 'v2', 'h').ok).toBe(true);
    expect(JSON.parse(localStorage.getItem('mnist-course:v1:draft:e')!).code).toBe('v2');
  });

  it('reports a SecurityError (storage blocked) as blocked', () => {
    const problems: string[] = [];
    failingWrites(() => new DOMException('denied', 'SecurityError'));
    recordStatus('a', 'passed');
    onStorageProblem((problem) => problems.push(problem)); // a late listener still hears of it
    expect(problems).toEqual(['blocked']);
    expect(readStatus('a')).toBe('passed');
  });

  it('reports storage that cannot even be reached (private mode, policy)', () => {
    const problems: string[] = [];
    onStorageProblem((problem) => problems.push(problem));
    const original = Object.getOwnPropertyDescriptor(globalThis, 'localStorage')!;
    Object.defineProperty(globalThis, 'localStorage', { configurable: true, get() { throw new DOMException('denied', 'SecurityError'); } });
    try {
      expect(saveDraft('e', 'kept', 'h').ok).toBe(false);
      expect(readDraft('e')?.code).toBe('kept');
    } finally {
      Object.defineProperty(globalThis, 'localStorage', original);
    }
    expect(problems[0]).toBe('blocked');
  });
});

describe('export, import, reset', () => {
  it('round-trips everything through one JSON file', () => {
    recordStatus('02-mnist-shapes', 'passed');
    recordStatus('quiz:02-mnist:1', 'in-progress');
    saveDraft('02-mnist-shapes', 'code', 'abc');
    saveLearnerName('Ana');
    const run = { results: [{ id: 'shape', status: 'passed' as const }, { id: 'dtype', status: 'failed' as const, message: { ko: '틀림', en: 'wrong' } }], backend: 'wasm', seed: 7, startedAt: '2026-12-03T10:00:00.000Z' };
    saveLastRun('02-mnist-shapes', run);
    const text = JSON.stringify(exportProgress());
    resetAll();
    expect(readLastRun('02-mnist-shapes')).toBeNull();
    expect(readStatus('02-mnist-shapes')).toBe('not-started');
    expect(readDraft('02-mnist-shapes')).toBeNull();
    expect(readLearnerName()).toBeNull();
    const { result, items } = importProgress(text, 'progress.json');
    expect(result.ok).toBe(true);
    expect(items).toBe(3);
    expect(readStatus('02-mnist-shapes')).toBe('passed');
    expect(readStatus('quiz:02-mnist:1')).toBe('in-progress');
    expect(readDraft('02-mnist-shapes')?.code).toBe('code');
    expect(readLearnerName()).toBe('Ana');
    expect(readLastRun('02-mnist-shapes')).toEqual(run);
  });

  it('imports an export made before last runs were kept (no lastRuns field)', () => {
    const text = JSON.stringify({ format: 'mnist-course-progress', version: 1, exportedAt: 'x', statuses: { a: { status: 'passed', updatedAt: 'x' } }, drafts: {}, learnerName: null });
    expect(importProgress(text, 'old.json').result.ok).toBe(true);
    expect(readStatus('a')).toBe('passed');
    expect(readAll().lastRuns).toEqual({});
  });

  it('reset leaves other sites\' keys alone', () => {
    localStorage.setItem('someone-else', 'keep');
    recordStatus('a', 'passed');
    resetAll();
    expect(localStorage.getItem('someone-else')).toBe('keep');
    expect(readAll()).toEqual({ statuses: {}, drafts: {}, lastRuns: {}, learnerName: null });
  });

  const cases: [string, string, RegExp][] = [
    ['not JSON', '{oops', /bad\.json: not valid JSON/],
    ['an array', '[]', /expected a JSON object/],
    ['a submission file', JSON.stringify({ format: 'mnist-course-submission', version: 1 }), /"format" is "mnist-course-submission"/],
    ['a future version', JSON.stringify({ format: 'mnist-course-progress', version: 9, statuses: {}, drafts: {} }), /version 9 is not supported/],
    ['missing statuses', JSON.stringify({ format: 'mnist-course-progress', version: 1, drafts: {} }), /"statuses" is missing/],
    ['a bad status', JSON.stringify({ format: 'mnist-course-progress', version: 1, statuses: { a: { status: 'won', updatedAt: 'x' } }, drafts: {} }), /statuses\["a"\]/],
    ['a bad draft', JSON.stringify({ format: 'mnist-course-progress', version: 1, statuses: {}, drafts: { e: { code: 1 } } }), /drafts\["e"\]/],
    ['a bad last run', JSON.stringify({ format: 'mnist-course-progress', version: 1, statuses: {}, drafts: {}, lastRuns: { e: { results: 'all passed', backend: 'wasm', startedAt: 'x' } } }), /lastRuns\["e"\]/],
  ];
  for (const [name, text, message] of cases) {
    it(`rejects ${name} with a message in both languages, writing nothing`, () => {
      let error: unknown;
      try {
        parseProgressFile(text, 'bad.json');
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ProgressImportError);
      expect((error as ProgressImportError).text('en')).toMatch(message);
      expect((error as ProgressImportError).text('ko')).toMatch(/^bad\.json: /);
      expect(() => importProgress(text, 'bad.json')).toThrow(ProgressImportError);
      expect(readAll().statuses).toEqual({});
    });
  }
});
