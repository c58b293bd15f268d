// The submission document a learner exports from an exercise page and a
// teacher grades with `npm run grade`. Isomorphic: no Node or DOM APIs.
import type { Locale, Localized } from '../contract/locale.ts';
import type { CheckResult, CheckStatus } from '../contract/protocol.ts';
import { SubmissionError } from './submission/error.ts';
import { fileTooLarge } from './submission/file-problems.ts';
import { locateJsonError } from './submission/json-locate.ts';
import { MAX_FILE_BYTES, SUBMISSION_FORMAT, SUBMISSION_VERSION } from './submission/schema.ts';
import { validateSubmission } from './submission/validate.ts';
import type { Submission, SubmissionResult, ValidateOptions } from './submission/validate.ts';

export { SubmissionError } from './submission/error.ts';
export { computeContentVersion } from './submission/content-version.ts';
export {
  MAX_CODE_BYTES, MAX_FILE_BYTES, SUBMISSION_FORMAT, SUBMISSION_SCHEMA, SUBMISSION_VERSION,
} from './submission/schema.ts';
export { validateSubmission } from './submission/validate.ts';
export type { Submission, SubmissionResult, ValidateOptions } from './submission/validate.ts';

export interface CreateSubmissionInput {
  exerciseId: string;
  /** computeContentVersion({ starter, exerciseSource }) of the exercise shown. */
  contentVersion: string;
  /** As typed; trimmed here. An empty name throws (field `learner.name`). */
  learnerName: string;
  locale: Locale;
  code: string;
  /** The latest run's check results; Localized messages are reduced to `locale`. */
  results: readonly (CheckResult | SubmissionResult | { id: string; status: CheckStatus; message?: Localized })[];
  /** The tfjs backend of the latest run, e.g. "wasm". */
  backend: string;
  /** The seed of the latest run (its `started` event). */
  seed?: number;
  /** When the learner opened the exercise. */
  startedAt: Date | string;
  /** Defaults to now. */
  submittedAt?: Date | string;
}

/**
 * Builds a valid submission or throws a SubmissionError (fileName
 * "(new submission)") that the page can show with `error.text(locale)`.
 */
export function createSubmission(input: CreateSubmissionInput, options: ValidateOptions = {}): Submission {
  const iso = (d: Date | string): string => (typeof d === 'string' ? d : d.toISOString());
  const document = {
    format: SUBMISSION_FORMAT,
    version: SUBMISSION_VERSION,
    exerciseId: input.exerciseId,
    contentVersion: input.contentVersion,
    learner: { name: input.learnerName },
    locale: input.locale,
    code: input.code,
    results: input.results.map((r) => {
      const message = typeof r.message === 'string' ? r.message : r.message?.[input.locale];
      return message === undefined ? { id: r.id, status: r.status } : { id: r.id, status: r.status, message };
    }),
    backend: input.backend,
    ...(input.seed === undefined ? {} : { seed: input.seed }),
    startedAt: iso(input.startedAt),
    submittedAt: iso(input.submittedAt ?? new Date()),
  };
  return validateSubmission(document, '(new submission)', options);
}

/** Parses and validates a submission file's text; throws SubmissionError. */
export function parseSubmission(text: string, fileName: string, options: ValidateOptions = {}): Submission {
  return validateSubmission(parseJsonFile(text, fileName), fileName, options);
}

/**
 * A course file's JSON (a submission or a hand-in holding several), within
 * the size limit; throws SubmissionError naming the position of bad JSON.
 */
export function parseJsonFile(text: string, fileName: string): unknown {
  if (text.length > MAX_FILE_BYTES) throw fileTooLarge(fileName, text.length);
  // Notepad on Windows saves UTF-8 with a byte-order mark.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    const where = locateJsonError(body) ?? { line: 1, column: 1, found: { en: 'invalid JSON', ko: '잘못된 JSON' } };
    throw new SubmissionError(fileName, null, {
      en: `not JSON (line ${where.line}, col ${where.column}: ${where.found.en})`,
      ko: `JSON이 아닙니다 (${where.line}행 ${where.column}열: ${where.found.ko})`,
    }, {
      en: 'export the submission again from the exercise page; if it was edited by hand, repair the JSON at that position',
      ko: '연습 문제 페이지에서 제출 파일을 다시 내보내세요. 손으로 고친 파일이라면 그 위치의 JSON을 바로잡으세요',
    });
  }
  return value;
}

/** The file's text: stable key order, two-space indent, final newline. */
export function serializeSubmission(submission: Submission): string {
  return `${JSON.stringify(submission, null, 2)}\n`;
}

/** A download name such as "김민지-02-mnist-shapes.json" (letters of any script kept). */
export function submissionFileName(submission: Submission): string {
  const name = submission.learner.name.normalize('NFC').replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, '') || 'learner';
  return `${name.slice(0, 60)}-${submission.exerciseId}.json`;
}
