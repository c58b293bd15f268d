// Export all progress as one JSON file and import it back, validated with
// messages that name the file, the field and the fix.
import { CourseError } from '../contract/course-error.ts';
import type { Localized } from '../contract/locale.ts';
import { readAll, writeAll, type ProgressSnapshot } from './snapshot.ts';
import { isDraft, isStatusRecord, type WriteResult } from './store.ts';
import { isLastRun } from './last-run.ts';

export const PROGRESS_FORMAT = 'mnist-course-progress';
export const PROGRESS_VERSION = 1;

export interface ProgressFile extends ProgressSnapshot {
  format: typeof PROGRESS_FORMAT;
  version: number;
  exportedAt: string;
}

/** A file that cannot be imported; `text(locale)` is what the page shows. */
export class ProgressImportError extends CourseError {
  declare readonly file: string;
  constructor(file: string, problem: Localized) {
    super({ file, problem });
    this.name = 'ProgressImportError';
  }
}

const fail = (fileName: string, ko: string, en: string) => new ProgressImportError(fileName, { ko, en });

export function exportProgress(): ProgressFile {
  return { format: PROGRESS_FORMAT, version: PROGRESS_VERSION, exportedAt: new Date().toISOString(), ...readAll() };
}

export function progressFileName(date = new Date()): string {
  return `mnist-course-progress-${date.toISOString().slice(0, 10)}.json`;
}

/** Validates an exported file; throws ProgressImportError naming what is wrong. */
export function parseProgressFile(text: string, fileName: string): ProgressSnapshot {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw fail(fileName, `올바른 JSON이 아닙니다 (${(error as Error).message}). 진도 페이지에서 내보낸 파일을 고르세요.`, `not valid JSON (${(error as Error).message}). Choose a file exported from the progress page.`);
  }
  const file = value as Partial<ProgressFile> | null;
  if (typeof file !== 'object' || file === null || Array.isArray(file)) {
    throw fail(fileName, '진도 페이지에서 내보낸 JSON 객체가 아닙니다.', 'expected a JSON object exported from the progress page.');
  }
  if (file.format !== PROGRESS_FORMAT) {
    throw fail(fileName, `"format"이 ${JSON.stringify(file.format)}입니다("${PROGRESS_FORMAT}"이어야 함). 진도 내보내기 파일이 아닙니다(제출 파일은 여기가 아니라 채점기에 넣습니다).`, `"format" is ${JSON.stringify(file.format)}, expected "${PROGRESS_FORMAT}". This is not a progress export (a submission file goes to the teacher's grader, not here).`);
  }
  if (file.version !== PROGRESS_VERSION) {
    throw fail(fileName, `버전 ${JSON.stringify(file.version)}은 지원하지 않습니다(이 사이트는 버전 ${PROGRESS_VERSION}을 읽습니다). 이 사이트에서 다시 내보내세요.`, `version ${JSON.stringify(file.version)} is not supported (this site reads version ${PROGRESS_VERSION}). Export it again from this site.`);
  }
  const statuses = objectField(file, 'statuses', fileName);
  const drafts = objectField(file, 'drafts', fileName);
  for (const [id, record] of Object.entries(statuses)) {
    if (!isStatusRecord(record)) throw fail(fileName, `statuses["${id}"]는 { status: "not-started" | "in-progress" | "passed", updatedAt: 문자열 } 이어야 합니다.`, `statuses["${id}"] must be { status: "not-started" | "in-progress" | "passed", updatedAt: string }.`);
  }
  for (const [id, draft] of Object.entries(drafts)) {
    if (!isDraft(draft)) throw fail(fileName, `drafts["${id}"]는 { code, starterHash, savedAt: 문자열 } 이어야 합니다.`, `drafts["${id}"] must be { code: string, starterHash: string, savedAt: string }.`);
  }
  // Exports made before last runs were kept have none: an empty set, not an error.
  const lastRuns = file.lastRuns === undefined ? {} : objectField(file, 'lastRuns', fileName);
  for (const [id, run] of Object.entries(lastRuns)) {
    if (!isLastRun(run)) throw fail(fileName, `lastRuns["${id}"]는 { results: 배열, backend: 문자열, startedAt: 문자열, seed?: 숫자 } 이어야 합니다.`, `lastRuns["${id}"] must be { results: array, backend: string, startedAt: string, seed?: number }.`);
  }
  const learnerName = file.learnerName ?? null;
  if (learnerName !== null && typeof learnerName !== 'string') throw fail(fileName, '"learnerName"은 문자열이나 null이어야 합니다.', '"learnerName" must be a string or null.');
  return { statuses: statuses as ProgressSnapshot['statuses'], drafts: drafts as ProgressSnapshot['drafts'], lastRuns: lastRuns as ProgressSnapshot['lastRuns'], learnerName };
}

function objectField(file: object, name: string, fileName: string): Record<string, unknown> {
  const value = (file as Record<string, unknown>)[name];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw fail(fileName, `"${name}"이 없거나 객체가 아닙니다.`, `"${name}" is missing or not an object.`);
  }
  return value as Record<string, unknown>;
}

/** Validates and writes an exported file over the current progress. */
export function importProgress(text: string, fileName: string): { result: WriteResult; items: number } {
  const snapshot = parseProgressFile(text, fileName);
  const result = writeAll(snapshot);
  return { result, items: Object.keys(snapshot.statuses).length + Object.keys(snapshot.drafts).length };
}
