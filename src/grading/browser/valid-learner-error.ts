// A run's error event, rebuilt from whatever arrived. The learner's worker
// posts its own error events, so learner code can post one too, with any
// shape: the kind falls back to `runtime`, strings are capped, a message that
// is not a string is replaced, and positions must be whole numbers. The
// result always prints.
import type { Localized } from '../../contract/locale.ts';
import type { LearnerError, LearnerErrorKind } from '../../contract/protocol.ts';
import { capString } from './valid-checks.ts';

export const MAX_ERROR_MESSAGE = 4000;
export const MAX_EXPLANATION = 2000;

const KINDS: readonly LearnerErrorKind[] = [
  'syntax', 'runtime', 'unhandled-rejection', 'import', 'timeout', 'stopped', 'out-of-memory', 'worker-lost', 'data',
];

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const position = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isInteger(value) && value > 0 && value < 1e7 ? value : undefined;

export function validLearnerError(value: unknown): LearnerError {
  const raw = isRecord(value) ? value : {};
  const error: LearnerError = {
    kind: KINDS.includes(raw.kind as LearnerErrorKind) ? (raw.kind as LearnerErrorKind) : 'runtime',
    message: typeof raw.message === 'string' ? capString(raw.message, MAX_ERROR_MESSAGE) : '(the run reported an error without a readable message)',
  };
  const line = position(raw.line);
  const column = position(raw.column);
  if (line !== undefined) error.line = line;
  if (column !== undefined) error.column = column;
  const explanation = raw.explanation;
  if (isRecord(explanation) && typeof explanation.ko === 'string' && typeof explanation.en === 'string') {
    error.explanation = { ko: capString(explanation.ko, MAX_EXPLANATION), en: capString(explanation.en, MAX_EXPLANATION) } satisfies Localized;
  }
  return error;
}
