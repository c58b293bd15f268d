// Hand in: one submission per exercise of the assignment, each built exactly
// as the exercise panel's export builds one (createSubmission), from what the
// progress store holds: the draft (or the starter, for an exercise never
// opened) and the latest run's results, backend and seed (none for an
// exercise never run: the grader then reports it as not attempted).
import type { Locale } from '../../contract/locale.ts';
import type { Assignment } from '../../grading/assignment/assignment.ts';
import { handInFileName, NOT_RUN_BACKEND, serializeHandIn } from '../../grading/hand-in/hand-in.ts';
import { createSubmission } from '../../grading/submission.ts';
import type { LastRun } from '../../progress/last-run.ts';

/** Where each exercise's work comes from (the progress store and the course's starters, in the page). */
export interface WorkSources {
  draft(exerciseId: string): string | null;
  lastRun(exerciseId: string): LastRun | null;
  starter(exerciseId: string): Promise<string>;
}

export interface HandInInput {
  assignment: Assignment;
  learnerName: string;
  locale: Locale;
  /** Content versions of the exercises as this build has them. */
  versions: Record<string, string>;
  /** When the learner opened the assignment: the start of an exercise never run. */
  openedAt: Date;
  now?: Date;
}

/** The file to download; throws a CourseError (a SubmissionError) the page shows as is. */
export async function buildHandIn(input: HandInInput, sources: WorkSources): Promise<{ fileName: string; text: string }> {
  const now = input.now ?? new Date();
  const submissions = [];
  for (const id of input.assignment.exercises) {
    const run = sources.lastRun(id);
    submissions.push(createSubmission({
      exerciseId: id,
      contentVersion: input.versions[id],
      learnerName: input.learnerName,
      locale: input.locale,
      code: sources.draft(id) ?? (await sources.starter(id)),
      results: run?.results ?? [],
      backend: run?.backend || NOT_RUN_BACKEND,
      seed: run?.seed,
      startedAt: run?.startedAt ?? input.openedAt,
      submittedAt: now,
    }));
  }
  return { fileName: handInFileName(input.learnerName, input.assignment.title), text: serializeHandIn(input.assignment, submissions, now) };
}
