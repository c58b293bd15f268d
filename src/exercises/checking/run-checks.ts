// Runs an exercise's checks after the learner's code, in the same realm. A
// check that throws is a failed check carrying its message, never a crash.
import type { CheckContext, CheckOutcome, ExerciseDefinition } from '../../contract/exercise.ts';
import type { CheckResult } from '../../contract/protocol.ts';

function isOutcome(value: unknown): value is CheckOutcome {
  const v = value as CheckOutcome | undefined;
  if (!v || typeof v !== 'object') return false;
  if (v.status === 'passed') return true;
  return (v.status === 'failed' || v.status === 'not-attempted') && !!v.message && typeof v.message.ko === 'string';
}

export async function runChecks(definition: ExerciseDefinition, context: CheckContext): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const check of definition.checks) {
    const base = { id: check.id, title: check.title, graded: check.graded !== false };
    try {
      const outcome: unknown = await check.run(context);
      if (!isOutcome(outcome)) {
        results.push({
          ...base,
          status: 'failed',
          message: {
            ko: `검사 ${check.id}가 올바른 결과를 돌려주지 않았습니다(pass/fail/notAttempted를 돌려줘야 합니다).`,
            en: `Check ${check.id} returned no valid outcome (it must return pass(), fail(…) or notAttempted(…)).`,
          },
        });
      } else if (outcome.status === 'passed') {
        results.push({ ...base, status: 'passed' });
      } else {
        results.push({ ...base, status: outcome.status, message: outcome.message });
      }
    } catch (error) {
      const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      results.push({
        ...base,
        status: 'failed',
        message: { ko: `검사하는 중에 오류가 났습니다: ${text}`, en: `The check failed with an error: ${text}` },
      });
    }
  }
  return results;
}
