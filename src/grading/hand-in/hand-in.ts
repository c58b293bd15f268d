// The hand-in file: everything a learner hands in for one assignment, as one
// download from the assignment page. It holds the assignment as the link
// gave it and one submission per exercise in exactly the single-submission
// format (grading/submission/), so the grader validates each as it would a
// file of its own. Isomorphic: no Node or DOM APIs.
import type { Assignment } from '../assignment/assignment.ts';
import { SubmissionError } from '../submission/error.ts';
import { safeNamePart } from '../submission/safe-name.ts';
import { MAX_FILE_BYTES } from '../submission/schema.ts';
import type { Submission } from '../submission/validate.ts';

export const HAND_IN_FORMAT = 'mnist-course-hand-in';
export const HAND_IN_VERSION = 1;
/** The `backend` of an exercise the learner never ran (the single export refuses those; a hand-in lists them as not attempted). */
export const NOT_RUN_BACKEND = 'none';

export interface HandIn {
  format: typeof HAND_IN_FORMAT;
  version: typeof HAND_IN_VERSION;
  assignment: Assignment;
  /** ISO 8601: when the learner pressed Hand in. */
  handedInAt: string;
  /** One per exercise of the assignment, in its order. */
  submissions: Submission[];
}

/** The file's text; throws a SubmissionError when it would be too large for the grader to read. */
export function serializeHandIn(assignment: Assignment, submissions: Submission[], handedInAt: Date): string {
  const ids = submissions.map((s) => s.exerciseId);
  if (ids.join() !== assignment.exercises.join()) throw new Error(`serializeHandIn: submissions for ${ids.join()} do not match the assignment's ${assignment.exercises.join()}`);
  const handIn: HandIn = { format: HAND_IN_FORMAT, version: HAND_IN_VERSION, assignment, handedInAt: handedInAt.toISOString(), submissions };
  const text = `${JSON.stringify(handIn, null, 2)}\n`;
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_FILE_BYTES) {
    throw new SubmissionError('(new hand-in)', null, {
      en: `the hand-in would be ${(bytes / 1024 / 1024).toFixed(1)} MB; the grader reads at most ${MAX_FILE_BYTES / 1024 / 1024} MB`,
      ko: `제출 파일이 ${(bytes / 1024 / 1024).toFixed(1)} MB가 됩니다. 채점기는 최대 ${MAX_FILE_BYTES / 1024 / 1024} MB까지 읽습니다`,
    }, {
      en: 'remove data pasted into the exercises\' code (load it with loadData instead) and hand in again',
      ko: '연습 문제 코드에 붙여 넣은 데이터를 지우고(데이터는 loadData로 불러오세요) 다시 제출하세요',
    });
  }
  return text;
}

/** A download name such as "김민지-1주차-과제.json": the learner, then the assignment. */
export function handInFileName(learnerName: string, title: string): string {
  return `${safeNamePart(learnerName, 40, 'learner')}-${safeNamePart(title, 60, 'assignment')}.json`;
}
