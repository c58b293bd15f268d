// Runs an exercise's checks after the learner's code, in the same realm. A
// check that throws is a failed check carrying its message, never a crash.
// When the program stopped early, a check that looked for what it never
// reached says it could not run (stopped-run.ts).
import { fail, type Check, type CheckContext, type CheckOutcome, type ExerciseDefinition } from '../../contract/exercise.ts';
import type { CheckResult } from '../../contract/protocol.ts';
import { watchStoppedRun } from './stopped-run.ts';

/**
 * Whether a check returned a whole outcome (a failure with its message in
 * both languages). Stricter than checks.ts's isOutcome, which only tells a
 * helper's outcome from the value it found.
 */
function isWellFormedOutcome(value: unknown): value is CheckOutcome {
  const v = value as CheckOutcome | undefined;
  if (!v || typeof v !== 'object') return false;
  if (v.status === 'passed') return true;
  return (v.status === 'failed' || v.status === 'not-attempted') && !!v.message && typeof v.message.ko === 'string';
}

/** What one check returned, as an outcome: a throw or a malformed result is a failure. */
async function outcomeOf(check: Check, context: CheckContext): Promise<CheckOutcome> {
  try {
    const outcome: unknown = await check.run(context);
    if (isWellFormedOutcome(outcome)) return outcome;
    return fail({
      ko: `검사 ${check.id}가 올바른 결과를 돌려주지 않았습니다(pass/fail/notAttempted를 돌려줘야 합니다).`,
      en: `Check ${check.id} returned no valid outcome (it must return pass(), fail(…) or notAttempted(…)).`,
    });
  } catch (error) {
    const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return fail({ ko: `검사하는 중에 오류가 났습니다: ${text}`, en: `The check failed with an error: ${text}` });
  }
}

export async function runChecks(definition: ExerciseDefinition, context: CheckContext): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  const watch = context.stopped ? watchStoppedRun(context) : undefined;
  for (const check of definition.checks) {
    const base = { id: check.id, title: check.title, graded: check.graded !== false };
    watch?.reset();
    const returned = await outcomeOf(check, watch?.context ?? context);
    const outcome = watch ? watch.judge(returned) : returned;
    results.push(outcome.status === 'passed' ? { ...base, status: 'passed' } : { ...base, status: outcome.status, message: outcome.message });
  }
  return results;
}
