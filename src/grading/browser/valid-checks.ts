// The check results of a run, rebuilt from whatever arrived: every field
// type-checked, strings capped, unknown fields dropped. Checks come only from
// the check realm, so a malformed answer means something is wrong (a bug, or
// a capture built to break the checks): the submission then gets an error
// instead of a verdict, and the report never holds a value it cannot print.
import type { Localized } from '../../contract/locale.ts';
import type { CheckResult, CheckStatus } from '../../contract/protocol.ts';

export const MAX_CHECKS = 200;
export const MAX_CHECK_ID = 200;
export const MAX_CHECK_TITLE = 500;
export const MAX_CHECK_MESSAGE = 4000;

const STATUSES: readonly CheckStatus[] = ['passed', 'failed', 'not-attempted'];

export class MalformedChecks extends Error {}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Cuts a string to `max` UTF-16 units, ending with … when cut (never inside a surrogate pair). */
export function capString(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  if (end > 0 && /[\ud800-\udbff]/.test(text[end - 1])) end--;
  return `${text.slice(0, end)}…`;
}

function localized(value: unknown, where: string, max: number): Localized {
  if (!isRecord(value) || typeof value.ko !== 'string' || typeof value.en !== 'string') {
    throw new MalformedChecks(`${where} must be { ko: string, en: string }`);
  }
  return { ko: capString(value.ko, max), en: capString(value.en, max) };
}

/** A fresh, valid CheckResult[]; throws MalformedChecks naming the first bad field. */
export function validCheckResults(value: unknown): CheckResult[] {
  if (!Array.isArray(value)) throw new MalformedChecks('results must be an array');
  if (value.length > MAX_CHECKS) throw new MalformedChecks(`results has ${value.length} entries; at most ${MAX_CHECKS}`);
  const seen = new Set<string>();
  return value.map((item, i): CheckResult => {
    const where = `results[${i}]`;
    if (!isRecord(item)) throw new MalformedChecks(`${where} must be an object`);
    if (typeof item.id !== 'string' || !/\S/.test(item.id) || item.id.length > MAX_CHECK_ID) {
      throw new MalformedChecks(`${where}.id must be a non-empty string of at most ${MAX_CHECK_ID} characters`);
    }
    if (seen.has(item.id)) throw new MalformedChecks(`${where}.id repeats "${item.id}"`);
    seen.add(item.id);
    if (!STATUSES.includes(item.status as CheckStatus)) throw new MalformedChecks(`${where}.status must be one of ${STATUSES.join(', ')}`);
    if (typeof item.graded !== 'boolean') throw new MalformedChecks(`${where}.graded must be true or false`);
    const result: CheckResult = {
      id: item.id,
      title: localized(item.title, `${where}.title`, MAX_CHECK_TITLE),
      status: item.status as CheckStatus,
      graded: item.graded,
    };
    if (item.message !== undefined) result.message = localized(item.message, `${where}.message`, MAX_CHECK_MESSAGE);
    return result;
  });
}
