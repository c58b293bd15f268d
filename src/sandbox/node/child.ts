// Child process entry for runInNode: reads one RunRequest (JSON) from stdin,
// runs it with the isomorphic core and writes each RunEvent as one JSON line
// to fd 3, synchronously, so nothing is lost if the parent kills us next.
// Started by run.ts under Node's permission model (read-only project access).
import { readFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { nodeTransport } from '../../data/transports/node.ts';
import { loadExercise } from '../../exercises/registry.node.ts';
import type { RunEvent, RunRequest } from '../../contract/protocol.ts';
import { checkCapture } from '../../exercises/checking/check-capture.ts';
import { doneEvent, reportUncaught, runLearnerCode } from '../run-code.ts';
import { chooseNodeBackend } from './choose-backend.ts';
import { lockDown } from './lockdown.ts';

const EVENTS_FD = 3;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

// Learner code runs in this realm and could rebind globals; keep our own
// references, taken before it runs, for everything the event channel uses.
const stringify = JSON.stringify;
const { token, request } = JSON.parse(readFileSync(0, 'utf8')) as { token: string; request: RunRequest };

// Every event line starts with the per-run token from the parent, which only
// this module knows: a program that writes to fd 3 itself cannot forge events.
function send(event: RunEvent): void {
  writeSync(EVENTS_FD, `${token} ${stringify(event)}\n`);
}

const { backend, reason } = await chooseNodeBackend(tf);

// tfjs-backend-wasm's Emscripten glue rethrows every uncaught error and
// unhandled rejection (killing the process); ours report them as learner errors.
process.removeAllListeners('unhandledRejection');
process.removeAllListeners('uncaughtException');
process.on('unhandledRejection', (reason) => {
  if (!reportUncaught(reason, 'unhandled-rejection')) {
    send({ type: 'error', runId: request.runId, error: { kind: 'unhandled-rejection', message: String((reason as Error)?.stack ?? reason) } });
  }
});
process.on('uncaughtException', (error) => {
  if (!reportUncaught(error, 'runtime')) {
    send({ type: 'error', runId: request.runId, error: { kind: 'runtime', message: String(error?.stack ?? error) } });
    process.exit(1);
  }
});

// The exercise (its checks import modules) is loaded before the lockdown,
// which refuses every import from then on.
const exercise = request.exerciseId ? await loadExercise(request.exerciseId) : undefined;
lockDown();

const transport = nodeTransport(path.resolve(root, request.dataBase || 'public/data'));
const outcome = await runLearnerCode(request, {
  environment: 'node',
  tf,
  backend,
  backendReason: reason,
  transport,
  emit: send,
  loadExercise: async (id) => {
    if (!exercise || exercise.definition.id !== id) throw new Error(`exercise ${id} was not loaded before the run`);
    return exercise;
  },
});
// This process runs only the course's own code (tests, bench), so the checks
// take the same data path as in the browser's check worker, in this realm.
if (exercise) {
  try {
    const results = await checkCapture(tf, exercise, { code: request.code, capture: outcome.capture, shows: outcome.shows, transport });
    send({ type: 'checks', runId: request.runId, results });
  } catch (error) {
    send({ type: 'error', runId: request.runId, error: { kind: 'worker-lost', message: `The checks could not run: ${String((error as Error)?.message ?? error)}` } });
  }
}
send(doneEvent(request.runId, outcome));
process.exit(0);
