// The report writers (table, CSV, JSON) and the claim comparison, on a graded
// outcome built by gradeReport from hand-written check results.
import { csvParse } from 'd3';
import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../src/contract/protocol.ts';
import { parseSubmission } from '../../src/grading/submission.ts';
import { SubmissionError } from '../../src/grading/submission/error.ts';
import { NO_FINISHED_RUN } from '../../src/grading/grader/claims.ts';
import { csvCell, toCsv } from '../../src/grading/grader/csv.ts';
import { gradeReport } from '../../src/grading/grader/grade-report.ts';
import { toJsonReport } from '../../src/grading/grader/json-report.ts';
import { mapPool } from '../../src/grading/grader/pool.ts';
import { formatTable } from '../../src/grading/grader/table.ts';
import { textWidth } from '../../src/grading/grader/text-width.ts';
import { visibleText } from '../../src/grading/grader/visible-text.ts';
import type { CatalogEntry, GradingOutcome } from '../../src/grading/grader/types.ts';

const exercise: CatalogEntry = {
  contentVersion: 'aaaaaaaaaaaa',
  givenCode: [],
  definition: {
    id: '01-tensor-basics', lesson: 'x', title: { ko: '텐서', en: 'Tensors' }, datasets: [], timeBudgetMs: 1000, hints: { ko: [], en: [] },
    checks: [
      { id: 'flat-shape', title: { ko: '펼치기', en: 'Flatten' }, run: () => ({ status: 'passed' }) },
      { id: 'scaled-range', title: { ko: '스케일', en: 'Scale' }, run: () => ({ status: 'passed' }) },
      { id: 'tidy', title: { ko: '정리', en: 'Tidy' }, graded: false, run: () => ({ status: 'passed' }) },
    ],
  },
};

const submission = (name: string, locale: 'ko' | 'en', claims: object[] = [], contentVersion = 'aaaaaaaaaaaa') => parseSubmission(JSON.stringify({
  format: 'mnist-course-submission', version: 1, exerciseId: '01-tensor-basics', contentVersion, learner: { name }, locale,
  code: 'x', results: claims, backend: 'wasm', startedAt: '2026-11-29T09:00:00Z', submittedAt: '2026-11-29T09:05:00Z',
}), `${name}.json`);

const check = (id: string, status: CheckResult['status'], graded = true, en = `${id} is wrong`): CheckResult => ({
  id, title: { ko: id, en: id }, status, graded, ...(status === 'passed' ? {} : { message: { en, ko: `${id} 틀림` } }),
});

function outcome(): GradingOutcome {
  const kim = gradeReport('class/kim.json', submission('김민지', 'ko'), exercise, {
    checks: [check('flat-shape', 'passed'), check('scaled-range', 'passed'), check('tidy', 'failed', false)],
  });
  const lee = gradeReport('class/lee.json', submission('=cmd|calc', 'en', [{ id: 'scaled-range', status: 'passed' }, { id: 'ghost', status: 'passed' }], 'bbbbbbbbbbbb'), exercise, {
    checks: [check('flat-shape', 'passed'), check('scaled-range', 'failed', true, 'the largest value is 255, "divide", by 255')],
  });
  const park = gradeReport('class/park.json', submission('Park', 'en'), exercise, {
    checks: [], error: { kind: 'timeout', message: 'stopped after 1 s' },
  });
  const broken = new SubmissionError('class/broken.json', null, { en: 'not JSON (line 1, col 1: unexpected "x")', ko: 'JSON이 아닙니다' }, { en: 'export again', ko: '다시 내보내세요' });
  return { graded: [lee, park, kim], unreadable: [{ file: 'class/broken.json', error: broken }] };
}

describe('gradeReport and claims', () => {
  it('scores graded checks only and notes claims that differ from the re-run', () => {
    const [lee, park, kim] = outcome().graded;
    expect([kim.status, kim.passed, kim.total, kim.score]).toEqual(['pass', 2, 2, 100]);
    expect([lee.status, lee.passed, lee.total, lee.score]).toEqual(['fail', 1, 2, 50]);
    expect(lee.notes.map((n) => n.en)).toEqual([
      'made with another version of this exercise (submitted bbbbbbbbbbbb, now aaaaaaaaaaaa): the re-run uses the current checks',
      'scaled-range: browser claimed passed, re-run failed: the largest value is 255, "divide", by 255',
      'browser claimed a result for `ghost`, a check this exercise does not have',
    ]);
    expect(park.status).toBe('error');
    expect(park.tests.map((t) => t.status)).toEqual(['error', 'error', 'error']);
    expect(park.tests[0].message?.en).toBe('stopped at the time limit: stopped after 1 s');
  });

  it("says once when the learner's browser never finished a run, and not when nothing passed either way", () => {
    const [, park, kim] = outcome().graded;
    // No results at all (a run that timed out in the browser), re-run passed: the grade is the re-run's alone.
    expect(kim.notes).toEqual([NO_FINISHED_RUN]);
    expect(park.notes).toEqual([NO_FINISHED_RUN]);
    const notAttempted = [{ id: 'flat-shape', status: 'not-attempted' }, { id: 'scaled-range', status: 'not-attempted' }];
    const starter = gradeReport('class/choi.json', submission('Choi', 'en', notAttempted), exercise, {
      checks: [check('flat-shape', 'not-attempted'), check('scaled-range', 'not-attempted')],
    });
    expect(starter.notes).toEqual([]);
    const later = gradeReport('class/choi.json', submission('Choi', 'en', notAttempted), exercise, {
      checks: [check('flat-shape', 'passed'), check('scaled-range', 'failed')],
    });
    expect(later.notes).toEqual([NO_FINISHED_RUN]);
  });
});

