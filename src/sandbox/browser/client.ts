// The page's side of the sandbox: startRun posts a RunRequest to a module
// Worker (the learner's realm) and relays its events. For an exercise, a
// second, fresh worker (check-worker.ts, started at once so it loads while the
// code runs) gets the learner realm's `captured` data and the code as the page
// holds it, and only its `checks` are delivered: the learner's worker cannot
// speak for the checks. Stop and the time budget terminate both workers at
// once (also mid-fit); a crashed or lost worker still ends the run with an
// error and `done`. No worker runs twice: whatever a program patched in its
// realm dies with it. A spare pair is started as soon as an exercise wakes
// (`warmUp`) and again whenever a run ends: by the time the learner presses
// Run its backend is up and, before any learner code exists in it, the page
// has handed it its own copy of the datasets the page loaded and checked
// once (src/data/held.ts, warm.ts), so a run repeats no data work.
import type { LearnerError, RunEvent, RunRequest } from '../../contract/protocol.ts';
import type { ShowPayload } from '../../contract/show.ts';
import type { CheckWorkerRequest } from './check-worker.ts';
import { startCheckWorker, startLearnerWorker } from './start-worker.ts';
import { isOutOfMemory, OUT_OF_MEMORY } from '../explain-error.ts';
import { postMoving } from '../transfer.ts';
import type { DatasetName } from '../../contract/locale.ts';
import { browserTransport } from '../../data/transports/browser.ts';
import { handOff, holdDatasets, type HeldDatasets } from '../../data/held.ts';
import { isWarmedMessage, type WarmMessage } from './warm.ts';

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

interface Spare {
  learner: Worker;
  checker: Worker;
  /** Settles once every hand-off to these workers was posted (or its load failed): a run's request goes after it. */
  handed: Promise<void>;
  /** Settles when both workers have their backend up and hold every dataset asked for so far. */
  ready: Promise<void>;
  /** Settles when the learner worker has written its wasm heap ahead of the run (heap-warmer.ts), with the bytes written. */
  heapWarmed: Promise<number>;
  /** Datasets handed (or being handed) to this pair. */
  datasets: Set<DatasetName>;
  /** Set when the run's request is posted: from then on learner code may share the realm, and the page hands it nothing. */
  sealed: boolean;
  /** Recomputes `ready` after datasets were added. */
  refreshReady(): void;
  stopListening(): void;
}

// Started ahead of the next run; never given a program before it.
let spare: Spare | undefined;

// What the page's exercises asked to keep warm, and the data loaded for it.
let wanted: { dataBase: string; datasets: Set<DatasetName>; held: HeldDatasets } | undefined;

// Both from blob: URLs, under the page's CSP (start-worker.ts).
const createWorker = startLearnerWorker;
const createCheckWorker = startCheckWorker;

/** Resolves when `worker` says its backend is up and it holds `names` (asked again as names are added). */
function watchWarmed(worker: Worker): { until(names: Set<DatasetName>): Promise<void>; heap: Promise<number>; stop(): void } {
  let holds: Set<string> | undefined;
  let heapWritten: (bytes: number) => void = () => {};
  const heap = new Promise<number>((resolve) => (heapWritten = resolve));
  const waiting: { names: Set<DatasetName>; resolve(): void }[] = [];
  const settle = () => {
    for (const w of [...waiting]) {
      if (holds && [...w.names].every((n) => holds!.has(n))) {
        waiting.splice(waiting.indexOf(w), 1);
        w.resolve();
      }
    }
  };
  const listener = (event: MessageEvent) => {
    if (!isWarmedMessage(event.data)) return;
    holds = new Set(event.data.datasets);
    if (event.data.heapBytes !== undefined) heapWritten(event.data.heapBytes);
    settle();
  };
  worker.addEventListener('message', listener);
  return {
    until: (names) =>
      new Promise<void>((resolve) => {
        waiting.push({ names: new Set(names), resolve });
        settle();
      }),
    heap,
    stop: () => {
      worker.removeEventListener('message', listener);
      heapWritten(0);
      for (const w of waiting.splice(0)) w.resolve(); // given a run: nobody waits for a warm-up any more
    },
  };
}

