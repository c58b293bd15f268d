// Turns one re-run's report into a graded submission: per-check statuses,
// score, the run's error, and notes where the browser claimed otherwise.
import type { Localized } from '../../contract/locale.ts';
import type { CheckResult, LearnerError } from '../../contract/protocol.ts';
import { NOT_RUN_BACKEND } from '../hand-in/hand-in.ts';
import type { ReadSubmission } from '../hand-in/read.ts';
import type { Submission } from '../submission/validate.ts';
import { claimNotes } from './claims.ts';
import type { CatalogEntry, GradedSubmission, GradedTest } from './types.ts';
import { lateness } from './lateness.ts';

const KIND: Record<LearnerError['kind'], Localized> = {
  syntax: { en: 'syntax error', ko: '문법 오류' },
  runtime: { en: 'runtime error', ko: '실행 오류' },
  'unhandled-rejection': { en: 'unhandled promise rejection', ko: '처리되지 않은 Promise 거부' },
  import: { en: 'import error', ko: 'import 오류' },
  timeout: { en: 'stopped at the time limit', ko: '제한 시간이 지나 중지됨' },
  stopped: { en: 'stopped', ko: '중지됨' },
  'out-of-memory': { en: 'out of memory', ko: '메모리 부족' },
  'worker-lost': { en: 'the run ended unexpectedly', ko: '실행이 예기치 않게 끝남' },
  data: { en: 'data error', ko: '데이터 오류' },
};

export function describeLearnerError(error: LearnerError): Localized {
  const where = (locale: 'ko' | 'en'): string =>
    error.line === undefined ? '' : locale === 'ko' ? ` (${error.line}행)` : ` (line ${error.line})`;
  return {
    en: `${KIND[error.kind]?.en ?? String(error.kind)}${where('en')}: ${String(error.message)}`,
    ko: `${KIND[error.kind]?.ko ?? String(error.kind)}${where('ko')}: ${String(error.message)}`,
  };
}

const NOT_ATTEMPTED: Localized = { en: 'not attempted', ko: '시도하지 않음' };
/** A hand-in's exercise the learner never ran: the re-run grades the draft or starter all the same. */
const NEVER_RUN: Localized = {
  en: 'not attempted: the learner handed this exercise in without ever running it',
  ko: '시도하지 않음: 학습자가 이 연습 문제를 한 번도 실행하지 않고 제출했습니다',
};

function toTest(result: CheckResult): GradedTest {
  const test: GradedTest = { id: result.id, title: result.title, graded: result.graded, status: result.status === 'passed' ? 'pass' : 'fail' };
  if (result.status !== 'passed') {
    const m = result.message;
    test.message = result.status === 'not-attempted'
      ? { en: `${NOT_ATTEMPTED.en}: ${m?.en ?? ''}`.replace(/: $/, ''), ko: `${NOT_ATTEMPTED.ko}: ${m?.ko ?? ''}`.replace(/: $/, '') }
      : m;
  }
  return test;
}

export function gradeReport(
  file: string,
  submission: Submission,
  exercise: CatalogEntry,
  outcome: { checks: CheckResult[]; error?: LearnerError; output?: string[]; outputTruncated?: boolean } | { failure: Localized },
  /** The hand-in a submission came from, if any: carried into the report. */
  origin: Pick<ReadSubmission, 'assignment' | 'handedInAt'> = {},
): GradedSubmission {
  const runError = 'failure' in outcome ? outcome.failure : outcome.error ? describeLearnerError(outcome.error) : undefined;
  const checks = 'failure' in outcome ? [] : outcome.checks;
  // Every check of the exercise gets a row; one the run never reached is an error.
  const tests = exercise.definition.checks.map((check): GradedTest => {
    const result = checks.find((c) => c.id === check.id);
    if (result) return toTest(result);
    return {
      id: check.id, title: check.title, graded: check.graded !== false, status: 'error',
      message: runError ?? { en: 'the check did not run', ko: '검사가 실행되지 않음' },
    };
  });
  const graded = tests.filter((t) => t.graded);
  const passed = graded.filter((t) => t.status === 'pass').length;
  const total = graded.length;
  const status = runError ? 'error' : passed === total ? 'pass' : 'fail';

  // An exercise handed in without ever running has its own note below.
  const neverRun = submission.backend === NOT_RUN_BACKEND;
  const notes = neverRun ? [] : claimNotes(submission.results, tests);
  const claimsDiffer = notes.length > 0;
  if (submission.contentVersion !== exercise.contentVersion) {
    notes.unshift({
      en: `made with another version of this exercise (submitted ${submission.contentVersion}, now ${exercise.contentVersion}): the re-run uses the current checks`,
      ko: `다른 버전의 연습 문제로 작성됨 (제출 ${submission.contentVersion}, 현재 ${exercise.contentVersion}): 다시 실행할 때는 현재 검사를 씁니다`,
    });
  }
  if (neverRun) notes.unshift(NEVER_RUN);
  const result: GradedSubmission = {
    file, learner: submission.learner.name, exercise: submission.exerciseId, locale: submission.locale, code: submission.code,
    submittedAt: submission.submittedAt, status, passed, total,
    score: total === 0 ? 0 : Math.round((100 * passed) / total), tests, notes,
    output: 'failure' in outcome ? [] : outcome.output ?? [],
    outputTruncated: 'failure' in outcome ? false : outcome.outputTruncated === true,
  };
  if (runError) result.error = runError;
  if (claimsDiffer) result.claimsDiffer = true;
  if (neverRun) result.neverRun = true;
  if (origin.assignment) result.assignment = origin.assignment;
  if (origin.handedInAt) result.handedInAt = origin.handedInAt;
  if (lateness(result)) {
    notes.push({
      en: `handed in late: ${origin.handedInAt}, the due date was ${origin.assignment?.due}`,
      ko: `늦게 제출함: ${origin.handedInAt} (마감 ${origin.assignment?.due})`,
    });
  }
  return result;
}
