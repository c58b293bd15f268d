// The assignment link: what the teacher page writes, the learner page reads
// back unchanged; anything else (cut off, edited, crafted) is refused with a
// message in both languages saying what is wrong and what to do.
import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { CourseError } from '../../src/contract/course-error.ts';
import { isLate, MAX_ASSIGNMENT_EXERCISES } from '../../src/grading/assignment/assignment.ts';
import { assignmentFragment, MAX_LINK_PAYLOAD, readAssignmentFragment } from '../../src/grading/assignment/link.ts';
import { dueFromInputs } from '../../src/components/assignment/due.ts';

const known = ['01-tensor-basics', '02-mnist-shapes', '09-training'];
const assignment = { title: '1주차 과제: 텐서 & "모양"', classCode: '2반', due: '2026-12-10T23:59+09:00', exercises: ['09-training', '01-tensor-basics'] };
/** A fragment carrying any JSON value, as a crafted link would. */
const crafted = (value: unknown) => `#a=${LZString.compressToEncodedURIComponent(JSON.stringify(value))}`;

function refusal(hash: string): CourseError {
  try {
    readAssignmentFragment(hash, known);
  } catch (error) {
    if (CourseError.is(error)) return error;
    throw error;
  }
  throw new Error(`accepted ${hash}`);
}

describe('assignment links', () => {
  it('round-trips an assignment, in order, with or without a due date', () => {
    const fragment = assignmentFragment(assignment);
    expect(fragment).toMatch(/^#a=[A-Za-z0-9+\-$]+$/);
    expect(readAssignmentFragment(fragment, known)).toEqual(assignment);
    const { due: _, ...undated } = assignment;
    expect(readAssignmentFragment(assignmentFragment(undated), known)).toEqual(undated);
  });

  it('reads nothing from a page opened without a link', () => {
    expect(readAssignmentFragment('', known)).toBeNull();
    expect(readAssignmentFragment('#top', known)).toBeNull();
  });

  it('refuses a cut-off, edited or oversized link, saying so in both languages with the fix', () => {
    const fragment = assignmentFragment(assignment);
    const cases: [string, RegExp][] = [
      [fragment.slice(0, fragment.length - 7), /cannot be read \(it is cut off or was changed\)/],
      [`${fragment.slice(0, 12)}%20${fragment.slice(12)}`, /characters an assignment link never has/],
      ['#a=', /carries no assignment/],
      [`#a=${'A'.repeat(MAX_LINK_PAYLOAD + 1)}`, /at most 4000/],
      [`#a=${LZString.compressToEncodedURIComponent('{"v":1,')}`, /cannot be read/],
    ];
    for (const [hash, problem] of cases) {
      const error = refusal(hash);
      expect(error.text('en')).toMatch(/^this assignment link is broken: /);
      expect(error.text('en')).toMatch(problem);
      expect(error.text('en')).toMatch(/Fix: ask your teacher for the link again/);
      expect(error.text('ko')).toMatch(/^과제 링크가 잘못되었습니다: .*해결: 선생님께 링크를 다시 받아/);
    }
  });

  it('refuses crafted contents field by field', () => {
    const cases: [unknown, RegExp][] = [
      [[1, 2], /not an assignment link of this course/],
      [{ ...assignment }, /not an assignment link of this course/],
      [{ v: 2, ...assignment }, /made by a newer version of the course \(link version 2\).*Fix: reload the page/],
      [{ v: 1, ...assignment, exercises: ['99-unknown'] }, /exercise `99-unknown` does not exist/],
      [{ v: 1, ...assignment, exercises: ['../../etc'] }, /`exercises\[0\]` is not an exercise id/],
      [{ v: 1, ...assignment, exercises: ['09-training', '09-training'] }, /listed twice/],
      [{ v: 1, ...assignment, exercises: [] }, /at least one exercise/],
      [{ v: 1, ...assignment, exercises: Array.from({ length: MAX_ASSIGNMENT_EXERCISES + 1 }, () => '09-training') }, /the limit is 50/],
      [{ v: 1, ...assignment, title: 't'.repeat(101) }, /`title` is 101 characters long; the limit is 100/],
      [{ v: 1, ...assignment, title: '  ' }, /`title` is empty/],
      [{ v: 1, ...assignment, title: 'homework\u202Egnp.exe' }, /`title` contains control or text-direction characters/],
      [{ v: 1, ...assignment, classCode: 42 }, /`classCode` must be text/],
      [{ v: 1, ...assignment, due: 'tomorrow' }, /`due` must be a date and time/],
      [{ v: 1, ...assignment, due: '2026-02-31T25:00Z' }, /`due` must be a date and time/],
      [JSON.parse(`{"v":1,"title":"t","classCode":"c","exercises":["09-training"],"__proto__":{"x":1}}`), /unknown field `__proto__`/],
    ];
    for (const [value, problem] of cases) expect(refusal(crafted(value)).text('en')).toMatch(problem);
  });

  it('keeps the teacher\'s due time and offset, and tells when a hand-in is late', () => {
    expect(dueFromInputs('2026-12-10', '18:30', 540)).toBe('2026-12-10T18:30+09:00');
    expect(dueFromInputs('2026-12-10', '', -270)).toBe('2026-12-10T23:59-04:30');
    expect(dueFromInputs('', '18:30', 0)).toBeUndefined();
    expect(isLate(assignment, new Date('2026-12-10T14:59:00Z'))).toBe(false);
    expect(isLate(assignment, new Date('2026-12-10T15:00:00Z'))).toBe(true);
    expect(isLate({ title: 't', classCode: 'c' }, new Date('2099-01-01'))).toBe(false);
  });
});
