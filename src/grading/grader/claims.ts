// Compares what the learner's browser said about each check with the re-run.
// Only pass/not-pass matters: "failed" and "not attempted" both score nothing.
import type { Localized } from '../../contract/locale.ts';
import type { SubmissionResult } from '../submission/validate.ts';
import type { GradedTest } from './types.ts';

const RERUN: Record<GradedTest['status'], Localized> = {
  pass: { en: 're-run passed', ko: '다시 실행하니 통과' },
  fail: { en: 're-run failed', ko: '다시 실행하니 실패' },
  error: { en: 're-run error', ko: '다시 실행하니 오류' },
};

/** Said when the learner's browser never finished a run: no check results at all, or none attempted. */
export const NO_FINISHED_RUN: Localized = {
  en: "the learner's browser reported no finished run (no check results: it may have timed out, crashed or been stopped); this grade comes from the re-run alone",
  ko: '학습자의 브라우저에서는 실행이 끝까지 된 적이 없습니다(검사 결과 없음: 시간 초과, 중단 또는 오류였을 수 있음). 이 점수는 다시 실행한 결과만으로 매겼습니다',
};

export function claimNotes(claims: readonly SubmissionResult[], tests: readonly GradedTest[]): Localized[] {
  if (claims.every((c) => c.status === 'not-attempted')) {
    // Per-check notes would only repeat it; say it once, whatever the re-run gave.
    return tests.some((t) => t.status === 'pass') || claims.length === 0 ? [NO_FINISHED_RUN] : [];
  }
  const notes: Localized[] = [];
  for (const test of tests) {
    const claim = claims.find((c) => c.id === test.id);
    if (!claim || (claim.status === 'passed') === (test.status === 'pass')) continue;
    const claimed = claim.status === 'passed'
      ? { en: 'browser claimed passed', ko: '브라우저는 통과라고 보고' }
      : { en: `browser claimed ${claim.status}`, ko: `브라우저는 ${claim.status === 'failed' ? '실패' : '시도하지 않음'}이라고 보고` };
    // A run error is already reported once for the whole submission.
    const why = test.message && test.status !== 'error' ? { en: `: ${test.message.en}`, ko: `: ${test.message.ko}` } : { en: '', ko: '' };
    notes.push({
      en: `${test.id}: ${claimed.en}, ${RERUN[test.status].en}${why.en}`,
      ko: `${test.id}: ${claimed.ko}, ${RERUN[test.status].ko}${why.ko}`,
    });
  }
  for (const claim of claims) {
    if (!tests.some((t) => t.id === claim.id)) {
      notes.push({
        en: `browser claimed a result for \`${claim.id}\`, a check this exercise does not have`,
        ko: `브라우저가 이 연습 문제에 없는 검사 \`${claim.id}\`의 결과를 보고함`,
      });
    }
  }
  return notes;
}
