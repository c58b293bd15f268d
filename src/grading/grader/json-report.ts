// --json: one object per submission, in the spirit of Exercism's results.json
// ({ status, message, tests: [{ name, status, message }] }), plus who and
// what, and what the run printed. Every string is shown as visible-text.ts
// writes it (no bidi or zero-width tricks in a learner's name).
import type { Locale } from '../../contract/locale.ts';
import type { Assignment } from '../assignment/assignment.ts';
import type { GradeStatus, GradingOutcome } from './types.ts';
import { buildGrids, cellText, totalText, type GridMark } from './grid.ts';
import { lateness } from './lateness.ts';
import { visibleText } from './visible-text.ts';

export interface JsonTest {
  name: string;
  title: string;
  graded: boolean;
  status: GradeStatus;
  message: string | null;
}

export interface JsonSubmission {
  file: string;
  /** When the learner exported it (the submission's own claim); null for a file that could not be read. */
  submittedAt: string | null;
  /** The assignment a hand-in file was made for; null for a single submission. */
  assignment: { title: string; classCode: string; due: string | null; exercises: string[] } | null;
  /** When the hand-in file was made; null for a single submission. */
  handedInAt: string | null;
  /** Handed in after the assignment's due date; null without a due date or a hand-in. */
  late: boolean | null;
  /** The learner's browser claimed otherwise than the re-run, or never finished a run (see notes). */
  claimsDiffer: boolean;
  /** An exercise of a hand-in that the learner never ran. */
  neverRun: boolean;
  /** Another learner handed in the same or nearly the same code (see notes); a note, not a verdict. */
  alike: boolean;
  learner: string | null;
  exercise: string | null;
  status: GradeStatus;
  score: number;
  passed: number;
  total: number;
  /** Why the run or the file failed as a whole (status "error"). */
  message: string | null;
  notes: string[];
  tests: JsonTest[];
  /** What the run printed (one entry per console call), capped; empty for a file that could not be read. */
  output: string[];
  /** True when the run printed more than `output` holds. */
  outputTruncated: boolean;
  /** The learner's code (hidden characters shown visibly); null for a file that could not be read. */
  code: string | null;
}

export interface JsonReport {
  format: 'mnist-course-grades';
  version: 1;
  /** The report's one language. */
  lang: Locale;
  /** "K/N" when this is one shard of a class (--shard); `grade merge` joins them. */
  shard?: string;
  submissions: JsonSubmission[];
  /** Each assignment's grid, learners × exercises (grid.ts); left out of a shard's report (the merge makes it). */
  grids?: JsonGrid[];
}

export interface JsonGridCell {
  exercise: string;
  /** The submission shown (the learner's latest for this exercise); null: not handed in. */
  file: string | null;
  status: GradeStatus | 'missing';
  passed: number;
  total: number;
  marks: GridMark[];
  /** As the table and the gradebook page show it, e.g. "2/3 L?" or "—". */
  text: string;
}

export interface JsonGrid {
  /** null: the submissions handed in without an assignment. */
  assignment: JsonSubmission['assignment'];
  exercises: string[];
  rows: { learner: string; cells: JsonGridCell[]; total: { passed: number; total: number; score: number; text: string } }[];
}

const assignmentOf = (a: Assignment | undefined): JsonSubmission['assignment'] => (a
  ? { title: visibleText(a.title), classCode: visibleText(a.classCode), due: a.due === undefined ? null : visibleText(a.due), exercises: a.exercises.map((id) => visibleText(id)) }
  : null);

/** Every message in `lang`. */
export function toJsonReport(outcome: GradingOutcome, lang: Locale, shard?: string): JsonReport {
  const line = (text: unknown): string => visibleText(text);
  const lines = (text: unknown): string => visibleText(text, true);
  const orNull = (text: unknown): string | null => (text === undefined || text === null ? null : lines(text));
  const graded = outcome.graded.map((g): JsonSubmission => {
    const locale = lang;
    return {
      file: line(g.file), submittedAt: line(g.submittedAt),
      assignment: assignmentOf(g.assignment),
      handedInAt: g.handedInAt === undefined ? null : line(g.handedInAt), late: lateness(g),
      claimsDiffer: g.claimsDiffer === true, neverRun: g.neverRun === true, alike: g.alike === true,
      learner: line(g.learner), exercise: line(g.exercise), status: g.status, score: g.score, passed: g.passed, total: g.total,
      message: orNull(g.error?.[locale]),
      notes: g.notes.map((n) => lines(n[locale])),
      tests: g.tests.map((t) => ({ name: line(t.id), title: line(t.title?.[locale]), graded: t.graded === true, status: t.status, message: orNull(t.message?.[locale]) })),
      output: g.output.map(lines),
      outputTruncated: g.outputTruncated,
      code: lines(g.code),
    };
  });
  const unreadable = outcome.unreadable.map((u): JsonSubmission => ({
    file: line(u.file), submittedAt: null, assignment: null, handedInAt: null, late: null, claimsDiffer: false, neverRun: false, alike: false, learner: null, exercise: null, status: 'error', score: 0, passed: 0, total: 0,
    message: lines(u.error.text(lang)), notes: [], tests: [], output: [], outputTruncated: false, code: null,
  }));
  const grids = buildGrids(outcome.graded).map((grid): JsonGrid => ({
    assignment: assignmentOf(grid.assignment ?? undefined),
    exercises: grid.exercises.map(line),
    rows: grid.rows.map((r) => ({
      learner: line(r.learner),
      cells: r.cells.map((c) => ({ exercise: line(c.exercise), file: c.row === null ? null : line(outcome.graded[c.row].file), status: c.status, passed: c.passed, total: c.total, marks: c.marks, text: cellText(c) })),
      total: { ...r.total, text: totalText(r.total) },
    })),
  }));
  return { format: 'mnist-course-grades', version: 1, lang, ...(shard ? { shard } : {}), submissions: [...graded, ...unreadable], ...(shard ? {} : { grids }) };
}

export const serializeJsonReport = (report: JsonReport): string => `${JSON.stringify(report, null, 2)}\n`;
