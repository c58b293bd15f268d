// Module Worker entry: runs one learner program per message with the
// isomorphic core and posts every RunEvent back, then the exports as data
// (`captured`) for the check worker, then `done`. The host (client.ts) gives
// it one run only and terminates it at the end, on Stop or when the time
// budget runs out.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { browserTransport } from '../../data/transports/browser.ts';
import { loadExercise } from '../../exercises/registry.browser.ts';
import type { RunEvent, RunRequest } from '../../contract/protocol.ts';
import { doneEvent, reportUncaught, runLearnerCode } from '../run-code.ts';
import { chooseBrowserBackend, type BackendChoice } from './choose-backend.ts';
import { lockDownLearnerGlobal } from './lockdown.ts';
import { postMoving } from '../transfer.ts';

lockDownLearnerGlobal(); // after the imports (the data transport took its references), before any learner code

const scope = self as unknown as DedicatedWorkerGlobalScope;
// Chosen as soon as the worker loads: a spare worker is ready before Run.
const backend: Promise<BackendChoice> = chooseBrowserBackend(tf);
let currentRunId = '';

const post = (event: RunEvent) => scope.postMessage(event);

scope.addEventListener('unhandledrejection', (event) => {
  if (reportUncaught(event.reason, 'unhandled-rejection')) event.preventDefault();
});
scope.addEventListener('error', (event) => {
  if (reportUncaught(event.error ?? event.message, 'runtime')) event.preventDefault();
});

scope.addEventListener('message', async (event: MessageEvent<RunRequest>) => {
  const request = event.data;
  currentRunId = request.runId;
  try {
    const choice = await backend;
    const outcome = await runLearnerCode(request, {
      environment: 'browser',
      tf,
      backend: choice.backend,
      backendReason: choice.reason,
      transport: browserTransport(request.dataBase),
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
