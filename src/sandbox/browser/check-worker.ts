// Module Worker entry for the check realm: one fresh worker per run, started
// by client.ts, that never runs learner code. It receives the learner realm's
// capture (data only), rebuilds it with its own tfjs and runs the exercise's
// checks; the page takes `checks` from here and never from the learner's worker.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import type { RunEvent } from '../../contract/protocol.ts';
import type { ShowPayload } from '../../contract/show.ts';
import { browserTransport } from '../../data/transports/browser.ts';
import { handedTransport } from '../../data/transports/handed.ts';
import { checkCapture } from '../../exercises/checking/check-capture.ts';
import { loadExercise } from '../../exercises/registry.browser.ts';
import { chooseBrowserBackend } from './choose-backend.ts';
import { HandedData, isWarmMessage, type WarmedMessage } from './warm.ts';

export interface CheckWorkerRequest {
  runId: string;
  exerciseId: string;
  /** The code the host ran, as the host holds it. */
  code: string;
  capture: unknown;
  shows: ShowPayload[];
  /** Where this realm reads the course's data itself (the run request's dataBase). */
  dataBase: string;
}

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (event: RunEvent) => scope.postMessage(event);
// Load tfjs's backend while the learner's code is still running.
const backend = chooseBrowserBackend(tf);
// The reference data the page handed over while this worker was a spare (warm.ts).
const handed = new HandedData();
const postWarmed = () => scope.postMessage({ type: 'warmed', datasets: [...handed.datasets.keys()] } satisfies WarmedMessage);
void backend.then(postWarmed, () => {});

scope.addEventListener('message', async (event: MessageEvent<CheckWorkerRequest>) => {
  if (isWarmMessage(event.data)) {
    handed.take(event.data);
    await backend.catch(() => {});
    postWarmed();
    return;
  }
  const { runId, exerciseId, code, capture, shows, dataBase } = event.data;
  try {
    const choice = await backend;
    if (tf.getBackend() !== choice.backend) await tf.setBackend(choice.backend);
    const results = await checkCapture(tf, await loadExercise(exerciseId), { code, capture, shows, transport: handedTransport(handed.for(dataBase), browserTransport(dataBase)) });
    post({ type: 'checks', runId, results });
  } catch (error) {
    post({
      type: 'error',
      runId,
      error: {
        kind: 'worker-lost',
        message: `The checks could not read what the run handed back: ${String((error as Error)?.message ?? error)}`,
        explanation: {
          ko: '실행이 돌려준 값을 검사가 읽을 수 없었습니다. 내보낸 값이 너무 크거나 이상한 형태가 아닌지 확인하고 다시 실행하세요.',
          en: 'The checks could not read what the run handed back. Check that your exports are not huge or oddly shaped, and run again.',
        },
      },
    });
  }
});
