// Checks an already-parsed value against submission format version 1 and
// returns a clean Submission, or throws a SubmissionError for the first
// problem, naming the field and how to fix it.
import type { Locale, Localized } from '../../contract/locale.ts';
import type { CheckStatus } from '../../contract/protocol.ts';
import { SubmissionError } from './error.ts';
import {
  CONTENT_VERSION_PATTERN, DATE_TIME_PATTERN, EXERCISE_ID_PATTERN, MAX_CODE_BYTES, MAX_MESSAGE_LENGTH,
  MAX_NAME_LENGTH, MAX_RESULTS, SUBMISSION_FORMAT, SUBMISSION_VERSION,
} from './schema.ts';

export interface SubmissionResult {
  id: string;
  status: CheckStatus;
  /** The message the learner saw, in their locale. */
  message?: string;
}

export interface Submission {
  format: typeof SUBMISSION_FORMAT;
  version: typeof SUBMISSION_VERSION;
  exerciseId: string;
  contentVersion: string;
  learner: { name: string };
  locale: Locale;
  code: string;
  results: SubmissionResult[];
  backend: string;
  /** The seed of the learner's last run; absent in older files (the exercise's seed then). */
  seed?: number;
  startedAt: string;
  submittedAt: string;
}

export interface ValidateOptions {
  /** Known exercise ids; when given, any other id is refused. */
  exerciseIds?: readonly string[];
}

const REEXPORT: Localized = {
  en: 'export the submission again from the exercise page instead of editing the file',
  ko: '파일을 직접 고치지 말고 연습 문제 페이지에서 제출 파일을 다시 내보내세요',
};
const STATUSES: readonly CheckStatus[] = ['passed', 'failed', 'not-attempted'];

function kindOf(value: unknown): Localized {
  if (value === undefined) return { en: 'nothing', ko: '값 없음' };
  if (value === null) return { en: 'null', ko: 'null' };
  if (Array.isArray(value)) return { en: 'an array', ko: '배열' };
  if (typeof value === 'string') return { en: `the string ${clip(value)}`, ko: `문자열 ${clip(value)}` };
  if (typeof value === 'number') return { en: `the number ${value}`, ko: `숫자 ${value}` };
  if (typeof value === 'boolean') return { en: `${value}`, ko: `${value}` };
  return { en: 'an object', ko: '객체' };
}

const clip = (text: string): string => JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);

