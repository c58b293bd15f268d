// --json: one object per submission, in the spirit of Exercism's results.json
// ({ status, message, tests: [{ name, status, message }] }), plus who and what.
import type { Locale } from '../../contract/locale.ts';
import type { GradeStatus, GradingOutcome } from './types.ts';

export interface JsonTest {
  name: string;
  title: string;
  graded: boolean;
  status: GradeStatus;
  message: string | null;
}

export interface JsonSubmission {
  file: string;
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
}

export interface JsonReport {
  format: 'mnist-course-grades';
  version: 1;
  submissions: JsonSubmission[];
}

export function toJsonReport(outcome: GradingOutcome, lang: Locale | undefined, fallback: Locale): JsonReport {
  const graded = outcome.graded.map((g): JsonSubmission => {
    const locale = lang ?? g.locale;
    return {
      file: g.file, learner: g.learner, exercise: g.exercise, status: g.status, score: g.score, passed: g.passed, total: g.total,
      message: g.error?.[locale] ?? null,
      notes: g.notes.map((n) => n[locale]),
      tests: g.tests.map((t) => ({ name: t.id, title: t.title[locale], graded: t.graded, status: t.status, message: t.message?.[locale] ?? null })),
    };
  });
  const unreadable = outcome.unreadable.map((u): JsonSubmission => ({
    file: u.file, learner: null, exercise: null, status: 'error', score: 0, passed: 0, total: 0,
    message: u.error.text(lang ?? fallback), notes: [], tests: [],
  }));
  return { format: 'mnist-course-grades', version: 1, submissions: [...graded, ...unreadable] };
}

export const serializeJsonReport = (report: JsonReport): string => `${JSON.stringify(report, null, 2)}\n`;