describe('table', () => {
  it('aligns Korean names by terminal width and lists failures and notes under each row', () => {
    const text = formatTable(outcome(), 'en');
    const lines = text.split('\n');
    expect(lines[0]).toBe('learner    exercise          checks  score  status  file');
    expect(lines).toContain('김민지     01-tensor-basics     2/2    100  pass    class/kim.json');
    expect(lines).toContain('    ✗ tidy (not graded): tidy is wrong');
    expect(lines).toContain('    ! stopped at the time limit: stopped after 1 s');
    expect(text).toContain('  class/broken.json: not JSON (line 1, col 1: unexpected "x"). Fix: export again');
    expect(text.trimEnd().split('\n').at(-1)).toBe('Graded 3: 1 pass, 1 fail, 1 error. Unreadable files: 1.');
    expect(textWidth('김민지')).toBe(6);
  });

  it('writes the whole report in one language, whatever language each learner used', () => {
    const text = formatTable(outcome(), 'ko');
    expect(text.split('\n')[0]).toBe('학습자     연습 문제         검사  점수  상태  파일');
    expect(text).toContain('통과');
    expect(text).toContain('    ✗ scaled-range: scaled-range 틀림');
    expect(text).toContain('    ✗ tidy (채점 안 함): tidy 틀림');
    expect(text).not.toMatch(/\b(pass|fail|error)\b/);
    expect(text).not.toContain('is wrong');
  });
});

describe('CSV', () => {
  it('writes one row per learner, exercise and check that a CSV parser reads back', () => {
    const csv = toCsv(outcome(), 'en');
    expect(csv.startsWith('\ufeff')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = csvParse(csv.slice(1));
    expect(rows.columns).toEqual(['learner', 'exercise', 'file', 'submitted_at', 'assignment', 'handed_in_at', 'late', 'check', 'status', 'score', 'message']);
    expect(rows.length).toBe(3 * 3 + 1);
    expect(rows[1]).toEqual({
      learner: "'=cmd|calc", exercise: '01-tensor-basics', file: 'class/lee.json', submitted_at: '2026-11-29T09:05:00Z', assignment: '', handed_in_at: '', late: '',
      check: 'scaled-range', status: 'fail', score: '0', message: 'the largest value is 255, "divide", by 255',
    });
    // The Korean learner's messages too are in the report's language.
    expect(rows.find((r) => r.learner === '김민지' && r.check === 'tidy')).toMatchObject({ status: 'fail', score: '', message: 'tidy is wrong' });
    expect(rows.at(-1)).toMatchObject({ learner: '', file: 'class/broken.json', status: 'error', message: 'class/broken.json: not JSON (line 1, col 1: unexpected "x"). Fix: export again' });
  });

  it('quotes separators and defuses formulas', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('say "hi"\n')).toBe('"say ""hi""\n"');
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('plain')).toBe('plain');
    for (const formula of ['=1+1', '-2', '@SUM(A1)', '\tx', '\rx', '  =cmd', '\u3000+1']) expect(csvCell(formula)).toMatch(/^"?'/);
    expect(csvCell('=HYPERLINK("http://x";"y")')).toBe('"\'=HYPERLINK(""http://x"";""y"")"');
  });
});

describe('hand-ins of an assignment', () => {
  it('carry the assignment, the hand-in time and whether it was late, in CSV, JSON and a note', () => {
    const assignment = { title: '1주차', classCode: '2반', due: '2026-12-10T23:59+09:00', exercises: ['01-tensor-basics'] };
    const handedIn = (at: string) => gradeReport(`hw.json#01-tensor-basics@${at}`, submission('Kim', 'en'), exercise, {
      checks: [check('flat-shape', 'passed'), check('scaled-range', 'passed'), check('tidy', 'passed', false)],
    }, { assignment, handedInAt: at });
    const onTime = handedIn('2026-12-10T14:00:00.000Z');
    const late = handedIn('2026-12-10T15:30:00.000Z');
    expect(onTime.notes.map((n) => n.en).filter((n) => n.includes('late'))).toEqual([]);
    expect(late.notes.map((n) => n.en)).toContain('handed in late: 2026-12-10T15:30:00.000Z, the due date was 2026-12-10T23:59+09:00');
    const o: GradingOutcome = { graded: [onTime, late], unreadable: [] };
    const rows = csvParse(toCsv(o, 'en').slice(1));
    expect(rows.filter((r) => r.check === 'flat-shape').map((r) => [r.assignment, r.handed_in_at, r.late])).toEqual([
      ['1주차', '2026-12-10T14:00:00.000Z', 'on time'],
      ['1주차', '2026-12-10T15:30:00.000Z', 'late'],
    ]);
    const json = toJsonReport(o, 'en').submissions;
    expect(json.map((s) => [s.assignment, s.handedInAt, s.late])).toEqual([
      [{ ...assignment }, '2026-12-10T14:00:00.000Z', false],
      [{ ...assignment }, '2026-12-10T15:30:00.000Z', true],
    ]);
    expect(toJsonReport(outcome(), 'en').submissions[0]).toMatchObject({ assignment: null, handedInAt: null, late: null });
  });
});

