// The per-assignment grid (grid.ts): a pure function from the report's rows
// to learners × exercises, with its marks, totals and the order of grids,
// and the same grid in the terminal table, the JSON report and after a
// merge of shard reports.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../src/contract/protocol.ts';
import type { Assignment } from '../../src/grading/assignment/assignment.ts';
import { gradeReport } from '../../src/grading/grader/grade-report.ts';
import { byKey, noteLikeness } from '../../src/grading/grader/grade-submissions.ts';
import { buildGrids, cellText } from '../../src/grading/grader/grid.ts';
import { serializeJsonReport, toJsonReport } from '../../src/grading/grader/json-report.ts';
import { mergeShardReports } from '../../src/grading/grader/merge-reports.ts';
import { formatGrids } from '../../src/grading/grader/table.ts';
import type { CatalogEntry, ExerciseCatalog, GradedSubmission, GradingOutcome } from '../../src/grading/grader/types.ts';
import { parseSubmission } from '../../src/grading/submission.ts';

const entry = (id: string, checks: string[]): CatalogEntry => ({
  contentVersion: 'aaaaaaaaaaaa',
  givenCode: [],
  definition: {
    id, lesson: 'x', title: { ko: id, en: id }, datasets: [], timeBudgetMs: 1000, hints: { ko: [], en: [] },
    checks: checks.map((c) => ({ id: c, title: { ko: c, en: c }, run: () => ({ status: 'passed' as const }) })),
  },
});
const EXERCISES: Record<string, CatalogEntry> = {
  '01-tensor-basics': entry('01-tensor-basics', ['a', 'b']),
  '07-softmax': entry('07-softmax', ['c', 'd', 'e']),
  '09-training': entry('09-training', ['f']),
};
const catalog: ExerciseCatalog = { ids: Object.keys(EXERCISES), get: async (id) => EXERCISES[id] };

const WEEK1: Assignment = { title: 'Week 1', classCode: '2B', due: '2026-12-10T23:59+09:00', exercises: ['07-softmax', '01-tensor-basics'] };
const EARLIER: Assignment = { title: 'A warm-up', classCode: '2B', exercises: ['09-training'] };

interface Made {
  learner: string;
  exercise: string;
  passed: number;
  file?: string;
  claims?: 'passed' | 'none';
  backend?: string;
  error?: boolean;
  code?: string;
  assignment?: Assignment;
  handedInAt?: string;
}

function made(m: Made): GradedSubmission {
  const ids = EXERCISES[m.exercise].definition.checks.map((c) => c.id);
  const checks: CheckResult[] = m.error ? [] : ids.map((id, i) => ({ id, title: { ko: id, en: id }, graded: true, status: i < m.passed ? 'passed' : 'failed', ...(i < m.passed ? {} : { message: { ko: '틀림', en: 'wrong' } }) }));
  // By default the browser's claims agree with the re-run.
  const results = m.claims === 'none' ? [] : m.claims === 'passed' ? ids.map((id) => ({ id, status: 'passed' }))
    : m.error ? ids.map((id) => ({ id, status: 'failed' })) : checks.map((c) => ({ id: c.id, status: c.status }));
  const submission = parseSubmission(JSON.stringify({
    format: 'mnist-course-submission', version: 1, exerciseId: m.exercise, contentVersion: 'aaaaaaaaaaaa', learner: { name: m.learner }, locale: 'en',
    code: m.code ?? `// ${m.learner}\n`, results, backend: m.backend ?? 'wasm', startedAt: '2026-12-01T09:00:00Z', submittedAt: m.handedInAt ?? '2026-12-01T09:05:00Z',
  }), 'x.json');
  const file = m.file ?? `${m.learner}.json#${m.exercise}`;
  const outcome = m.error ? { checks: [], error: { kind: 'timeout' as const, message: 'stopped' } } : { checks };
  return gradeReport(file, submission, EXERCISES[m.exercise], outcome, m.assignment ? { assignment: m.assignment, handedInAt: m.handedInAt ?? '2026-12-01T09:05:00.000Z' } : {});
}

// Code of their own, long enough for the likeness notes (beyond the starter, which is empty here).
const OWN = Array.from({ length: 8 }, (_, i) => `const value${i} = helper(${i}, 'own ${i}');`).join('\n');

