// How an exercise is defined: once, in its own folder under src/exercises.
// Checks run inside the worker right after the learner's code, so tensors in
// `exports` are still alive; they must never depend on wall-clock speed.
import type * as tfType from '@tensorflow/tfjs';
import type { DatasetName, Localized } from './locale.ts';
import type { ShowPayload } from './show.ts';

export interface CheckContext {
  /** The learner module's named exports. */
  exports: Record<string, unknown>;
  /** Every show.* payload the run produced, in order (fit-progress included). */
  shows: ShowPayload[];
  /** The learner's source as submitted. */
  code: string;
  /** True when the code is the starter, modulo whitespace. */
  unchanged: boolean;
  /** The sandbox's own tfjs instance. */
  tf: typeof tfType;
}

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
  /** The run is stopped after this long, with a message that says so. */
  timeBudgetMs: number;
  /** Progressive hints, shown one at a time; at least two per language. */
  hints: { ko: string[]; en: string[] };
  checks: Check[];
}

export function defineExercise(definition: ExerciseDefinition): ExerciseDefinition {
  if (definition.hints.ko.length !== definition.hints.en.length) {
    throw new Error(`exercise ${definition.id}: ${definition.hints.ko.length} Korean hints but ${definition.hints.en.length} English ones`);
  }
  return definition;
}

export const pass = (): CheckOutcome => ({ status: 'passed' });
export const fail = (message: Localized): CheckOutcome => ({ status: 'failed', message });
export const notAttempted = (message: Localized): CheckOutcome => ({ status: 'not-attempted', message });
