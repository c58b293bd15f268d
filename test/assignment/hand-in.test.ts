// The hand-in file: built from the progress store as the assignment page
// builds it, read back by the grader into one submission per exercise, each
// shown as `file#exercise-id` and carrying the assignment and hand-in time.
// A problem with one exercise's submission makes only that one unreadable.
import { describe, expect, it } from 'vitest';
import { buildHandIn, type WorkSources } from '../../src/components/assignment/hand-in.ts';
import { nodeCatalog } from '../../src/grading/grader/catalog.ts';
import { gradeSubmissions, readSubmissions } from '../../src/grading/grader/grade-submissions.ts';
import type { Runner } from '../../src/grading/grader/types.ts';
import { handInFileName, NOT_RUN_BACKEND, serializeHandIn } from '../../src/grading/hand-in/hand-in.ts';
import { createSubmission, validateSubmission } from '../../src/grading/submission.ts';
import type { LastRun } from '../../src/progress/last-run.ts';

const catalog = nodeCatalog();
const assignment = { title: '1주차 과제', classCode: '2반', due: '2026-12-10T23:59+09:00', exercises: ['09-training', '01-tensor-basics', '02-mnist-shapes'] };
const versions = { '09-training': 'aaaaaaaaaaaa', '01-tensor-basics': 'bbbbbbbbbbbb', '02-mnist-shapes': 'cccccccccccc' };
const run: LastRun = {
  results: [{ id: 'flat-shape', status: 'passed' }, { id: 'scaled-range', status: 'failed', message: { ko: '255로 나누세요', en: 'divide by 255' } }],
  backend: 'wasm', seed: 7, startedAt: '2026-12-01T09:00:00.000Z',
};
/** Only 01 was run; 09 has a draft but no run; 02 was never opened. */
const sources: WorkSources = {
  draft: (id) => ({ '01-tensor-basics': 'export const flat = 1;\n', '09-training': '// my draft\n' } as Record<string, string>)[id] ?? null,
  lastRun: (id) => (id === '01-tensor-basics' ? run : null),
  starter: async (id) => `// starter of ${id}\n`,
};
const openedAt = new Date('2026-12-02T08:00:00.000Z');
const now = new Date('2026-12-02T08:30:00.000Z');

async function handInText(): Promise<string> {
  return (await buildHandIn({ assignment, learnerName: ' 김민지 ', locale: 'ko', versions, openedAt, now }, sources)).text;
}

describe('building a hand-in', () => {
  it('holds one submission per exercise in the single-submission format, never-run ones as not attempted', async () => {
    const { fileName, text } = await buildHandIn({ assignment, learnerName: '김민지', locale: 'en', versions, openedAt, now }, sources);
    expect(fileName).toBe('김민지-1주차-과제.json');
    const file = JSON.parse(text);
    expect(file).toMatchObject({ format: 'mnist-course-hand-in', version: 1, assignment, handedInAt: now.toISOString() });
    const [training, basics, shapes] = file.submissions;
    for (const submission of file.submissions) expect(validateSubmission(submission, 'x', { exerciseIds: catalog.ids })).toEqual(submission);
    expect(basics).toMatchObject({ exerciseId: '01-tensor-basics', code: 'export const flat = 1;\n', backend: 'wasm', seed: 7, startedAt: run.startedAt, contentVersion: 'bbbbbbbbbbbb' });
    expect(basics.results).toEqual([{ id: 'flat-shape', status: 'passed' }, { id: 'scaled-range', status: 'failed', message: 'divide by 255' }]);
    expect(training).toMatchObject({ code: '// my draft\n', results: [], backend: NOT_RUN_BACKEND, startedAt: openedAt.toISOString(), submittedAt: now.toISOString() });
    expect(training.seed).toBeUndefined();
    expect(shapes).toMatchObject({ code: '// starter of 02-mnist-shapes\n', results: [] });
  });

  it('names the file for the learner and the assignment with safe characters only', () => {
    expect(handInFileName('../Kim  Minji', 'HW 1: tensors/shapes?')).toBe('Kim-Minji-HW-1-tensors-shapes.json');
    expect(handInFileName('   ', '***')).toBe('learner-assignment.json');
  });

  it('refuses a hand-in the grader could not read (over 1 MB), with the fix', async () => {
    const big = { ...sources, draft: () => `// ${'x'.repeat(190 * 1024)}\n` };
    const huge = { ...assignment, exercises: catalog.ids.slice(0, 6) };
    const all = Object.fromEntries(catalog.ids.map((id) => [id, 'dddddddddddd']));
    await expect(buildHandIn({ assignment: huge, learnerName: 'Kim', locale: 'en', versions: all, openedAt, now }, big))
      .rejects.toThrow(/the hand-in would be 1\.\d MB; the grader reads at most 1 MB\. Fix: remove data pasted/);
  });
});