function classOutcome(): GradingOutcome {
  const graded = [
    // Kim: both exercises, the second one late; the first never run.
    made({ learner: 'Kim', exercise: '07-softmax', passed: 0, backend: 'none', assignment: WEEK1, handedInAt: '2026-12-10T16:00:00.000Z', file: 'kim.json#07-softmax' }),
    made({ learner: 'Kim', exercise: '01-tensor-basics', passed: 2, assignment: WEEK1, handedInAt: '2026-12-10T16:00:00.000Z', file: 'kim.json#01-tensor-basics' }),
    // Lee: handed in twice; the later file counts. Claims passed on everything: the re-run disagrees.
    made({ learner: 'Lee', exercise: '01-tensor-basics', passed: 0, assignment: WEEK1, handedInAt: '2026-12-09T10:00:00.000Z', file: 'lee-1.json#01-tensor-basics' }),
    made({ learner: 'Lee', exercise: '07-softmax', passed: 1, assignment: WEEK1, handedInAt: '2026-12-09T10:00:00.000Z', file: 'lee-1.json#07-softmax' }),
    made({ learner: 'Lee', exercise: '01-tensor-basics', passed: 1, claims: 'passed', assignment: WEEK1, handedInAt: '2026-12-10T09:00:00.000Z', file: 'lee-2.json#01-tensor-basics' }),
    made({ learner: 'Lee', exercise: '07-softmax', passed: 3, assignment: WEEK1, handedInAt: '2026-12-10T09:00:00.000Z', file: 'lee-2.json#07-softmax' }),
    // Park: the softmax part of the file could not be read; the other ran into the time limit.
    made({ learner: 'Park', exercise: '01-tensor-basics', passed: 0, error: true, assignment: WEEK1, handedInAt: '2026-12-10T10:00:00.000Z', file: 'park.json#01-tensor-basics' }),
    // The warm-up: two learners with the same own code.
    made({ learner: 'Choi', exercise: '09-training', passed: 1, code: OWN, assignment: EARLIER, file: 'choi.json#09-training' }),
    made({ learner: 'Oh', exercise: '09-training', passed: 1, code: `${OWN}\n// mine`, assignment: EARLIER, file: 'oh.json#09-training' }),
    // Single submissions, no assignment: one never finished in the learner's browser.
    made({ learner: 'Yoon', exercise: '09-training', passed: 1, claims: 'none', file: 'yoon.json' }),
    made({ learner: 'Ahn', exercise: '01-tensor-basics', passed: 2, file: 'ahn.json' }),
  ];
  return { graded: graded.sort(byKey), unreadable: [] };
}

async function withLikeness(): Promise<GradingOutcome> {
  const outcome = classOutcome();
  await noteLikeness(outcome.graded, catalog);
  return outcome;
}

const texts = (outcome: GradingOutcome) => buildGrids(outcome.graded).map((grid) => ({
  title: grid.assignment?.title ?? null,
  exercises: grid.exercises,
  rows: grid.rows.map((r) => [r.learner, ...r.cells.map(cellText), `${r.total.passed}/${r.total.total} ${r.total.score}`]),
}));

describe('buildGrids', () => {
  it('makes one grid per assignment (by title) and one for single submissions, learners × the assignment\'s exercises in its order', async () => {
    const outcome = await withLikeness();
    expect(texts(outcome)).toEqual([
      { title: 'A warm-up', exercises: ['09-training'], rows: [['Choi', '1/1 =', '1/1 100'], ['Oh', '1/1 =', '1/1 100']] },
      { title: 'Week 1', exercises: ['07-softmax', '01-tensor-basics'], rows: [
        ['Kim', '0/3 L~', '2/2 L', '2/5 40'],
        ['Lee', '3/3 +', '1/2 ?+', '4/5 80'],
        ['Park', '—', '0/2 !', '0/5 0'],
      ] },
      { title: null, exercises: ['01-tensor-basics', '09-training'], rows: [['Ahn', '2/2', '—', '2/3 67'], ['Yoon', '—', '1/1 ?', '1/3 33']] },
    ]);
  });

  it('points each cell at the row it shows: the latest hand-in, or none', async () => {
    const outcome = await withLikeness();
    const week1 = buildGrids(outcome.graded)[1];
    const lee = week1.rows[1];
    expect(lee.cells.map((c) => (c.row === null ? null : outcome.graded[c.row].file))).toEqual(['lee-2.json#07-softmax', 'lee-2.json#01-tensor-basics']);
    expect(lee.cells.map((c) => [c.count, c.status])).toEqual([[2, 'pass'], [2, 'fail']]);
    expect(week1.rows[2].cells[0]).toMatchObject({ row: null, status: 'missing', passed: 0, total: 3, marks: [], count: 0 });
  });

  it('has no grid for no rows, and marks nothing for a plain pass', () => {
    expect(buildGrids([])).toEqual([]);
    const plain = buildGrids([made({ learner: 'Kim', exercise: '01-tensor-basics', passed: 2 })]);
    expect(plain).toEqual([{ assignment: null, exercises: ['01-tensor-basics'], rows: [{ learner: 'Kim', cells: [expect.objectContaining({ status: 'pass', marks: [], row: 0 })], total: { passed: 2, total: 2, score: 100 } }] }]);
  });
});

