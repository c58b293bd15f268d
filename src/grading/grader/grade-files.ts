// Reads and validates every submission file, then re-runs the valid ones in
// parallel; the outcome is sorted by learner, exercise, submission time, file.
import { readFile } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import type { Localized } from '../../contract/locale.ts';
import { parseSubmission } from '../submission.ts';
import { SubmissionError } from '../submission/error.ts';
import type { Submission } from '../submission/validate.ts';
import { gradeReport } from './grade-report.ts';
import { mapPool } from './pool.ts';
import type { ExerciseCatalog, GradedSubmission, GradingOutcome, Runner, UnreadableFile } from './types.ts';

export interface GradeFilesOptions {
  jobs: number;
  memoryMb: number;
  /** Folder holding `<dataset>/manifest.json`, passed to each run. */
  dataBase: string;
  /** Called as each submission finishes (for a progress line). */
  onGraded?: (done: number, total: number) => void;
}

export const displayPath = (file: string): string => relative(process.cwd(), file).split(sep).join('/');

async function read(file: string, catalog: ExerciseCatalog): Promise<Submission | UnreadableFile> {
  const shown = displayPath(file);
  try {
    return parseSubmission(await readFile(file, 'utf8'), shown, { exerciseIds: catalog.ids });
  } catch (error) {
    if (error instanceof SubmissionError) return { file: shown, error };
    const problem: Localized = { en: `cannot read the file (${(error as Error).message})`, ko: `파일을 읽을 수 없습니다 (${(error as Error).message})` };
    return { file: shown, error: new SubmissionError(shown, null, problem, { en: 'check the file\'s permissions', ko: '파일 권한을 확인하세요' }) };
  }
}

const byKey = (a: GradedSubmission, b: GradedSubmission): number =>
  compare(a.learner, b.learner) || compare(a.exercise, b.exercise) || compare(a.submittedAt, b.submittedAt) || compare(a.file, b.file);
// Code-point order: the same on every machine (Hangul syllables are in dictionary order).
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export interface ReadOutcome {
  valid: { file: string; submission: Submission }[];
  unreadable: UnreadableFile[];
}

/** Reads and validates every file; a bad one is kept with its error, never thrown. */
export async function readSubmissions(files: readonly string[], catalog: ExerciseCatalog): Promise<ReadOutcome> {
  const unreadable: UnreadableFile[] = [];
  const valid: ReadOutcome['valid'] = [];
  for (const file of files) {
    const outcome = await read(file, catalog);
    if ('error' in outcome) unreadable.push(outcome);
    else valid.push({ file: displayPath(file), submission: outcome });
  }
  return { valid, unreadable };
}

/** Re-runs the valid submissions, at most `jobs` at a time, each in its own process (the runner's job). */
export async function gradeSubmissions(read_: ReadOutcome, catalog: ExerciseCatalog, runner: Runner, options: GradeFilesOptions): Promise<GradingOutcome> {
  let done = 0;
  const graded = await mapPool(read_.valid, options.jobs, async ({ file, submission }, index) => {
    const exercise = await catalog.get(submission.exerciseId);
    const request = { runId: `grade-${index}`, code: submission.code, exerciseId: submission.exerciseId, locale: submission.locale, dataBase: options.dataBase };
    let result: GradedSubmission;
    try {
      const report = await runner(request, { timeoutMs: exercise.definition.timeBudgetMs, memoryMb: options.memoryMb });
      result = gradeReport(file, submission, exercise, { checks: report.checks, error: report.error });
    } catch (error) {
      const message = (error as Error).message;
      result = gradeReport(file, submission, exercise, { failure: { en: `the grader could not run it: ${message}`, ko: `채점기가 실행하지 못함: ${message}` } });
    }
    options.onGraded?.(++done, read_.valid.length);
    return result;
  });
  const unreadable = [...read_.unreadable].sort((a, b) => compare(a.file, b.file));
  return { graded: graded.sort(byKey), unreadable };
}