describe('reading a hand-in for grading', () => {
  it('expands into one submission per exercise, each with its path, the assignment and the hand-in time', async () => {
    const read = readSubmissions([{ file: 'class/kim-hw1.json', text: await handInText() }], catalog);
    expect(read.unreadable).toEqual([]);
    expect(read.valid.map((v) => v.file)).toEqual(['class/kim-hw1.json#09-training', 'class/kim-hw1.json#01-tensor-basics', 'class/kim-hw1.json#02-mnist-shapes']);
    for (const entry of read.valid) {
      expect(entry.assignment).toEqual({ title: '1주차 과제', classCode: '2반', due: '2026-12-10T23:59+09:00', exercises: ['09-training', '01-tensor-basics', '02-mnist-shapes'] });
      expect(entry.handedInAt).toBe(now.toISOString());
      expect(entry.submission.learner.name).toBe('김민지');
    }
  });

  it('makes only the broken exercise unreadable, naming it, and reads the others', async () => {
    const file = JSON.parse(await handInText());
    file.submissions[1].code = 42;
    file.submissions[2].exerciseId = '09-training';
    const read = readSubmissions([{ file: 'kim-hw1.json', text: JSON.stringify(file) }], catalog);
    expect(read.valid.map((v) => v.file)).toEqual(['kim-hw1.json#09-training']);
    expect(read.unreadable.map((u) => u.error.text('en'))).toEqual([
      'kim-hw1.json#01-tensor-basics: field `code` must be a string (found the number 42). Fix: export the submission again from the exercise page instead of editing the file',
      'kim-hw1.json#02-mnist-shapes: this submission is for `09-training`, not for the assignment\'s exercise `02-mnist-shapes`. Fix: ask the learner to press Hand in again on the assignment page and send the new file unchanged',
    ]);
  });

  it('refuses a malformed or too large file as a whole, with the problem and the fix', async () => {
    const good = JSON.parse(await handInText());
    const cases: [string, RegExp][] = [
      ['{"format":"mnist-course-hand-in",', /^a\.json: not JSON \(line 1, col 34/],
      [JSON.stringify({ ...good, version: 2 }), /unknown hand-in version 2: these course tools read version 1\. Fix: update the course tools/],
      [JSON.stringify({ ...good, version: '1' }), /field `version` must be 1/],
      [JSON.stringify({ ...good, assignment: { ...assignment, title: '' } }), /in field `assignment`: `title` is empty\. Fix: ask the learner to press Hand in again/],
      [JSON.stringify({ ...good, assignment: { ...assignment, secret: 1 } }), /in field `assignment`: unknown field `secret`/],
      [JSON.stringify({ ...good, handedInAt: 'yesterday' }), /field `handedInAt` must be a date and time/],
      [JSON.stringify({ ...good, submissions: good.submissions.slice(1) }), /must hold one submission for each of the assignment's 3 exercises/],
      [JSON.stringify({ ...good, submissions: {} }), /must hold one submission for each/],
      [' '.repeat(1024 * 1024 + 1), /^a\.json: the file is 1\.0 MB; a submission is at most 1 MB/],
    ];
    for (const [text, problem] of cases) {
      const read = readSubmissions([{ file: 'a.json', text }], catalog);
      expect(read.valid).toEqual([]);
      expect(read.unreadable.map((u) => u.file)).toEqual(['a.json']);
      expect(read.unreadable[0].error.text('en')).toMatch(problem);
      expect(read.unreadable[0].error.text('ko')).toMatch(/해결: /);
    }
  });

  it('carries the assignment and hand-in time into the graded submissions, and a single submission carries none', async () => {
    const single = createSubmission({
      exerciseId: '01-tensor-basics', contentVersion: 'bbbbbbbbbbbb', learnerName: 'Lee', locale: 'en', code: 'x', results: [], backend: 'wasm', startedAt: openedAt,
    });
    const read = readSubmissions([{ file: 'kim-hw1.json', text: await handInText() }, { file: 'lee.json', text: JSON.stringify(single) }], catalog);
    let runs = 0;
    const runner: Runner = async (request) => {
      runs++;
      return { runId: request.runId, backend: 'cpu', events: [], console: [], shows: [], checks: [], ok: true };
    };
    const outcome = await gradeSubmissions(read, catalog, runner, { jobs: 1, memoryMb: 0, dataBase: '' });
    expect(runs).toBe(4);
    const byFile = Object.fromEntries(outcome.graded.map((g) => [g.file, g]));
    expect(byFile['kim-hw1.json#02-mnist-shapes']).toMatchObject({ assignment: { title: '1주차 과제', classCode: '2반', due: '2026-12-10T23:59+09:00' }, handedInAt: now.toISOString() });
    expect(byFile['lee.json'].assignment).toBeUndefined();
    expect(byFile['lee.json'].handedInAt).toBeUndefined();
    // The backend note compares with the learner's run: an exercise never run has none to compare.
    const backendNotes = (file: string) => byFile[file].notes.filter((n) => n.en.includes('the re-run used cpu'));
    expect(backendNotes('kim-hw1.json#02-mnist-shapes')).toEqual([]);
    expect(backendNotes('kim-hw1.json#01-tensor-basics')).toHaveLength(1);
    // …and says it was never attempted; an exercise that was run does not.
    expect(byFile['kim-hw1.json#02-mnist-shapes'].notes[0].en).toBe('not attempted: the learner handed this exercise in without ever running it');
    expect(byFile['kim-hw1.json#01-tensor-basics'].notes.some((n) => n.en.startsWith('not attempted'))).toBe(false);
  });
});
