import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  computeContentVersion, createSubmission, MAX_CODE_BYTES, parseSubmission, serializeSubmission,
  SUBMISSION_SCHEMA, SubmissionError, submissionFileName,
} from '../../src/grading/submission.ts';
import type { Submission } from '../../src/grading/submission.ts';

const exerciseIds = ['02-mnist-shapes'];

const good = (): Record<string, unknown> => ({
  format: 'mnist-course-submission',
  version: 1,
  exerciseId: '02-mnist-shapes',
  contentVersion: '0123456789ab',
  learner: { name: '  김민지 ' },
  locale: 'ko',
  code: 'export const x = 1;\n',
  results: [{ id: 'shape', status: 'passed' }, { id: 'flat', status: 'failed', message: '모양이 다릅니다' }],
  backend: 'wasm',
  startedAt: '2026-11-29T09:00:00.000Z',
  submittedAt: '2026-11-29T09:30:12+09:00',
});

/** Parses `doc` and returns the SubmissionError it must throw. */
function refusal(text: string, fileName = 'class/a.json'): SubmissionError {
  try {
    parseSubmission(text, fileName, { exerciseIds });
  } catch (error) {
    expect(error).toBeInstanceOf(SubmissionError);
    return error as SubmissionError;
  }
  throw new Error(`expected ${fileName} to be refused`);
}
const refuse = (patch: (doc: Record<string, unknown>) => void): SubmissionError => {
  const doc = good();
  patch(doc);
  return refusal(JSON.stringify(doc, null, 2));
};

describe('parseSubmission', () => {
  it('accepts a good submission, trims the name and drops unknown fields', () => {
    const submission = parseSubmission(JSON.stringify({ ...good(), extra: true }), 'a.json', { exerciseIds });
    expect(submission.learner.name).toBe('김민지');
    expect(submission.results[1]).toEqual({ id: 'flat', status: 'failed', message: '모양이 다릅니다' });
    expect('extra' in submission).toBe(false);
  });

  it('accepts a UTF-8 byte-order mark (Windows Notepad)', () => {
    expect(parseSubmission(`\ufeff${JSON.stringify(good())}`, 'a.json').exerciseId).toBe('02-mnist-shapes');
  });

  it('names the line and column of broken JSON', () => {
    const error = refusal('{\n  "format": "mnist-course-submission",\n  "version": 1,,\n}', 'class/broken.json');
    expect(error.file).toBe('class/broken.json');
    expect(error.field).toBeNull();
    expect(error.message).toContain('class/broken.json: not JSON (line 3, col 16: unexpected ",")');
    expect(error.text('ko')).toContain('JSON이 아닙니다 (3행 16열');
    expect(refusal('').problem.en).toBe('not JSON (line 1, col 1: the text ends too early)');
  });

  it('refuses wrong types, naming the field and the fix', () => {
    const error = refuse((d) => { d.code = 42; });
    expect(error.field).toBe('code');
    expect(error.problem.en).toBe('field `code` must be a string (found the number 42)');
    expect(error.fix.en).toContain('export the submission again');
    expect(refuse((d) => { delete d.backend; }).problem.en).toBe('field `backend` is missing');
    expect(refuse((d) => { d.locale = 'fr'; }).field).toBe('locale');
    expect(refuse((d) => { d.results = {}; }).problem.en).toBe('field `results` must be an array (found an object)');
    expect(refuse((d) => { (d.results as object[]).push({ id: 'z', status: 'ok' }); }).field).toBe('results[2].status');
    expect(refuse((d) => { d.startedAt = 'yesterday'; }).field).toBe('startedAt');
    expect(refuse((d) => { d.submittedAt = '2026-13-45T99:00:00Z'; }).problem.en).toContain('not a real date');
    expect(refuse((d) => { d.contentVersion = 'v1'; }).field).toBe('contentVersion');
  });

  it('refuses files that are not submissions at all', () => {
    expect(refusal('[1, 2]').problem.en).toBe('not a course submission: the file holds an array, not a JSON object');
    const error = refusal('{"name": "package"}');
    expect(error.field).toBe('format');
    expect(error.problem.en).toContain('not a course submission');
  });

  it('tells the teacher to update the tools for a newer format version', () => {
    const error = refuse((d) => { d.version = 2; });
    expect(error.field).toBe('version');
    expect(error.message).toContain('unknown format version 2');
    expect(error.fix.en).toContain('update the course tools');
    expect(refuse((d) => { d.version = '1'; }).problem.en).toBe('field `version` must be the number 1 (found the string "1")');
  });

  it('refuses an exercise that does not exist, listing the known ones', () => {
    const error = refuse((d) => { d.exerciseId = '99-nope'; });
    expect(error.field).toBe('exerciseId');
    expect(error.problem.en).toBe('exercise `99-nope` does not exist in this version of the course (known: 02-mnist-shapes)');
  });

  it('refuses an empty or blank learner name', () => {
    expect(refuse((d) => { d.learner = { name: '   ' }; }).problem.en).toBe('field `learner.name` is empty');
    expect(refuse((d) => { d.learner = 'kim'; }).field).toBe('learner');
    expect(refuse((d) => { d.learner = { name: 'kim\u001b[2J' }; }).problem.en).toBe('field `learner.name` contains control characters');
  });

  it('refuses oversized code with its size and the limit', () => {
    const error = refuse((d) => { d.code = `// ${'가'.repeat(80_000)}`; });
    expect(error.field).toBe('code');
    expect(error.problem.en).toBe('field `code` is 234.4 KB; the limit is 200 KB');
    expect(() => parseSubmission(JSON.stringify({ ...good(), code: 'x'.repeat(MAX_CODE_BYTES) }), 'a.json')).not.toThrow();
    expect(refusal('x'.repeat(2 * 1024 * 1024)).fix.en).toContain('remove it from the folder');
  });
});