function newSpare(): Spare {
  const learner = createWorker();
  const checker = createCheckWorker();
  const watches = [watchWarmed(learner), watchWarmed(checker)];
  const created: Spare = {
    learner,
    checker,
    handed: Promise.resolve(),
    ready: Promise.resolve(),
    heapWarmed: watches[0].heap,
    datasets: new Set(),
    sealed: false,
    refreshReady() {
      const names = new Set(created.datasets);
      created.ready = Promise.all(watches.map((w) => w.until(names))).then(() => {});
    },
    stopListening: () => watches.forEach((w) => w.stop()),
  };
  created.refreshReady();
  handData(created);
  return created;
}

/** Hands `pair` a copy of every wanted dataset it does not have yet. */
function handData(pair: Spare): void {
  if (!wanted) return;
  const { dataBase, held } = wanted;
  const missing = [...wanted.datasets].filter((name) => !pair.datasets.has(name));
  if (missing.length === 0) return;
  for (const name of missing) pair.datasets.add(name);
  const posted = missing.map(async (name) => {
    const dataset = await held.get(name).catch(() => undefined);
    // Only before the run's request: the request waits for this (startRun).
    if (!dataset || pair.sealed) return;
    for (const worker of [pair.learner, pair.checker]) {
      const copy = handOff(dataset);
      worker.postMessage({ type: 'warm', dataBase, datasets: [copy.dataset] } satisfies WarmMessage, copy.transfer);
    }
  });
  pair.handed = Promise.all([pair.handed, ...posted]).then(() => {});
  pair.refreshReady();
}

function takeWorkers(): Spare {
  const workers = spare ?? newSpare();
  spare = undefined;
  workers.stopListening();
  return workers;
}

function prepareSpare(): void {
  spare ??= newSpare();
}

export interface WarmUpOptions {
  /** Where the page's data lives (the runs' `dataBase`). */
  dataBase: string;
  /** Datasets the page's exercises read: loaded and checked once by the page, handed to every spare worker. */
  datasets: readonly DatasetName[];
}

/**
 * Prepares the next run while the learner reads: starts the spare pair of
 * workers (tfjs and its backend load), loads and checks the datasets once in
 * the page and hands each spare its own copy. Resolves when the spare is
 * ready; safe to call again (more datasets, another exercise on the page).
 */
export function warmUp(options: WarmUpOptions): Promise<void> {
  if (!wanted || wanted.dataBase !== options.dataBase) {
    wanted = { dataBase: options.dataBase, datasets: new Set(), held: holdDatasets(browserTransport(options.dataBase)) };
  }
  for (const name of options.datasets) wanted.datasets.add(name);
  prepareSpare();
  handData(spare!);
  return spare!.ready;
}

/** The datasets the page holds for its workers (after warmUp): the bench times them, tests count their loads. */
export function pageDatasets(): HeldDatasets | undefined {
  return wanted?.held;
}

/** Resolves when the spare pair is ready (see warmUp); at once when there is none. */
export function spareReady(): Promise<void> {
  return spare?.ready ?? Promise.resolve();
}

/** Resolves when the spare's heap is written ahead (after `spareReady`), with the bytes written; 0 when there is no spare. */
export function spareHeapWarmed(): Promise<number> {
  return spare?.heapWarmed ?? Promise.resolve(0);
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
  // After the page's data (a spare's hand-off still under way when Run was
  // pressed: the same download the worker would otherwise make itself).
  void workers.handed.then(() => {
    workers.sealed = true;
    if (!finished) worker.postMessage(request);
  });

  return {
    stop: () => abort(STOPPED),
    done,
  };
}
