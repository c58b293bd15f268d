// Module Worker entry: runs one learner program per message with the
// isomorphic core and posts every RunEvent back, then the exports as data
// (`captured`) for the check worker, then `done`. The host (client.ts) gives
// it one run only and terminates it at the end, on Stop or when the time
// budget runs out.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { browserTransport } from '../../data/transports/browser.ts';
import { handedTransport } from '../../data/transports/handed.ts';
import { loadExercise } from '../../exercises/registry.browser.ts';
import type { RunEvent, RunRequest } from '../../contract/protocol.ts';
import { doneEvent, reportUncaught, runLearnerCode } from '../run-code.ts';
import { chooseBrowserBackend, type BackendChoice } from './choose-backend.ts';
import { lockDownLearnerGlobal } from './lockdown.ts';
import { postMoving } from '../transfer.ts';
import { HandedData, isWarmMessage, type WarmedMessage } from './warm.ts';
import { heapFor, heapWarmer, type HeapWarmer } from './heap-warmer.ts';
import { wasmHeap } from '../fast/lean-fit/wasm-heap.ts';

// Read once, before the lockdown and before any learner code exists in this realm.
const deviceMemoryGiB = (navigator as Navigator & { deviceMemory?: number }).deviceMemory;
lockDownLearnerGlobal(); // after the imports (the data transport took its references), before any learner code

const scope = self as unknown as DedicatedWorkerGlobalScope;
// Chosen as soon as the worker loads: a spare worker is ready before Run.
const backend: Promise<BackendChoice> = chooseBrowserBackend(tf);
let currentRunId = '';
// What the page handed over while this worker was a spare (warm.ts); taken
// only before the run begins, since after that learner code shares the realm.
const handed = new HandedData();
let running = false;

const post = (event: RunEvent) => scope.postMessage(event);
const postWarmed = (heapBytes?: number) => scope.postMessage({ type: 'warmed', datasets: [...handed.datasets.keys()], heapBytes } satisfies WarmedMessage);
void backend.then(() => postWarmed(), () => {});

// On wasm, the heap the handed data will need is written while the learner reads.
let warmer: HeapWarmer | undefined;
const warmHeap = () => {
  const heap = wasmHeap(tf);
  if (!heap) return postWarmed(0);
  warmer ??= heapWarmer(heap);
  let bytes = 0;
  for (const dataset of handed.datasets.values()) for (const file of Object.values(dataset.files)) bytes += file.length;
  void warmer.warmTo(heapFor(bytes, deviceMemoryGiB)).then((written) => {
    if (!running) postWarmed(written);
  });
};

scope.addEventListener('unhandledrejection', (event) => {
  if (reportUncaught(event.reason, 'unhandled-rejection')) event.preventDefault();
});
scope.addEventListener('error', (event) => {
  if (reportUncaught(event.error ?? event.message, 'runtime')) event.preventDefault();
});

scope.addEventListener('message', async (event: MessageEvent<RunRequest>) => {
  if (isWarmMessage(event.data)) {
    if (running) return;
    handed.take(event.data);
    await backend.catch(() => {});
    if (!running) {
      postWarmed();
      warmHeap();
    }
    return;
  }
  running = true;
  const request = event.data;
  currentRunId = request.runId;
  try {
    const choice = await backend;
    await warmer?.stop(); // its block is freed before learner code runs
    const outcome = await runLearnerCode(request, {
      environment: 'browser',
      tf,
      backend: choice.backend,
      backendReason: choice.reason,
      transport: handedTransport(handed.for(request.dataBase), browserTransport(request.dataBase)),
      emit: post,
      loadExercise,
    });
    // Moved, not cloned: its tensors' buffers are copies only the check realm reads.
    postMoving(scope, { type: 'captured', runId: request.runId, capture: outcome.capture } satisfies RunEvent, outcome.capture);
    post(doneEvent(request.runId, outcome));
  } catch (error) {
    // A failure of the sandbox itself (not of learner code): still end the run.
    post({ type: 'error', runId: currentRunId, error: { kind: 'worker-lost', message: `The sandbox failed: ${String((error as Error)?.stack ?? error)}` } });
    post({ type: 'done', runId: currentRunId, ok: false, leakedTensors: 0, durationMs: 0 });
  }
});