describe('createSubmission', () => {
  const input = {
    exerciseId: '02-mnist-shapes', contentVersion: '0123456789ab', learnerName: ' Kim Minji ', locale: 'en' as const,
    code: 'export const x = 1;', backend: 'webgl', startedAt: new Date('2026-11-29T09:00:00Z'), submittedAt: new Date('2026-11-29T09:10:00Z'),
    results: [
      { id: 'shape', title: { ko: '모양', en: 'Shape' }, status: 'failed' as const, graded: true, message: { ko: '모양이 다릅니다', en: 'wrong shape' } },
      { id: 'flat', title: { ko: '펼치기', en: 'Flatten' }, status: 'passed' as const, graded: true },
    ],
  };

  it('builds a document that parses back to itself', () => {
    const submission = createSubmission(input);
    expect(submission.learner.name).toBe('Kim Minji');
    expect(submission.results).toEqual([{ id: 'shape', status: 'failed', message: 'wrong shape' }, { id: 'flat', status: 'passed' }]);
    expect(submission.startedAt).toBe('2026-11-29T09:00:00.000Z');
    const text = serializeSubmission(submission);
    expect(parseSubmission(text, submissionFileName(submission))).toEqual(submission);
    expect(submissionFileName(submission)).toBe('Kim-Minji-02-mnist-shapes.json');
    expect(submissionFileName({ ...submission, learner: { name: '김 민지/../x' } } as Submission)).toBe('김-민지-x-02-mnist-shapes.json');
  });

  it('throws a SubmissionError the page can show when the name is empty', () => {
    expect(() => createSubmission({ ...input, learnerName: ' ' })).toThrow(SubmissionError);
    try {
      createSubmission({ ...input, learnerName: '' });
    } catch (error) {
      expect((error as SubmissionError).text('ko')).toBe('(new submission): `learner.name` 필드가 비어 있습니다. 해결: 연습 문제 페이지의 이름 칸에 이름을 입력한 뒤 다시 내보내세요');
    }
  });
});

describe('content version', () => {
  it('is the first 12 hex digits of SHA-256 over starter, NUL, exercise source', () => {
    const expected = createHash('sha256').update('a\nb\u0000c\n').digest('hex').slice(0, 12);
    expect(computeContentVersion({ starter: 'a\nb', exerciseSource: 'c\n' })).toBe(expected);
    expect(computeContentVersion({ starter: 'a\r\nb', exerciseSource: 'c\r\n' })).toBe(expected);
    expect(computeContentVersion({ starter: 'a\nb', exerciseSource: 'c' })).not.toBe(expected);
  });

  it('hashes UTF-8 bytes the way node:crypto does, for non-ASCII text too', () => {
    const starter = '// 한국어 ✓ 𝟘\n'.repeat(50);
    const expected = createHash('sha256').update(`${starter}\u0000x`).digest('hex').slice(0, 12);
    expect(computeContentVersion({ starter, exerciseSource: 'x' })).toBe(expected);
  });
});

describe('SUBMISSION_SCHEMA', () => {
  it('requires every field the validator requires', () => {
    for (const field of SUBMISSION_SCHEMA.required) {
      const error = refuse((d) => { delete d[field]; });
      expect(error.field).toBe(field);
    }
  });

  it('is printed verbatim in docs/grading.md', () => {
    const docs = readFileSync(new URL('../../docs/grading.md', import.meta.url), 'utf8');
    expect(docs).toContain(JSON.stringify(SUBMISSION_SCHEMA, null, 2));
  });
});