describe('the grid in the reports', () => {
  it('prints each grid with its title, columns, marks and a legend, in the report\'s language', async () => {
    const outcome = await withLikeness();
    const en = formatGrids(outcome, 'en');
    expect(en[0]).toBe('Grids by assignment');
    const at = en.indexOf('Assignment: Week 1 (class 2B, due 2026-12-10T23:59+09:00)');
    expect(en.slice(at + 1, at + 6)).toEqual([
      'Learner  07-softmax  01-tensor-basics  Total',
      '-------  ----------  ----------------  ---------',
      'Kim      0/3 L~      2/2 L             2/5 (40%)',
      'Lee      3/3 +       1/2 ?+            4/5 (80%)',
      'Park     —           0/2 !             0/5 (0%)',
    ]);
    expect(en).toContain('Submissions without an assignment');
    expect(en).toContain('  L handed in after the due date');
    const ko = formatGrids(outcome, 'ko');
    expect(ko).toContain('과제: Week 1 (반 2B, 마감 2026-12-10T23:59+09:00)');
    expect(ko.find((l) => l.startsWith('학습자'))).toBe('학습자  09-training  합계');
    expect(ko).toContain('  = 다른 학습자의 코드와 같거나 거의 같음 (판정이 아니라 살펴볼 점)');
  });

  it('writes the grids into the JSON report (not a shard\'s), the same after a merge of shard reports', async () => {
    const outcome = await withLikeness();
    const report = toJsonReport(outcome, 'en');
    expect(report.grids?.map((g) => g.assignment?.title ?? null)).toEqual(['A warm-up', 'Week 1', null]);
    const kim = report.grids![1].rows[0];
    expect(kim.cells[0]).toEqual({ exercise: '07-softmax', file: 'kim.json#07-softmax', status: 'fail', passed: 0, total: 3, marks: ['late', 'never-run'], text: '0/3 L~' });
    expect(kim.total).toEqual({ passed: 2, total: 5, score: 40, text: '2/5 (40%)' });
    expect(report.grids![1].rows[2].cells[0]).toMatchObject({ file: null, status: 'missing', text: '—' });
    expect(report.submissions.find((s) => s.file === 'kim.json#07-softmax')).toMatchObject({ neverRun: true, claimsDiffer: false, alike: false, late: true });
    expect(toJsonReport(outcome, 'en', '1/2').grids).toBeUndefined();

    // Two slices (without likeness, as --shard grades them) merge into the one run's report, grid included.
    const work = mkdtempSync(join(tmpdir(), 'grid-merge-'));
    try {
      const slices = [classOutcome(), classOutcome()];
      slices[0].graded = slices[0].graded.filter((_, i) => i % 2 === 0);
      slices[1].graded = slices[1].graded.filter((_, i) => i % 2 === 1);
      const paths = slices.map((slice, i) => {
        const path = join(work, `s${i + 1}.json`);
        writeFileSync(path, serializeJsonReport(toJsonReport(slice, 'en', `${i + 1}/2`)));
        return path;
      });
      const merged = await mergeShardReports(paths, catalog, undefined);
      expect(toJsonReport(merged.outcome, 'en').grids).toEqual(report.grids);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});

