// Reads a hand-in file into the submissions it holds. A problem with the file
// as a whole (not a hand-in, a newer version, a bad assignment, a missing
// list) makes the file unreadable; a problem with one exercise's submission
// makes only that exercise unreadable, shown as `file#exercise-id`, and the
// others are graded. Each submission keeps the assignment and the hand-in
// time, for the reports.
import type { Localized } from '../../contract/locale.ts';
import { isDateTime, validateAssignment, type Assignment } from '../assignment/assignment.ts';
import { SubmissionError } from '../submission/error.ts';
import { validateSubmission, type Submission, type ValidateOptions } from '../submission/validate.ts';
import type { UnreadableFile } from '../grader/types.ts';
import { HAND_IN_FORMAT, HAND_IN_VERSION } from './hand-in.ts';

/** One submission ready to grade, with where it came from. */
export interface ReadSubmission {
  /** The file as shown to the teacher; `file#exercise-id` inside a hand-in. */
  file: string;
  submission: Submission;
  /** The hand-in's assignment, its exercise list included (the grid's columns). */
  assignment?: Assignment;
  handedInAt?: string;
}

const HAND_IN_AGAIN: Localized = {
  en: 'ask the learner to press Hand in again on the assignment page and send the new file unchanged',
  ko: '학습자에게 과제 페이지에서 제출하기를 다시 눌러 새 파일을 고치지 말고 보내 달라고 하세요',
};

export const isHandIn = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && (value as { format?: unknown }).format === HAND_IN_FORMAT;

export function readHandIn(value: unknown, file: string, options: ValidateOptions): { valid: ReadSubmission[]; unreadable: UnreadableFile[] } {
  const bad = (field: string | null, problem: Localized, fix: Localized = HAND_IN_AGAIN): never => {
    throw new SubmissionError(file, field, problem, fix);
  };
  const v = value as Record<string, unknown>;
  if (typeof v.version === 'number' && Number.isInteger(v.version) && v.version > HAND_IN_VERSION) {
    bad('version', {
      en: `unknown hand-in version ${v.version}: these course tools read version ${HAND_IN_VERSION}`,
      ko: `알 수 없는 제출 파일 버전 ${v.version}: 이 과정 도구는 버전 ${HAND_IN_VERSION}만 읽습니다`,
    }, { en: 'update the course tools (git pull, then npm install) and grade again', ko: '과정 도구를 업데이트하고(git pull 후 npm install) 다시 채점하세요' });
  }
  if (v.version !== HAND_IN_VERSION) bad('version', { en: `field \`version\` must be ${HAND_IN_VERSION}`, ko: `\`version\` 필드는 ${HAND_IN_VERSION}이어야 합니다` });
  const assignment = validateAssignment(v.assignment, (field, problem) =>
    bad(`assignment.${field}`, { en: `in field \`assignment\`: ${problem.en}`, ko: `\`assignment\` 필드: ${problem.ko}` }));
  if (!isDateTime(v.handedInAt)) bad('handedInAt', { en: 'field `handedInAt` must be a date and time (ISO 8601)', ko: '`handedInAt` 필드는 날짜와 시각(ISO 8601)이어야 합니다' });
  const list = v.submissions;
  if (!Array.isArray(list) || list.length !== assignment.exercises.length) {
    bad('submissions', {
      en: `field \`submissions\` must hold one submission for each of the assignment's ${assignment.exercises.length} exercises`,
      ko: `\`submissions\` 필드에는 과제의 연습 문제 ${assignment.exercises.length}개마다 제출물이 하나씩 있어야 합니다`,
    });
  }
  const { exercises } = assignment;
  const handedInAt = v.handedInAt as string;
  const valid: ReadSubmission[] = [];
  const unreadable: UnreadableFile[] = [];
  (list as unknown[]).forEach((entry, index) => {
    const shown = `${file}#${exercises[index]}`;
    try {
      const submission = validateSubmission(entry, shown, options);
      if (submission.exerciseId !== exercises[index]) {
        throw new SubmissionError(shown, 'exerciseId', {
          en: `this submission is for \`${submission.exerciseId}\`, not for the assignment's exercise \`${exercises[index]}\``,
          ko: `이 제출물은 과제의 연습 문제 \`${exercises[index]}\`가 아니라 \`${submission.exerciseId}\`의 것입니다`,
        }, HAND_IN_AGAIN);
      }
      valid.push({ file: shown, submission, assignment, handedInAt });
    } catch (error) {
      if (!(error instanceof SubmissionError)) throw error;
      unreadable.push({ file: shown, error });
    }
  });
  return { valid, unreadable };
}
