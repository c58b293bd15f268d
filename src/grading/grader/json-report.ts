// --json: one object per submission, in the spirit of Exercism's results.json
// ({ status, message, tests: [{ name, status, message }] }), plus who and
// what, and what the run printed. Every string is shown as visible-text.ts
// writes it (no bidi or zero-width tricks in a learner's name).
import type { Locale } from '../../contract/locale.ts';
import type { GradeStatus, GradingOutcome } from './types.ts';
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
  assignment: { title: string; classCode: string; due: string | null } | null;
  /** When the hand-in file was made; null for a single submission. */
  handedInAt: string | null;
  /** Handed in after the assignment's due date; null without a due date or a hand-in. */
  late: boolean | null;
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
}

/** Every message in `lang`. */
export function toJsonReport(outcome: GradingOutcome, lang: Locale, shard?: string): JsonReport {
  const line = (text: unknown): string => visibleText(text);
  const lines = (text: unknown): string => visibleText(text, true);
  const orNull = (text: unknown): string | null => (text === undefined || text === null ? null : lines(text));
  const graded = outcome.graded.map((g): JsonSubmission => {
    const locale = lang;
    return {
      file: line(g.file), submittedAt: line(g.submittedAt),
      assignment: g.assignment ? { title: line(g.assignment.title), classCode: line(g.assignment.classCode), due: g.assignment.due === undefined ? null : line(g.assignment.due) } : null,
      handedInAt: g.handedInAt === undefined ? null : line(g.handedInAt), late: lateness(g),
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
    file: line(u.file), submittedAt: null, assignment: null, handedInAt: null, late: null, learner: null, exercise: null, status: 'error', score: 0, passed: 0, total: 0,
    message: lines(u.error.text(lang)), notes: [], tests: [], output: [], outputTruncated: false, code: null,
  }));
  return { format: 'mnist-course-grades', version: 1, lang, ...(shard ? { shard } : {}), submissions: [...graded, ...unreadable] };
}

export const serializeJsonReport = (report: JsonReport): string => `${JSON.stringify(report, null, 2)}\n`;
