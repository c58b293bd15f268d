// The grader's own data: what one graded submission looks like, and the two
// things it depends on (a runner and the exercise catalog), passed in so the
// plumbing can be tested with stand-ins. The real runner runs each submission
// in a browser's Web Worker (grading/browser/run-in-browser.ts), in the
// gradebook page or in headless Chromium for `npm run grade`.
import type { ExerciseDefinition } from '../../contract/exercise.ts';
import type { Assignment } from '../assignment/assignment.ts';
import type { SubmissionError } from '../submission/error.ts';
import type { Locale, Localized } from '../../contract/locale.ts';
import type { ShowPayload } from '../../contract/show.ts';
import type { RunReport, RunRequest } from '../../contract/protocol.ts';

export type GradeStatus = 'pass' | 'fail' | 'error';

/** Runs one submission to its end (time and memory limits are the runner's to enforce); never trusts what the run says. */
export type Runner = (request: RunRequest, limits: { timeoutMs: number; memoryMb: number }) => Promise<RunReport>;

export interface CatalogEntry {
  definition: ExerciseDefinition;
  /** computeContentVersion of the exercise as it is on disk now. */
  contentVersion: string;
  /** The code every learner is given or expected to write (starter, reference solution): not a sign of copying. */
  givenCode: readonly string[];
}

export interface ExerciseCatalog {
  ids: readonly string[];
  get(id: string): Promise<CatalogEntry>;
}

export interface GradedTest {
  /** The check id. */
  id: string;
  title: Localized;
  graded: boolean;
  status: GradeStatus;
  message?: Localized;
}

export interface GradedSubmission {
  /** Path as shown to the teacher (relative to the working folder, forward slashes). */
  file: string;
  learner: string;
  exercise: string;
  locale: Locale;
  submittedAt: string;
  /** pass: every graded check passed; error: the code did not run to the end. */
  status: GradeStatus;
  passed: number;
  total: number;
  /** Percentage of graded checks passed, rounded to an integer. */
  score: number;
  tests: GradedTest[];
  /** Why the run ended early, when status is 'error'. */
  error?: Localized;
  /** Differences between the browser's claims and the re-run, and other remarks. */
  notes: Localized[];
  /** What the run printed, one entry per console call, capped by the runner. */
  output: string[];
  /** True when the run printed more than `output` keeps. */
  outputTruncated: boolean;
  /** The learner's code as handed in (the JSON report carries it: reading it, and likeness across shards). */
  code: string;
  /** The assignment it was handed in for, its exercises included (a hand-in file's submissions only). */
  assignment?: Assignment;
  /** ISO 8601: when the hand-in file was made (a hand-in file's submissions only). */
  handedInAt?: string;
  /**
   * What the per-assignment grid (grid.ts) marks, kept apart from the notes'
   * wording so that `grade merge` reads them back from a shard's JSON: the
   * browser's claims differ from the re-run (claims.ts, a run that never
   * finished in the learner's browser included); the learner never ran this
   * exercise of a hand-in; another learner's code is the same or nearly so.
   */
  claimsDiffer?: boolean;
  neverRun?: boolean;
  alike?: boolean;
  /** What the run drew (`show`), capped: the gradebook page shows them on demand; CSV and JSON leave them out. */
  pictures?: ShowPayload[];
}

export interface UnreadableFile {
  file: string;
  error: SubmissionError;
}

export interface GradingOutcome {
  graded: GradedSubmission[];
  unreadable: UnreadableFile[];
}

export const pick = (text: Localized, locale: Locale): string => text[locale];
