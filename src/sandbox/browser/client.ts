// The page's side of the sandbox: startRun posts a RunRequest to a module
// Worker (the learner's realm) and relays its events. For an exercise, a
// second, fresh worker (check-worker.ts, started at once so it loads while the
// code runs) gets the learner realm's `captured` data and the code as the page
// holds it, and only its `checks` are delivered: the learner's worker cannot
// speak for the checks. Stop and the time budget terminate both workers at
// once (also mid-fit); a crashed or lost worker still ends the run with an
// error and `done`. No worker runs twice: whatever a program patched in its
// realm dies with it. A spare pair, started when a run ends, has tfjs loaded
// by the time the learner presses Run again.
import type { LearnerError, RunEvent, RunRequest } from '../../contract/protocol.ts';
import type { ShowPayload } from '../../contract/show.ts';
import type { CheckWorkerRequest } from './check-worker.ts';
import { startCheckWorker, startLearnerWorker } from './start-worker.ts';
import { isOutOfMemory, OUT_OF_MEMORY } from '../explain-error.ts';
import { postMoving } from '../transfer.ts';

export interface RunHandle {
  /** Terminates the run now; emits error `stopped` and `done`. */
  stop(): void;
  /** Settles after the `done` event has been delivered. */
  done: Promise<void>;
}

export interface StartOptions {
  /** The run is terminated after this long with an error of kind `timeout`. */
  timeoutMs: number;
  /** Called when the check realm is handed the run's data: the page can say "checking". */
  onChecking?: () => void;
}

/** Show payloads kept for the checks; later ones still reach the page. */
const MAX_SHOWS_FOR_CHECKS = 10_000;

// Started ahead of the next run; never given a program before it.
let spare: { learner: Worker; checker: Worker } | undefined;

// Both from blob: URLs, under the page's CSP (start-worker.ts).
const createWorker = startLearnerWorker;
const createCheckWorker = startCheckWorker;

function takeWorkers(): { learner: Worker; checker: Worker } {
  const workers = spare ?? { learner: createWorker(), checker: createCheckWorker() };
  spare = undefined;
  return workers;
}

function prepareSpare(): void {
  spare ??= { learner: createWorker(), checker: createCheckWorker() };
}

const seconds = (ms: number) => String(Math.round(ms / 100) / 10);

const STOPPED: LearnerError = {
  kind: 'stopped',
  message: 'Stopped.',
  explanation: { ko: '실행을 멈췄습니다.', en: 'The run was stopped.' },
};

function timeoutError(ms: number): LearnerError {
  return {
    kind: 'timeout',
    message: `The run took longer than its time budget of ${seconds(ms)} s and was stopped.`,
    explanation: {
      ko: `실행 시간 제한(${seconds(ms)}초)을 넘어서 멈췄습니다. 끝나지 않는 반복문이 없는지 보고, 에포크 수나 데이터 양을 줄여 보세요.`,
      en: `The run went over its time budget (${seconds(ms)} s) and was stopped. Look for a loop that never ends, or train for fewer epochs or on less data.`,
    },
  };
}

function lostError(message: string): LearnerError {
  if (isOutOfMemory(message) || /memory/i.test(message)) {
    return { kind: 'out-of-memory', message: `The worker ran out of memory: ${message}`, explanation: OUT_OF_MEMORY };
  }
  return {
    kind: 'worker-lost',
    message: `The sandbox worker stopped unexpectedly${message ? `: ${message}` : ''}.`,
    explanation: {
      ko: '코드를 실행하던 작업자(worker)가 갑자기 멈췄습니다. 다시 실행해 보세요. 되풀이되면 페이지를 새로 고치세요.',
      en: 'The worker running the code stopped unexpectedly. Run again; if it keeps happening, reload the page.',
    },
  };
}

export function startRun(request: RunRequest, onEvent: (event: RunEvent) => void, options: StartOptions): RunHandle {
  const workers = takeWorkers();
  const worker = workers.learner;
  const checker = request.exerciseId ? workers.checker : undefined;
  if (!checker) workers.checker.terminate();
  const shows: ShowPayload[] = [];
  let capture: unknown = { exports: {}, probes: {} };
  let learnerDone: Extract<RunEvent, { type: 'done' }> | undefined;
  const { runId } = request;
  let finished = false;
  let resolveDone!: () => void;
  const done = new Promise<void>((resolve) => {
    resolveDone = resolve;
  });

  const deliver = (event: RunEvent) => {
    try {
      onEvent(event);
    } catch (error) {
      // A bug in the page's handler must not break the run's bookkeeping.
      console.error(error);
    }
  };

  const releaseLearner = () => {
    worker.removeEventListener('message', onMessage);
    worker.removeEventListener('error', onError);
    worker.removeEventListener('messageerror', onError);
    worker.terminate();
  };

  const end = () => {
    finished = true;
    clearTimeout(timer);
    releaseLearner();
    checker?.terminate();
    prepareSpare();
    resolveDone();
  };

  const abort = (error: LearnerError) => {
    if (finished) return;
    deliver({ type: 'error', runId, error });
    deliver({ type: 'done', runId, ok: false, leakedTensors: 0, durationMs: 0 });
    end();
  };

  const onMessage = (message: MessageEvent<RunEvent>) => {
    const event = message.data;
    if (finished || learnerDone || !event || event.runId !== runId) return;
    if (event.type === 'checks') return;
    if (event.type === 'captured') {
      capture = event.capture;
      return;
    }
    if (event.type === 'show' && shows.length < MAX_SHOWS_FOR_CHECKS) shows.push(event.payload);
    if (event.type !== 'done') return deliver(event);
    if (!checker) {
      deliver(event);
      return end();
    }
    learnerDone = event;
    releaseLearner();
    const checkRequest: CheckWorkerRequest = { runId, exerciseId: request.exerciseId!, code: request.code, capture, shows, dataBase: request.dataBase };
    // Moved on: the page never reads the capture's buffers.
    postMoving(checker, checkRequest, capture);
    options.onChecking?.();
  };

  // The check realm's answer: the only `checks` the page ever delivers.
  const onCheckMessage = (message: MessageEvent<RunEvent>) => {
    const event = message.data;
    if (finished || !learnerDone || !event || event.runId !== runId) return;
    if (event.type !== 'checks' && event.type !== 'error') return;
    deliver(event);
    deliver(event.type === 'checks' ? learnerDone : { ...learnerDone, ok: false });
    end();
  };
  const onError = (event: Event) => {
    event.preventDefault?.();
    const message = event instanceof ErrorEvent ? event.message : 'the worker could not be started or its message could not be read';
    abort(lostError(message));
  };

  worker.addEventListener('message', onMessage);
  worker.addEventListener('error', onError);
  worker.addEventListener('messageerror', onError);
  checker?.addEventListener('message', onCheckMessage);
  checker?.addEventListener('error', onError);
  checker?.addEventListener('messageerror', onError);
  const timer = setTimeout(() => abort(timeoutError(options.timeoutMs)), options.timeoutMs);
  worker.postMessage(request);

  return {
    stop: () => abort(STOPPED),
    done,
  };
}
