// node --experimental-strip-types scripts/bench/exercise-phases.ts [--only 12-confusion-report,13-fashion-mnist]
// Where each reference solution's Run → verdict goes, in one Node process
// (the Node sandbox's own steps, without its child process): the learner's
// program split at its events (data loaded, each fit, its last output), the
// capture of its exports, and the checks one by one (the check realm's
// rebuild of the capture, then each check's own time). Trusted course code
// only, like the rest of the bench.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { nodeTransport } from '../../src/data/transports/node.ts';
import { listExercises, loadExercise } from '../../src/exercises/registry.node.ts';
import { checkCapture } from '../../src/exercises/checking/check-capture.ts';
import { runLearnerCode } from '../../src/sandbox/run-code.ts';
import { chooseNodeBackend } from '../../src/sandbox/node/choose-backend.ts';
import type { RunEvent } from '../../src/contract/protocol.ts';
import type { FitProgressPayload } from '../../src/contract/show.ts';
import { trainingSteps } from '../../test/sandbox/exercise-work.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const argv = process.argv.slice(2);
const onlyAt = argv.indexOf('--only');
const only = onlyAt >= 0 ? argv[onlyAt + 1].split(',') : undefined;
const { backend, reason } = await chooseNodeBackend(tf);
const transport = nodeTransport(path.join(root, 'public/data'));
const s = (ms: number) => (ms / 1000).toFixed(2);

for (const id of listExercises().filter((e) => !only || only.includes(e))) {
  const exercise = await loadExercise(id);
  const t0 = performance.now();
  const marks: string[] = [];
  let last = t0;
  const mark = (what: string) => {
    const now = performance.now();
    marks.push(`${what} ${s(now - last)}`);
    last = now;
  };
  const shows: FitProgressPayload[] = [];
  const emit = (event: RunEvent) => {
    if (event.type === 'show' && event.payload.kind === 'fit-progress') shows.push(event.payload);
    if (event.type === 'data-progress') {
      if (event.loadedBytes === event.totalBytes) mark(`data(${event.dataset})`);
    } else if (event.type === 'show' && event.payload.kind === 'fit-progress' && (event.payload as { phase?: string }).phase === 'end') {
      mark('fit');
    } else if (event.type === 'started') {
      last = performance.now();
    }
  };
  const outcome = await runLearnerCode(
    { runId: `phases-${id}`, code: exercise.localized.en.solution, exerciseId: id, locale: 'en', dataBase: 'public/data' },
    { environment: 'node', tf, backend, backendReason: reason, transport, emit, loadExercise: async () => exercise },
  );
  mark('rest of program + capture');
  const checks = exercise.definition.checks.map((check) => ({
    ...check,
    run: async (ctx: Parameters<typeof check.run>[0]) => {
      mark('→');
      const result = await check.run(ctx);
      mark(`check ${check.id}`);
      return result;
    },
  }));
  const results = await checkCapture(tf, { ...exercise, definition: { ...exercise.definition, checks } }, { code: exercise.localized.en.solution, capture: outcome.capture, shows: outcome.shows, transport });
  mark('cleanup');
  const passed = results.filter((r) => r.status === 'passed').length;
  console.log(`${id.padEnd(22)} ${s(performance.now() - t0).padStart(6)} s  ${passed}/${results.length}  ${trainingSteps(shows)} training steps${outcome.error ? ` error ${outcome.error.message}` : ''}\n    ${marks.join(' | ')}`);
}
