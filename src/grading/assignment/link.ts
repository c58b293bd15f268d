// An assignment link: the whole assignment rides in the URL's fragment
// (`#a=…`), which browsers never send to a server, so the course needs none.
// The JSON is compressed with lz-string's URL-safe alphabet. Everything in a
// link is checked before use: a learner may receive a cut-off or edited link,
// and anyone can craft one.
import LZString from 'lz-string';
import { CourseError } from '../../contract/course-error.ts';
import type { Localized } from '../../contract/locale.ts';
import { validateAssignment, type Assignment } from './assignment.ts';

export const LINK_VERSION = 1;
/** The fragment's key: `#a=<compressed JSON>`. */
export const LINK_KEY = 'a';
/** A real assignment compresses to a few hundred characters; longer is refused unread. */
export const MAX_LINK_PAYLOAD = 4000;
/** Bounds what decompressing a hostile payload may produce before JSON.parse. */
const MAX_JSON_LENGTH = 16_000;

const FIX: Localized = {
  en: 'ask your teacher for the link again and open it whole (copy all of it, up to the end)',
  ko: '선생님께 링크를 다시 받아 끝까지 빠짐없이 복사해 여세요',
};

const broken = (problem: Localized, fix: Localized = FIX): never => {
  throw new CourseError({ problem: { en: `this assignment link is broken: ${problem.en}`, ko: `과제 링크가 잘못되었습니다: ${problem.ko}` }, fix });
};

/** The fragment (with its `#`) that carries `assignment`. */
export function assignmentFragment(assignment: Assignment): string {
  const { title, classCode, due, exercises } = assignment;
  const json = JSON.stringify({ v: LINK_VERSION, title, classCode, ...(due === undefined ? {} : { due }), exercises });
  return `#${LINK_KEY}=${LZString.compressToEncodedURIComponent(json)}`;
}

/**
 * The assignment a fragment carries, null when it carries none (the page was
 * opened without a link), or a CourseError naming what is wrong.
 */
export function readAssignmentFragment(hash: string, knownIds: readonly string[]): Assignment | null {
  // Read as is: URLSearchParams would turn the alphabet's `+` into a space.
  const raw = new RegExp(`(?:^#?|&)${LINK_KEY}=([^&]*)`).exec(hash)?.[1];
  if (raw === undefined) return null;
  if (raw === '') broken({ en: 'it carries no assignment', ko: '과제 내용이 없습니다' });
  if (raw.length > MAX_LINK_PAYLOAD) broken({ en: `it is ${raw.length} characters long; an assignment takes at most ${MAX_LINK_PAYLOAD}`, ko: `길이가 ${raw.length}자입니다. 과제 링크는 최대 ${MAX_LINK_PAYLOAD}자입니다` });
  if (!/^[A-Za-z0-9+\-$]+$/.test(raw)) broken({ en: 'it contains characters an assignment link never has (was it edited?)', ko: '과제 링크에 없는 문자가 들어 있습니다 (고친 링크인가요?)' });
  let json: string | null;
  try {
    json = LZString.decompressFromEncodedURIComponent(raw);
  } catch {
    json = null;
  }
  if (!json || json.length > MAX_JSON_LENGTH) return broken({ en: 'it cannot be read (it is cut off or was changed)', ko: '읽을 수 없습니다 (잘렸거나 바뀐 링크입니다)' });
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return broken({ en: 'it cannot be read (it is cut off or was changed)', ko: '읽을 수 없습니다 (잘렸거나 바뀐 링크입니다)' });
  }
  const version = (value as { v?: unknown } | null)?.v;
  if (typeof version === 'number' && Number.isInteger(version) && version > LINK_VERSION) {
    broken({ en: `it was made by a newer version of the course (link version ${version})`, ko: `더 새로운 버전의 과정에서 만든 링크입니다 (링크 버전 ${version})` }, {
      en: 'reload the page to get the latest course, then open the link again',
      ko: '페이지를 새로 고쳐 최신 과정을 받은 뒤 링크를 다시 여세요',
    });
  }
  if (version !== LINK_VERSION) broken({ en: 'it is not an assignment link of this course', ko: '이 과정의 과제 링크가 아닙니다' });
  return validateAssignment(value, (field, problem) => broken(problem), knownIds, ['v']);
}
