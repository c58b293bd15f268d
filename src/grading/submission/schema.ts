// The submission document, version 1: limits and the JSON Schema that
// docs/grading.md prints (a test keeps the two identical). The validator in
// validate.ts enforces the same rules and explains each failure.

export const SUBMISSION_FORMAT = 'mnist-course-submission';
export const SUBMISSION_VERSION = 1;
/** Learner code above this many UTF-8 bytes is refused. */
export const MAX_CODE_BYTES = 200 * 1024;
/** Whole files above this are not read at all. */
export const MAX_FILE_BYTES = 1024 * 1024;
export const MAX_NAME_LENGTH = 100;
export const MAX_RESULTS = 100;
export const MAX_MESSAGE_LENGTH = 2000;

export const EXERCISE_ID_PATTERN = '^[0-9]{2}-[a-z0-9]+(-[a-z0-9]+)*$';
export const CONTENT_VERSION_PATTERN = '^[0-9a-f]{12}$';
export const DATE_TIME_PATTERN = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})$';

export const SUBMISSION_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'mnist-course submission, version 1',
  type: 'object',
  required: ['format', 'version', 'exerciseId', 'contentVersion', 'learner', 'locale', 'code', 'results', 'backend', 'startedAt', 'submittedAt'],
  properties: {
    format: { const: SUBMISSION_FORMAT },
    version: { const: SUBMISSION_VERSION },
    exerciseId: { type: 'string', pattern: EXERCISE_ID_PATTERN, description: 'The exercise folder name, e.g. "02-mnist-shapes".' },
    contentVersion: {
      type: 'string',
      pattern: CONTENT_VERSION_PATTERN,
      description: 'First 12 hex digits of SHA-256 over starter.ts + "\\u0000" + exercise.ts (line endings as LF) of the exercise the learner saw.',
    },
    learner: {
      type: 'object',
      required: ['name'],
      properties: {
        name: { type: 'string', minLength: 1, maxLength: MAX_NAME_LENGTH, pattern: '\\S', description: 'As typed by the learner, trimmed.' },
      },
    },
    locale: { enum: ['ko', 'en'] },
    code: { type: 'string', description: `The learner's source, at most ${MAX_CODE_BYTES} bytes as UTF-8.` },
    results: {
      type: 'array',
      maxItems: MAX_RESULTS,
      description: "The check results the learner's browser reported; the grader re-runs and compares.",
      items: {
        type: 'object',
        required: ['id', 'status'],
        properties: {
          id: { type: 'string', minLength: 1 },
          status: { enum: ['passed', 'failed', 'not-attempted'] },
          message: { type: 'string', maxLength: MAX_MESSAGE_LENGTH },
        },
      },
    },
    backend: { type: 'string', minLength: 1, maxLength: 40, description: 'The tfjs backend the browser ran on: webgpu, webgl, wasm or cpu.' },
    seed: { type: 'integer', minimum: 0, maximum: 4294967295, description: "The seed of the learner's last run (Math.random, tfjs initialisers, shuffling); re-runs use it. Absent in files from before it was recorded: the exercise's seed." },
    startedAt: { type: 'string', pattern: DATE_TIME_PATTERN, description: 'ISO 8601: when the learner opened the exercise.' },
    submittedAt: { type: 'string', pattern: DATE_TIME_PATTERN, description: 'ISO 8601: when the submission was exported.' },
  },
} as const;
