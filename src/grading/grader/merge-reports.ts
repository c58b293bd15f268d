// `npm run grade -- merge s1.json s2.json …`: joins the JSON reports of
// `--shard 1/N` … `N/N` into the report one run over the whole class gives:
// the same order, likeness notes across slices (a slice cannot see the
// others' code, so slices leave them to the merge), one language. A missing,
// repeated or foreign report is a ToolError that says which and what to do.
import { readFileSync, statSync } from 'node:fs';
import type { Locale, Localized } from '../../contract/locale.ts';
import { SubmissionError } from '../submission/error.ts';
import { byKey, compare, noteLikeness } from './grade-submissions.ts';
import type { JsonReport, JsonSubmission } from './json-report.ts';
import { ToolError } from './tool-error.ts';
import type { ExerciseCatalog, GradedSubmission, GradingOutcome, UnreadableFile } from './types.ts';

/** Large enough for a class of thousands with code and output; a bigger file is not a report. */
const MAX_REPORT_BYTES = 512 * 1024 * 1024;

/** An unreadable file as a shard reported it: its message, already in the report's language. */
class ReportedFileError extends SubmissionError {
  reported: string | undefined;

  constructor(file: string, message: string) {
    super(file, null, { ko: message, en: message }, { ko: '', en: '' });
    this.reported = message;
  }

  override text(locale: Locale): string {
    return this.reported ?? super.text(locale);
  }
}

function readReport(path: string): JsonReport {
  const fail = (problem: string): never => {
    throw new ToolError(`${path}: ${problem}; name the --json files that \`npm run grade -- --shard K/N\` wrote`);
  };
  let text = '';
  try {
    const stat = statSync(path);
    if (!stat.isFile()) fail('is not a regular file');
    if (stat.size > MAX_REPORT_BYTES) fail('is too large to be a grades report');
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof ToolError) throw error;
    fail(`cannot be read (${(error as Error).message})`);
  }
  let report: Partial<JsonReport>;
  try {
    report = JSON.parse(text) as Partial<JsonReport>;
  } catch {
    return fail('is not JSON');
  }
  if (report?.format !== 'mnist-course-grades' || report.version !== 1 || !Array.isArray(report.submissions)) fail('is not a grades report (format mnist-course-grades, version 1)');
  if (report.lang !== 'ko' && report.lang !== 'en') fail('has no report language (made by an older grader?)');
  if (typeof report.shard !== 'string' || !/^[1-9]\d*\/[1-9]\d*$/.test(report.shard)) fail('is not a shard report (it has no "shard": "K/N")');
  return report as JsonReport;
}

/** Every slice 1…N exactly once, all of N, all in one language. */
function checkComplete(reports: { path: string; report: JsonReport }[], lang: Locale | undefined): Locale {
  const count = Number(reports[0].report.shard!.split('/')[1]);
  const seen = new Map<number, string>();
  for (const { path, report } of reports) {
    const [k, n] = report.shard!.split('/').map(Number);
    if (n !== count) throw new ToolError(`${path} is slice ${report.shard}, but ${reports[0].path} is one of ${count}: merge the slices of one run`);
    if (seen.has(k)) throw new ToolError(`slice ${k}/${n} is given twice (${seen.get(k)} and ${path}): name each slice once`);
    seen.set(k, path);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((k) => !seen.has(k));
  if (missing.length > 0) throw new ToolError(`slices ${missing.map((k) => `${k}/${count}`).join(', ')} are missing: grade them with --shard, then merge all ${count}`);
  const langs = new Set(reports.map(({ report }) => report.lang));
  if (langs.size > 1) throw new ToolError('the slices were written in different languages: grade them again with the same --lang');
  const written = reports[0].report.lang;
  if (lang !== undefined && lang !== written) throw new ToolError(`the slices were written in ${written}; merge cannot translate them: leave out --lang, or grade the slices again with --lang ${lang}`);
  return written;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const both = (value: string): Localized => ({ ko: value, en: value });

function toGraded(s: JsonSubmission, lang: Locale): GradedSubmission {
  const graded: GradedSubmission = {
    file: text(s.file), learner: text(s.learner), exercise: text(s.exercise), locale: lang, submittedAt: text(s.submittedAt), code: text(s.code),
    status: s.status, passed: s.passed, total: s.total, score: s.score,
    tests: (s.tests ?? []).map((t) => ({
      id: text(t.name), title: both(text(t.title)), graded: t.graded === true, status: t.status,
      ...(typeof t.message === 'string' ? { message: both(t.message) } : {}),
    })),
    notes: (s.notes ?? []).map((n) => both(text(n))),
    output: (s.output ?? []).map(text),
    outputTruncated: s.outputTruncated === true,
  };
  if (typeof s.message === 'string') graded.error = both(s.message);
  if (s.assignment) {
    // A report from before the grid has no exercise list: the grid then takes the exercises handed in.
    const exercises = Array.isArray(s.assignment.exercises) ? s.assignment.exercises.map(text) : [];
    graded.assignment = { title: text(s.assignment.title), classCode: text(s.assignment.classCode), ...(typeof s.assignment.due === 'string' ? { due: s.assignment.due } : {}), exercises };
  }
  // The grid's marks; likeness is noted again across the whole class below.
  if (s.claimsDiffer === true) graded.claimsDiffer = true;
  if (s.neverRun === true) graded.neverRun = true;
  if (typeof s.handedInAt === 'string') graded.handedInAt = s.handedInAt;
  return graded;
}

/** Reads, checks and joins the shard reports at `paths`. */
export async function mergeShardReports(paths: readonly string[], catalog: ExerciseCatalog, lang: Locale | undefined): Promise<{ outcome: GradingOutcome; lang: Locale }> {
  const reports = paths.map((path) => ({ path, report: readReport(path) }));
  const written = checkComplete(reports, lang);
  const graded: GradedSubmission[] = [];
  const unreadable: UnreadableFile[] = [];
  for (const { report } of reports) {
    for (const s of report.submissions) {
      if (s.learner === null) unreadable.push({ file: text(s.file), error: new ReportedFileError(text(s.file), text(s.message)) });
      else graded.push(toGraded(s, written));
    }
  }
  // The slices' own notes stay; likeness across the whole class is added as one run adds it.
  await noteLikeness(graded, catalog);
  return { outcome: { graded: graded.sort(byKey), unreadable: unreadable.sort((a, b) => compare(a.file, b.file)) }, lang: written };
}
