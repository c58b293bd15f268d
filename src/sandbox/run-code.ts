// The isomorphic core: one learner program, start to finish. Seed
// Math.random, transpile, scan imports, run as an async function whose
// `require` yields the sandbox's own tfjs and `course`, run the exercise's
// probes, capture the exports and probe results as data, count leaks, clean
// up. The host sends the capture on (the browser worker as a `captured`
// event) and then `done`. Checks never run here: the host gives the
// captured data to a fresh realm (src/exercises/checking/). Hosts (the
// browser worker, the Node child) provide the environment and enforce time
// limits.
import type * as tfType from '@tensorflow/tfjs';
import * as course from '../course/index.ts';
import { setRunContext, type RunContext } from '../course/context.ts';
import { DataError } from '../data/errors.ts';
import type { Transport } from '../data/transport.ts';
import type { CapturedRun, CapturedValue } from '../contract/captured.ts';
import { CourseError } from '../contract/course-error.ts';
import { DEFAULT_SEED, type ExerciseDefinition } from '../contract/exercise.ts';
import { captureValues } from './capture.ts';
import { captureConsole, redirectGlobalConsole } from './console-capture.ts';
import { explainError, isOutOfMemory, NAN_LOSS } from './explain-error.ts';
import { explainEngineError, explainSyntaxError, explainUnknownError, withoutInternalNames } from './explain-js-error.ts';
import { installFitHook, setNaNLossListener } from './fit-hook.ts';
import { installModelStepHook, setModelStepListener } from './model-step-hook.ts';
import { countTensors, heldTensors, leakedTensors } from './leaks.ts';
import { LearnerFailure } from './learner-error.ts';
import type { LearnerError, LearnerErrorKind, RunEvent, RunRequest } from '../contract/protocol.ts';
import type { ShowPayload } from '../contract/show.ts';
import { scanSource } from './scan-source.ts';
import { seedMathRandom } from './seed-random.ts';
import { calibrate, compileWrapper, learnerPosition, locateSyntaxError } from './source-position.ts';
import type { ColumnMap } from './source-map.ts';
import { transpile } from './transpile.ts';

export interface LoadedExercise {
  definition: ExerciseDefinition;
  starter: string;
}

export interface Host {
  environment: 'browser' | 'node';
  tf: typeof tfType;
  backend: string;
  backendReason: string;
  transport: Transport;
  emit(event: RunEvent): void;
  loadExercise(id: string): Promise<LoadedExercise>;
}

export interface RunOutcome {
  ok: boolean;
  error?: LearnerError;
  shows: ShowPayload[];
  /** The exports and probe results as data, for the check realm. */
  capture: CapturedRun;
  leakedTensors: number;
  durationMs: number;
}

/** The run's last event; hosts send it after whatever they do with the capture. */
export function doneEvent(runId: string, outcome: RunOutcome): RunEvent {
  return { type: 'done', runId, ok: outcome.ok, leakedTensors: outcome.leakedTensors, durationMs: outcome.durationMs };
}

// An unhandled rejection or uncaught error reported by the host ends the run.
let abortRun: ((error: LearnerError) => void) | undefined;
let activeColumns: ColumnMap = [];

/** Hosts call this from their unhandledrejection / error listeners. */
export function reportUncaught(reason: unknown, kind: 'unhandled-rejection' | 'runtime'): boolean {
  if (!abortRun) return false;
  abortRun(toLearnerError(reason, activeColumns, kind));
  return true;
}

const unavailable = (name: string) =>
  new Proxy(
    {},
    {
      get(_target, property) {
        if (typeof property === 'symbol') return undefined;
        throw new Error(`${name} is not available in exercises (the code runs in a sandbox). / ${name}는 연습 문제에서 쓸 수 없습니다.`);
      },
    },
  );

const LEARNER_STACK_FRAMES = 64;

function toLearnerError(error: unknown, columns: ColumnMap, kind: LearnerErrorKind = 'runtime'): LearnerError {
  if (error instanceof LearnerFailure) return error.learnerError;
  const e = error as { name?: string; message?: string };
  const message = e && typeof e === 'object' && 'message' in e ? `${e.name ?? 'Error'}: ${e.message}` : `Uncaught ${String(error)}`;
  const position = learnerPosition(error, columns);
  // A CourseError is already phrased for the learner; a raw error may be a
  // known tfjs failure or a JavaScript one; anything else still gets the
  // page's words for where it happened.
  const explanation = CourseError.is(error)
    ? { ko: error.text('ko'), en: error.text('en') }
    : explainError(String(e?.message ?? error)) ?? explainEngineError(message) ?? explainUnknownError(position?.line);
  return {
    // Memory is a limit of the run, not a mistake on a line: reported as such, wherever it ran out.
    kind: error instanceof DataError ? 'data' : isOutOfMemory(message) ? 'out-of-memory' : kind,
    message: withoutInternalNames(position ? `${message} (line ${position.line})` : message),
    ...(position ?? {}),
    explanation,
  };
}

