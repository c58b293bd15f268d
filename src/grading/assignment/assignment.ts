// An assignment as a teacher makes it on the assignments page: a title, a
// class code, an optional due date and the exercises, in the course's order
// of choice. It travels in a link (link.ts) and inside every hand-in file
// (grading/hand-in/), so both check it here, field by field, with the same
// limits; each caller turns a problem into its own error and fix.
import type { Localized } from '../../contract/locale.ts';
import { DATE_TIME_PATTERN, EXERCISE_ID_PATTERN } from '../submission/schema.ts';

export interface Assignment {
  title: string;
  classCode: string;
  /** ISO 8601 with the teacher's offset, e.g. "2026-12-10T23:59+09:00". */
  due?: string;
  /** Exercise ids, in the order the learner sees them; no repeats. */
  exercises: string[];
}

/** What a report shows of the assignment a submission was handed in for. */
export type AssignmentInfo = Omit<Assignment, 'exercises'>;

export const MAX_TITLE_LENGTH = 100;
export const MAX_CLASS_CODE_LENGTH = 40;
/** More than the course has; a link or file naming more is not ours. */
export const MAX_ASSIGNMENT_EXERCISES = 50;

/** Control characters and the bidirectional overrides that could disguise a title. */
const HIDDEN_CHARACTERS = /[\p{Cc}\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/u;

/** Throws (through the caller's `fail`) naming the field and what is wrong with it. */
export type AssignmentProblem = (field: string, problem: Localized) => never;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function shortText(field: string, value: unknown, max: number, fail: AssignmentProblem): string {
  if (typeof value !== 'string') return fail(field, { en: `\`${field}\` must be text`, ko: `\`${field}\`은(는) 글자여야 합니다` });
  const text = value.trim().normalize('NFC');
  if (text === '') fail(field, { en: `\`${field}\` is empty`, ko: `\`${field}\`이(가) 비어 있습니다` });
  if (text.length > max) fail(field, { en: `\`${field}\` is ${text.length} characters long; the limit is ${max}`, ko: `\`${field}\`이(가) ${text.length}자입니다. 최대 ${max}자입니다` });
  if (HIDDEN_CHARACTERS.test(text)) fail(field, { en: `\`${field}\` contains control or text-direction characters`, ko: `\`${field}\`에 제어 문자나 글자 방향 문자가 들어 있습니다` });
  return text;
}

/** True for a real date-time in the submission format's ISO 8601 pattern. */
export const isDateTime = (value: unknown): value is string =>
  typeof value === 'string' && new RegExp(DATE_TIME_PATTERN).test(value) && !Number.isNaN(Date.parse(value));

/**
 * Checks a parsed assignment. `knownIds`, when given, refuses exercises this
 * copy of the course does not have (a link must be fully usable; a hand-in
 * file leaves that to each inner submission, so one unknown exercise does
 * not hide the others). Unknown fields are refused: nothing rides along.
 */
export function validateAssignment(value: unknown, fail: AssignmentProblem, knownIds?: readonly string[], allowed: readonly string[] = []): Assignment {
  if (!isObject(value)) return fail('', { en: 'the assignment is not an object', ko: '과제가 객체가 아닙니다' });
  const extra = Object.keys(value).filter((key) => !['title', 'classCode', 'due', 'exercises', ...allowed].includes(key));
  if (extra.length > 0) fail(extra[0], { en: `unknown field \`${extra[0]}\``, ko: `알 수 없는 필드 \`${extra[0]}\`` });
  const title = shortText('title', value.title, MAX_TITLE_LENGTH, fail);
  const classCode = shortText('classCode', value.classCode, MAX_CLASS_CODE_LENGTH, fail);
  if (value.due !== undefined && !isDateTime(value.due)) {
    fail('due', { en: '`due` must be a date and time such as "2026-12-10T23:59+09:00"', ko: '`due`는 "2026-12-10T23:59+09:00" 같은 날짜와 시각이어야 합니다' });
  }
  const list = value.exercises;
  if (!Array.isArray(list) || list.length === 0) return fail('exercises', { en: '`exercises` must list at least one exercise', ko: '`exercises`에 연습 문제가 하나 이상 있어야 합니다' });
  if (list.length > MAX_ASSIGNMENT_EXERCISES) fail('exercises', { en: `\`exercises\` lists ${list.length} exercises; the limit is ${MAX_ASSIGNMENT_EXERCISES}`, ko: `\`exercises\`에 연습 문제가 ${list.length}개 있습니다. 최대 ${MAX_ASSIGNMENT_EXERCISES}개입니다` });
  const exercises = list.map((id, index): string => {
    const field = `exercises[${index}]`;
    if (typeof id !== 'string' || !new RegExp(EXERCISE_ID_PATTERN).test(id)) return fail(field, { en: `\`${field}\` is not an exercise id like "02-mnist-shapes"`, ko: `\`${field}\`이(가) "02-mnist-shapes" 같은 연습 문제 id가 아닙니다` });
    if (knownIds && !knownIds.includes(id)) fail(field, { en: `exercise \`${id}\` does not exist in this version of the course`, ko: `연습 문제 \`${id}\`는 이 버전의 과정에 없습니다` });
    if (list.indexOf(id) !== index) fail(field, { en: `exercise \`${id}\` is listed twice`, ko: `연습 문제 \`${id}\`가 두 번 들어 있습니다` });
    return id;
  });
  return { title, classCode, ...(value.due === undefined ? {} : { due: value.due as string }), exercises };
}

/** Past the due date (a hand-in at `at` is late); false without one. */
export const isLate = (assignment: AssignmentInfo, at: Date): boolean =>
  assignment.due !== undefined && at.getTime() > Date.parse(assignment.due);
