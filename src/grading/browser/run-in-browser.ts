// The grader's Runner in a browser: one submission through the sandbox's
// startRun (the learner's code in a fresh Web Worker, the checks in another
// fresh worker that never ran learner code), with the exercise's time budget.
// Every event is data to validate: checks are rebuilt field by field
// (valid-checks.ts), an error of any shape becomes a printable LearnerError,
// printed output is capped (output-buffer.ts), and so are the pictures
// (`show` payloads, picture-buffer.ts) the page offers on demand. The gradebook page uses it directly; `npm run grade` calls it in
// headless Chromium through the page (components/gradebook/automation.ts),
// and may stop a run that is over its memory limit with `stop(error)`.
import type { CheckResult, LearnerError, RunEvent, RunReport, RunRequest } from '../../contract/protocol.ts';
import { startRun } from '../../sandbox/browser/client.ts';
import type { Runner } from '../grader/types.ts';
import { OutputBuffer } from './output-buffer.ts';
import { PictureBuffer } from './picture-buffer.ts';
import { capString, MalformedChecks, validCheckResults } from './valid-checks.ts';
import { validLearnerError } from './valid-learner-error.ts';

/** If the run's own end never arrives (it always should), give up this long after its budget. */
const GRACE_MS = 30_000;

export interface BrowserRun {
  report: Promise<RunReport>;
  /** Ends the run now, reporting `error` (e.g. out-of-memory) instead of "stopped". */
  stop(error: LearnerError): void;
}

function malformedChecks(problem: string): LearnerError {
  return {
    kind: 'worker-lost',
    message: `The checks' answer could not be used (${problem}).`,
    explanation: {
      ko: '검사 결과가 올바른 형태가 아니어서 채점하지 못했습니다. 코드를 읽어 보세요.',
      en: 'The check results were not in the expected form, so this submission could not be graded. Read its code.',
    },
  };
}

export function startBrowserRun(request: RunRequest, limits: { timeoutMs: number }): BrowserRun {
  const output = new OutputBuffer();
  const pictures = new PictureBuffer();
  let backend: string | undefined;
  let error: LearnerError | undefined;
  let replacement: LearnerError | undefined;
  let checks: CheckResult[] = [];
  let done: Extract<RunEvent, { type: 'done' }> | undefined;

  const onEvent = (event: RunEvent) => {
    switch (event?.type) {
      case 'started':
        backend = typeof event.backend === 'string' ? capString(event.backend, 40) : undefined;
        break;
      case 'console':
        output.push(event.text);
        break;
      case 'output-truncated':
        output.truncated = true;
        break;
      case 'error': {
        // The first error decides; "stopped" after our own stop() is replaced by its reason.
        const reported = replacement && event.error?.kind === 'stopped' ? replacement : validLearnerError(event.error);
        error ??= reported;
        break;
      }
      case 'checks':
        try {
          checks = validCheckResults(event.results);
        } catch (problem) {
          if (!(problem instanceof MalformedChecks)) throw problem;
          checks = [];
          error ??= malformedChecks(problem.message);
        }
        break;
      case 'show':
        pictures.push(event.payload);
        break;
      case 'done':
        done = event;
        break;
      default:
        // data-progress, captured: not kept.
        break;
    }
  };

  const handle = startRun(request, onEvent, { timeoutMs: limits.timeoutMs });
  let watchdog: ReturnType<typeof setTimeout> | undefined;
  const report = Promise.race([
    handle.done,
    new Promise<void>((resolve) => {
      watchdog = setTimeout(() => {
        replacement ??= { kind: 'worker-lost', message: 'The run did not end after its time budget.' };
        handle.stop();
        resolve();
      }, limits.timeoutMs + GRACE_MS);
    }),
  ]).then((): RunReport => {
    clearTimeout(watchdog);
    const events: RunEvent[] = output.truncated ? [{ type: 'output-truncated', runId: request.runId, limit: output.lines.length }] : [];
    const finalError = error ?? (done ? undefined : replacement);
    const result: RunReport = {
      runId: request.runId,
      events,
      console: output.lines,
      shows: pictures.pictures,
      checks,
      ok: done?.ok === true && finalError === undefined,
    };
    if (backend !== undefined) result.backend = backend;
    if (finalError) result.error = finalError;
    if (typeof done?.leakedTensors === 'number') result.leakedTensors = done.leakedTensors;
    return result;
  });

  return {
    report,
    stop(reason: LearnerError) {
      replacement ??= validLearnerError(reason);
      handle.stop();
    },
  };
}

/** The Runner for gradeSubmissions: memory limits are not measurable from a page, so only the time budget applies here. */
export const runInBrowser: Runner = (request, limits) => startBrowserRun(request, limits).report;
