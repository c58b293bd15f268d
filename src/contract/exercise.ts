// How an exercise is defined: once, in its own folder under src/exercises.
// Checks run in a fresh realm the learner's code never touched, on the
// exports rebuilt from data (src/exercises/checking/); they recompute what
// matters themselves and must never depend on wall-clock speed.
import type * as tfType from '@tensorflow/tfjs';
import type { DatasetName, Localized } from './locale.ts';
import type { ShowPayload } from './show.ts';

export interface CheckContext {
  /**
   * The learner module's named exports, rebuilt in the check realm: tensors,
   * models (topology, weights, training config), History and EarlyStopping are
   * this realm's own classes; a function is a stub (see `probes`).
   */
  exports: Record<string, unknown>;
  /** What the exercise's probes returned in the learner's realm, rebuilt the same way. */
  probes: Record<string, unknown>;
  /** Every show.* payload the run produced, in order (fit-progress included). */
  shows: ShowPayload[];
  /** The learner's source as submitted. */
  code: string;
  /** True when the code is the starter, modulo whitespace. */
  unchanged: boolean;
  /**
   * True when the program stopped with an error before its end (the run's
   * error is shown to the learner apart from the checks). The check runner
   * already turns a failure over an export the program never reached into
   * "could not check: the program stopped", so checks rarely need this.
   */
  stopped: boolean;
  /** The check realm's own tfjs instance. */
  tf: typeof tfType;
  /**
   * The course's real data, read and verified in the check realm (never the
   * learner's copy): for checks that recompute a score themselves.
   */
  dataset(name: DatasetName): Promise<DatasetBytes>;
}

/** A dataset as its verified IDX bytes: images [n, 28, 28] and labels [n], uint8. */
export interface DatasetBytes {
  xTrain: { data: Uint8Array; shape: number[] };
  yTrain: { data: Uint8Array; shape: number[] };
  xTest: { data: Uint8Array; shape: number[] };
  yTest: { data: Uint8Array; shape: number[] };
}

/**
 * Runs in the learner's realm after their module, for what only running their
 * code can tell (calling an exported function on test inputs, or whether a
 * callback reached fit). Its result leaves the realm as data, like the
 * exports: a learner can forge it only by computing the right answer, so
 * checks that can recompute from exports should do that instead.
 */
export type Probe = (exports: Record<string, unknown>, tf: typeof tfType) => unknown;

export type CheckOutcome =
  | { status: 'passed' }
  | { status: 'failed'; message: Localized }
  | { status: 'not-attempted'; message: Localized };

export interface Check {
  id: string;
  title: Localized;
  /** Advice-only checks set this to false; default true. */
  graded?: boolean;
  run(ctx: CheckContext): CheckOutcome | Promise<CheckOutcome>;
}

export interface ExerciseDefinition {
  /** Equals the folder name, e.g. "02-mnist-load". */
  id: string;
  /** The lesson slug whose page holds the instructions, e.g. "02-mnist". */
  lesson: string;
  title: Localized;
  datasets: DatasetName[];
  /** Seeds Math.random (tfjs initialisers, shuffling) for every run; a run request may name another. Default DEFAULT_SEED. */
  seed?: number;
  /** Probes run in the learner's realm after the module; results reach checks as `ctx.probes`. */
  probes?: Record<string, Probe>;
  /** The run is stopped after this long, with a message that says so. */
  timeBudgetMs: number;
  /** Progressive hints, shown one at a time; at least two per language. */
  hints: { ko: string[]; en: string[] };
  checks: Check[];
}

/** The seed of every run whose exercise and request name none. */
export const DEFAULT_SEED = 20261202;

export function defineExercise(definition: ExerciseDefinition): ExerciseDefinition {
  if (definition.hints.ko.length !== definition.hints.en.length) {
    throw new Error(`exercise ${definition.id}: ${definition.hints.ko.length} Korean hints but ${definition.hints.en.length} English ones`);
  }
  return definition;
}

export const pass = (): CheckOutcome => ({ status: 'passed' });
export const fail = (message: Localized): CheckOutcome => ({ status: 'failed', message });
export const notAttempted = (message: Localized): CheckOutcome => ({ status: 'not-attempted', message });