export function validateSubmission(value: unknown, fileName: string, options: ValidateOptions = {}): Submission {
  const bad = (field: string | null, problem: Localized, fix: Localized = REEXPORT): never => {
    throw new SubmissionError(fileName, field, problem, fix);
  };
  const wrongType = (field: string, wanted: Localized, found: unknown): never =>
    found === undefined
      ? bad(field, { en: `field \`${field}\` is missing`, ko: `\`${field}\` 필드가 없습니다` })
      : bad(field, {
          en: `field \`${field}\` must be ${wanted.en} (found ${kindOf(found).en})`,
          ko: `\`${field}\` 필드는 ${wanted.ko}이어야 합니다 (들어 있는 값: ${kindOf(found).ko})`,
        });
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  const string = (field: string, v: unknown): string =>
    typeof v === 'string' ? v : wrongType(field, { en: 'a string', ko: '문자열' }, v);
  const matching = (field: string, v: unknown, pattern: string, example: string): string => {
    const text = string(field, v);
    if (!new RegExp(pattern).test(text)) {
      bad(field, {
        en: `field \`${field}\` must look like ${example} (found ${kindOf(text).en})`,
        ko: `\`${field}\` 필드는 ${example} 같은 형식이어야 합니다 (들어 있는 값: ${kindOf(text).ko})`,
      });
    }
    return text;
  };

  if (!isObject(value)) {
    return bad(null, { en: `not a course submission: the file holds ${kindOf(value).en}, not a JSON object`, ko: `과정 제출 파일이 아닙니다: JSON 객체가 아니라 ${kindOf(value).ko}이(가) 들어 있습니다` }, {
      en: 'keep only files exported with the exercise page\'s Export button in this folder',
      ko: '이 폴더에는 연습 문제 페이지의 내보내기 버튼으로 만든 파일만 두세요',
    });
  }
  const v = value;
  if (v.format !== SUBMISSION_FORMAT) {
    bad('format', {
      en: `not a course submission: field \`format\` must be "${SUBMISSION_FORMAT}" (found ${kindOf(v.format).en})`,
      ko: `과정 제출 파일이 아닙니다: \`format\` 필드는 "${SUBMISSION_FORMAT}"이어야 합니다 (들어 있는 값: ${kindOf(v.format).ko})`,
    }, {
      en: 'keep only files exported with the exercise page\'s Export button in this folder',
      ko: '이 폴더에는 연습 문제 페이지의 내보내기 버튼으로 만든 파일만 두세요',
    });
  }
  if (typeof v.version === 'number' && Number.isInteger(v.version) && v.version > SUBMISSION_VERSION) {
    bad('version', {
      en: `unknown format version ${v.version}: these course tools read version ${SUBMISSION_VERSION}`,
      ko: `알 수 없는 형식 버전 ${v.version}: 이 과정 도구는 버전 ${SUBMISSION_VERSION}만 읽습니다`,
    }, {
      en: 'update the course tools (git pull, then npm install) and grade again',
      ko: '과정 도구를 업데이트하고(git pull 후 npm install) 다시 채점하세요',
    });
  }
  if (v.version !== SUBMISSION_VERSION) wrongType('version', { en: `the number ${SUBMISSION_VERSION}`, ko: `숫자 ${SUBMISSION_VERSION}` }, v.version);

  const exerciseId = matching('exerciseId', v.exerciseId, EXERCISE_ID_PATTERN, '"02-mnist-shapes"');
  if (options.exerciseIds && !options.exerciseIds.includes(exerciseId)) {
    const known = options.exerciseIds.join(', ') || '-';
    bad('exerciseId', {
      en: `exercise \`${exerciseId}\` does not exist in this version of the course (known: ${known})`,
      ko: `연습 문제 \`${exerciseId}\`는 이 버전의 과정에 없습니다 (있는 것: ${known})`,
    }, {
      en: 'update the course tools (git pull) if the exercise is new, or ask the learner which exercise this is',
      ko: '새로 추가된 연습 문제라면 과정 도구를 업데이트하고(git pull), 아니라면 학습자에게 어떤 연습 문제인지 확인하세요',
    });
  }
  const contentVersion = matching('contentVersion', v.contentVersion, CONTENT_VERSION_PATTERN, '"3f9a0c12be47" (12 hex digits)');

  if (!isObject(v.learner)) wrongType('learner', { en: 'an object like { "name": "…" }', ko: '{ "name": "…" } 형태의 객체' }, v.learner);
  const learner = v.learner as Record<string, unknown>;
  const name = string('learner.name', learner.name).trim().normalize('NFC');
  if (name === '') {
    bad('learner.name', { en: 'field `learner.name` is empty', ko: '`learner.name` 필드가 비어 있습니다' }, {
      en: 'type the learner\'s name in the name box of the exercise page, then export again',
      ko: '연습 문제 페이지의 이름 칸에 이름을 입력한 뒤 다시 내보내세요',
    });
  }
  if (/\p{Cc}/u.test(name)) {
    bad('learner.name', { en: 'field `learner.name` contains control characters', ko: '`learner.name` 필드에 제어 문자가 들어 있습니다' }, {
      en: 'type the name again on the exercise page, then export again',
      ko: '연습 문제 페이지에서 이름을 다시 입력한 뒤 다시 내보내세요',
    });
  }
  if (name.length > MAX_NAME_LENGTH) {
    bad('learner.name', { en: `field \`learner.name\` is ${name.length} characters long; the limit is ${MAX_NAME_LENGTH}`, ko: `\`learner.name\` 필드가 ${name.length}자입니다. 최대 ${MAX_NAME_LENGTH}자입니다` }, {
      en: 'type a shorter name on the exercise page, then export again',
      ko: '연습 문제 페이지에서 더 짧은 이름을 입력한 뒤 다시 내보내세요',
    });
  }

  if (v.locale !== 'ko' && v.locale !== 'en') wrongType('locale', { en: '"ko" or "en"', ko: '"ko" 또는 "en"' }, v.locale);
  const locale = v.locale as Locale;

  const code = string('code', v.code);
  const codeBytes = new TextEncoder().encode(code).length;
  if (codeBytes > MAX_CODE_BYTES) {
    bad('code', {
      en: `field \`code\` is ${kb(codeBytes)} KB; the limit is ${kb(MAX_CODE_BYTES)} KB`,
      ko: `\`code\` 필드가 ${kb(codeBytes)} KB입니다. 최대 ${kb(MAX_CODE_BYTES)} KB입니다`,
    }, {
      en: 'remove data pasted into the code (load it with loadData instead) and export again',
      ko: '코드에 붙여 넣은 데이터를 지우고(데이터는 loadData로 불러오세요) 다시 내보내세요',
    });
  }

  if (!Array.isArray(v.results)) wrongType('results', { en: 'an array', ko: '배열' }, v.results);
  const rawResults = v.results as unknown[];
  if (rawResults.length > MAX_RESULTS) {
    bad('results', { en: `field \`results\` has ${rawResults.length} entries; the limit is ${MAX_RESULTS}`, ko: `\`results\` 필드의 항목이 ${rawResults.length}개입니다. 최대 ${MAX_RESULTS}개입니다` });
  }
  const results = rawResults.map((entry, index): SubmissionResult => {
    const at = `results[${index}]`;
    if (!isObject(entry)) wrongType(at, { en: 'an object like { "id": …, "status": … }', ko: '{ "id": …, "status": … } 형태의 객체' }, entry);
    const e = entry as Record<string, unknown>;
    const id = string(`${at}.id`, e.id);
    if (id === '') bad(`${at}.id`, { en: `field \`${at}.id\` is empty`, ko: `\`${at}.id\` 필드가 비어 있습니다` });
    if (!STATUSES.includes(e.status as CheckStatus)) {
      wrongType(`${at}.status`, { en: 'one of "passed", "failed", "not-attempted"', ko: '"passed", "failed", "not-attempted" 중 하나' }, e.status);
    }
    const result: SubmissionResult = { id, status: e.status as CheckStatus };
    if (e.message !== undefined) {
      const message = string(`${at}.message`, e.message);
      result.message = message.length > MAX_MESSAGE_LENGTH ? `${message.slice(0, MAX_MESSAGE_LENGTH)}…` : message;
    }
    return result;
  });

  const backend = string('backend', v.backend);
  if (backend === '' || backend.length > 40) {
    bad('backend', { en: 'field `backend` must be a backend name such as "wasm"', ko: '`backend` 필드는 "wasm" 같은 백엔드 이름이어야 합니다' });
  }
  const dateTime = (field: string, raw: unknown): string => {
    const text = matching(field, raw, DATE_TIME_PATTERN, '"2026-11-29T09:30:00.000Z" (ISO 8601)');
    if (Number.isNaN(Date.parse(text))) {
      bad(field, { en: `field \`${field}\` is not a real date (${text})`, ko: `\`${field}\` 필드가 올바른 날짜가 아닙니다 (${text})` });
    }
    return text;
  };
  if (v.seed !== undefined && !(Number.isInteger(v.seed) && (v.seed as number) >= 0 && (v.seed as number) <= 0xffffffff)) {
    bad('seed', { en: 'field `seed` must be a whole number from 0 to 4294967295', ko: '`seed` 필드는 0부터 4294967295까지의 정수여야 합니다' });
  }
  const seed = v.seed as number | undefined;
  const startedAt = dateTime('startedAt', v.startedAt);
  const submittedAt = dateTime('submittedAt', v.submittedAt);

  // Unknown extra fields are dropped, not refused: a newer page may add
  // optional fields without breaking older graders within version 1.
  return {
    format: SUBMISSION_FORMAT, version: SUBMISSION_VERSION, exerciseId, contentVersion,
    learner: { name }, locale, code, results, backend, ...(seed === undefined ? {} : { seed }), startedAt, submittedAt,
  };
}

const kb = (bytes: number): string => (bytes / 1024).toFixed(bytes % 1024 === 0 ? 0 : 1);
