// From submission texts to a graded outcome, wherever the texts came from
// (files on disk for `npm run grade`, dropped files on the gradebook page):
// validate each, re-run the valid ones through the runner at most `jobs` at
// a time, and sort the outcome by learner, exercise, submission time, file.
// Isomorphic: the same code makes the command line's and the page's reports.
import type { Localized } from '../../contract/locale.ts';
import type { RunRequest } from '../../contract/protocol.ts';
import { isHandIn, readHandIn, type ReadSubmission } from '../hand-in/read.ts';
import { NOT_RUN_BACKEND } from '../hand-in/hand-in.ts';
import { parseJsonFile } from '../submission.ts';
import { SubmissionError } from '../submission/error.ts';
import { validateSubmission } from '../submission/validate.ts';
import { gradeReport } from './grade-report.ts';
import { mapPool } from './pool.ts';
import { likenessNote, similarPairs } from './similar-code.ts';
import { visibleText } from './visible-text.ts';
import type { ExerciseCatalog, GradedSubmission, GradingOutcome, Runner, UnreadableFile } from './types.ts';

/** A file as found: its text, or why it was not read. `file` is the path shown to the teacher. */
export type SubmissionText = { file: string; text: string } | UnreadableFile;

export interface ReadOutcome {
  /** Single submissions, and each submission of a hand-in file (`file#exercise-id`). */
  valid: ReadSubmission[];
  unreadable: UnreadableFile[];
}

export interface GradeOptions {
  jobs: number;
  memoryMb: number;
  /** Base URL that holds `<dataset>/manifest.json`, passed to each run. */
  dataBase: string;
  /** Called as each submission finishes (for a progress line). */
  onGraded?: (done: number, total: number) => void;
  /** False for one shard of a class: likeness needs every submission, so `grade merge` notes it. */
  noteLikeness?: boolean;
}

/** Validates every text; a bad one is kept with its error, never thrown. */
export function readSubmissions(texts: readonly SubmissionText[], catalog: ExerciseCatalog): ReadOutcome {
  const unreadable: UnreadableFile[] = [];
  const valid: ReadOutcome['valid'] = [];
  for (const entry of texts) {
    if ('error' in entry) {
      unreadable.push(entry);
      continue;
    }
    try {
      const value = parseJsonFile(entry.text, entry.file);
      const options = { exerciseIds: catalog.ids };
      if (isHandIn(value)) {
        const handIn = readHandIn(value, entry.file, options);
        valid.push(...handIn.valid);
        unreadable.push(...handIn.unreadable);
      } else {
        valid.push({ file: entry.file, submission: validateSubmission(value, entry.file, options) });
      }
    } catch (error) {
      if (!(error instanceof SubmissionError)) throw error;
      unreadable.push({ file: entry.file, error });
    }
  }
  return { valid, unreadable };
}

/** Same seed, another backend: the arithmetic (and so a trained model) may differ slightly. */
const backendNote = (recorded: string, used: string): Localized => ({
  en: `the learner ran on ${recorded}; the re-run used ${used}, so trained numbers may differ slightly`,
  ko: `학습자는 ${recorded}에서 실행했고 다시 실행은 ${used}에서 했습니다: 학습 결과 수치가 조금 다를 수 있습니다`,
});

// Code-point order: the same on every machine (Hangul syllables are in dictionary order).
export const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
/** The reports' order: learner, exercise, time, file. */
export const byKey = (a: GradedSubmission, b: GradedSubmission): number =>
  compare(a.learner, b.learner) || compare(a.exercise, b.exercise) || compare(a.submittedAt, b.submittedAt) || compare(a.file, b.file);

/**
 * Adds a note to each of two submissions by different learners whose own code
 * is the same or nearly so. Compared in file order, on the code as the JSON
 * report shows it, so a merge of shard reports notes exactly what one run does.
 */
export async function noteLikeness(graded: GradedSubmission[], catalog: ExerciseCatalog): Promise<void> {
  const given = new Map<string, readonly string[]>();
  for (const id of new Set(graded.map((g) => g.exercise))) given.set(id, (await catalog.get(id)).givenCode);
  const inFileOrder = [...graded].sort((a, b) => compare(a.file, b.file));
  const items = inFileOrder.map((g, index) => ({ index, file: g.file, learner: g.learner, exercise: g.exercise, code: visibleText(g.code, true) }));
  for (const { a, b, kind, share } of similarPairs(items, (exercise) => given.get(exercise) ?? [])) {
    inFileOrder[a].notes.push(likenessNote(kind, share, inFileOrder[b]));
    inFileOrder[b].notes.push(likenessNote(kind, share, inFileOrder[a]));
    inFileOrder[a].alike = true;
    inFileOrder[b].alike = true;
  }
}

/** Re-runs the valid submissions, at most `jobs` at a time; one run's failure never stops the others. */
export async function gradeSubmissions(read: ReadOutcome, catalog: ExerciseCatalog, runner: Runner, options: GradeOptions): Promise<GradingOutcome> {
  let done = 0;
  const graded = await mapPool(read.valid, options.jobs, async ({ file, submission, ...origin }, index) => {
    const exercise = await catalog.get(submission.exerciseId);
    const request: RunRequest = { runId: `grade-${index}`, code: submission.code, exerciseId: submission.exerciseId, locale: submission.locale, dataBase: options.dataBase, seed: submission.seed };
    let result: GradedSubmission;
    try {
      const report = await runner(request, { timeoutMs: exercise.definition.timeBudgetMs, memoryMb: options.memoryMb });
      const outputTruncated = report.events.some((e) => e.type === 'output-truncated');
      result = gradeReport(file, submission, exercise, { checks: report.checks, error: report.error, output: report.console, outputTruncated }, origin);
      if (report.shows.length > 0) result.pictures = report.shows;
      // An exercise handed in without ever being run has no backend to compare.
      if (report.backend && submission.backend !== NOT_RUN_BACKEND && report.backend !== submission.backend) result.notes.push(backendNote(submission.backend, report.backend));
    } catch (error) {
      const message = String((error as Error)?.message ?? error);
      const failure: Localized = { en: `the grader could not run it: ${message}`, ko: `채점기가 실행하지 못함: ${message}` };
      result = gradeReport(file, submission, exercise, { failure }, origin);
    }
    options.onGraded?.(++done, read.valid.length);
    return result;
  });
  if (options.noteLikeness !== false) await noteLikeness(graded, catalog);
  const unreadable = [...read.unreadable].sort((a, b) => compare(a.file, b.file));
  return { graded: graded.sort(byKey), unreadable };
}