function moduleFor(tf: typeof tfType) {
  return (specifier: string): unknown => {
    if (specifier === '@tensorflow/tfjs') return tf;
    if (specifier === 'course') return course;
    throw new LearnerFailure({
      kind: 'import',
      message: `import '${specifier}': only '@tensorflow/tfjs' and 'course' can be imported here.`,
    });
  };
}

/** Each probe's result as data; a probe that throws is captured as the reason. */
async function runProbes(definition: ExerciseDefinition | undefined, values: Record<string, unknown>, tf: typeof tfType): Promise<Record<string, CapturedValue>> {
  const results: Record<string, unknown> = {};
  const failed: Record<string, CapturedValue> = {};
  for (const [name, probe] of Object.entries(definition?.probes ?? {})) {
    try {
      results[name] = await probe(values, tf);
    } catch (error) {
      failed[name] = { $: 'omitted', reason: `threw ${String((error as Error)?.message ?? error).slice(0, 500)}` };
    }
  }
  return { ...captureValues(results, tf), ...failed };
}

export async function runLearnerCode(request: RunRequest, host: Host): Promise<RunOutcome> {
  const { tf, emit } = host;
  const { runId } = request;
  const startedAt = Date.now();
  await calibrate();
  installFitHook(tf);
  installModelStepHook(tf);

  const shows: ShowPayload[] = [];
  const captured = captureConsole(tf, runId, emit);
  let fitCount = 0;
  const context: RunContext = {
    runId,
    locale: request.locale,
    environment: host.environment,
    transport: host.transport,
    emit(payload) {
      shows.push(payload);
      emit({ type: 'show', runId, payload });
    },
    dataProgress(dataset, loadedBytes, totalBytes) {
      emit({ type: 'data-progress', runId, dataset, loadedBytes, totalBytes });
    },
    dataTensors: new Set(),
    savedModels: [],
    nextFitId: () => fitCount++,
  };
  setNaNLossListener(() => captured.console.warn(`⚠ ${NAN_LOSS[request.locale]}`));
  setModelStepListener((step, rows, phase) => emit({ type: 'model-step', runId, step, rows, phase }));
  const exercise = request.exerciseId ? (await host.loadExercise(request.exerciseId)).definition : undefined;
  const seed = request.seed ?? exercise?.seed ?? DEFAULT_SEED;
  const restoreRandom = seedMathRandom(seed);
  emit({ type: 'started', runId, backend: host.backend, backendReason: host.backendReason, seed });
  setRunContext(context);

  const before = countTensors(tf);
  tf.engine().startScope();
  const exports: Record<string, unknown> = {};
  let error: LearnerError | undefined;
  let capture: CapturedRun = { exports: {}, probes: {} };
  let leaked = 0;
  try {
    let columns: ColumnMap = [];
    try {
      const compiled = transpile(request.code);
      columns = compiled.columns;
      activeColumns = columns;
      const refused = scanSource(request.code);
      if (refused) throw new LearnerFailure(refused);
      let body;
      try {
        body = compileWrapper(compiled.js);
      } catch (e) {
        const message = String((e as Error).message);
        const line = locateSyntaxError(compiled.js, message);
        throw new LearnerFailure({
          kind: 'syntax',
          message: line ? `SyntaxError: ${message} (line ${line})` : `SyntaxError: ${message}`,
          line,
          explanation: explainSyntaxError(message),
        });
      }
      const aborted = new Promise<never>((_, reject) => {
        abortRun = (learnerError) => reject(new LearnerFailure(learnerError));
      });
      // tfjs prints through the global console (tensor.print(), model.summary()):
      // route it to the learner's output while their code runs.
      const restoreConsole = redirectGlobalConsole(captured.console);
      // A tfjs call fails about ten frames deep inside tfjs: V8's default of
      // ten frames would cut the learner's own frame (and line) off.
      Error.stackTraceLimit = Math.max(Error.stackTraceLimit ?? 0, LEARNER_STACK_FRAMES);
      try {
        await Promise.race([
          body(moduleFor(tf), exports, unavailable('module'), unavailable('process'), captured.console),
          aborted,
        ]);
      } finally {
        restoreConsole();
      }
    } catch (e) {
      error = toLearnerError(e, columns);
      emit({ type: 'error', runId, error });
    } finally {
      abortRun = undefined;
    }

    const values = { ...exports };
    const after = countTensors(tf);
    leaked = leakedTensors(before, after, heldTensors(tf, values, context.dataTensors));

    capture = { exports: captureValues(values, tf), probes: await runProbes(exercise, values, tf), stopped: error !== undefined };
  } finally {
    restoreRandom();
    setRunContext(undefined);
    setNaNLossListener(undefined);
    setModelStepListener(undefined);
    // Free everything the run made, so a reused worker starts clean.
    tf.engine().endScope();
    tf.disposeVariables();
  }
  return { ok: !error, error, shows, capture, leakedTensors: leaked, durationMs: Date.now() - startedAt };
}