describe('JSON report', () => {
  it('has one object per submission with Exercism-style tests', () => {
    const report = toJsonReport(outcome(), 'ko');
    expect(report.format).toBe('mnist-course-grades');
    expect(report.submissions.map((s) => [s.learner, s.status, s.score, s.submittedAt])).toEqual([
      ['=cmd|calc', 'fail', 50, '2026-11-29T09:05:00Z'], ['Park', 'error', 0, '2026-11-29T09:05:00Z'], ['김민지', 'pass', 100, '2026-11-29T09:05:00Z'], [null, 'error', 0, null],
    ]);
    expect(report.submissions[2].tests[2]).toEqual({ name: 'tidy', title: 'tidy', graded: false, status: 'fail', message: 'tidy 틀림' });
    expect(report.submissions[0].tests[1].message).toBe('scaled-range 틀림');
    expect(report.submissions[1].message).toMatch(/^제한 시간/);
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });
});

describe('mapPool', () => {
  it('keeps input order and never exceeds the limit', async () => {
    let running = 0;
    let peak = 0;
    const results = await mapPool([30, 5, 20, 1, 10], 2, async (ms, i) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, ms));
      running--;
      return i;
    });
    expect(results).toEqual([0, 1, 2, 3, 4]);
    expect(peak).toBe(2);
  });
});

describe('table safety', () => {
  it('never prints control characters from learner text', () => {
    const o = outcome();
    o.graded[1].error = { en: 'boom\u001b[2J\nsecond line', ko: 'x' };
    const text = formatTable(o, 'en');
    expect(text).not.toContain('\u001b');
    expect(text).toContain('    ! boom<U+001B>[2J\n      second line');
  });

  it('shows bidi controls and zero-width characters in names visibly, everywhere', () => {
    const o = outcome();
    o.graded[2].learner = '김민지\u202egnp.exe\u200b';
    o.graded[2].file = 'class/\u2066kim.json';
    const table = formatTable(o, 'en');
    expect(table).toContain('김민지<U+202E>gnp.exe<U+200B>');
    expect(table).toContain('class/<U+2066>kim.json');
    const csv = toCsv(o, 'en');
    expect(csv).toContain('김민지<U+202E>gnp.exe<U+200B>');
    const json = toJsonReport(o, 'en');
    expect(json.submissions[2].learner).toBe('김민지<U+202E>gnp.exe<U+200B>');
    expect(json.submissions[2].file).toBe('class/<U+2066>kim.json');
    for (const text of [table, csv, JSON.stringify(json)]) expect(text).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200b-\u200f\u061c]/);
  });

  it('never crashes on a check message, title or id that is not a string', () => {
    const o = outcome();
    const test = o.graded[0].tests[1] as unknown as Record<string, unknown>;
    test.message = { en: { toString: 'x' }, ko: 42 };
    test.title = { en: null, ko: undefined };
    test.id = 7;
    expect(() => formatTable(o, 'en')).not.toThrow();
    expect(() => toCsv(o, 'en')).not.toThrow();
    const json = toJsonReport(o, 'en');
    expect(json.submissions[0].tests[1]).toMatchObject({ name: '7', title: '', message: '' });
  });
});

describe('visibleText', () => {
  it('marks hidden and control characters, keeps text and emoji, and is idempotent', () => {
    expect(visibleText('a\u202eb\u200bc\u0007d\ne')).toBe('a<U+202E>b<U+200B>c<U+0007>d<U+000A>e');
    expect(visibleText('a\ne', true)).toBe('a\ne');
    expect(visibleText('김민지 😀 ❤️ Zoë')).toBe('김민지 😀 ❤️ Zoë');
    expect(visibleText('\u3164\u061c\u2069\ufeff')).toBe('<U+3164><U+061C><U+2069><U+FEFF>');
    expect(visibleText('x\ud800')).toBe('x<U+D800>');
    expect(visibleText({ toString: () => 'no' })).toBe('');
    const once = visibleText('\u202e\u0000');
    expect(visibleText(once)).toBe(once);
  });
});
