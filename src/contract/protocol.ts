// The messages between a host (the lesson page, or the Node runner) and the
// worker that runs learner code. Everything here must survive structuredClone
// and JSON: plain objects, arrays, numbers, strings, booleans, null.

import type { DatasetName, Locale, Localized } from './locale.ts';
import type { CapturedRun } from './captured.ts';
import type { ShowPayload } from './show.ts';

/** What the host asks the worker to do. */
export interface RunRequest {
  /** Correlates events with the run; the host makes it unique. */
  runId: string;
  /** Learner source, TypeScript or JavaScript (an ES module). */
  code: string;
  /** The exercise whose checks run after the code; absent for a free run. */
  exerciseId?: string;
  /** The locale the learner reads; messages carry both, this picks defaults. */
  locale: Locale;
  /** Base URL (browser) or folder (Node) that holds `<dataset>/manifest.json`. */
  dataBase: string;
  /** Seeds Math.random for the run; default: the exercise's seed, else DEFAULT_SEED. */
  seed?: number;
}

export type LearnerErrorKind =
  | 'syntax'
  | 'runtime'
  | 'unhandled-rejection'
  | 'import'
  | 'timeout'
  | 'stopped'
  | 'out-of-memory'
  | 'worker-lost'
  | 'data';

/** An error as the learner sees it: positions are in the learner's own source. */
export interface LearnerError {
  kind: LearnerErrorKind;
  /** The raw message (from the parser, the runtime or tfjs). */
  message: string;
  /** 1-based line and column in the learner's code, where known. */
  line?: number;
  column?: number;
  /** A friendly explanation of a common failure, in both languages. */
  explanation?: Localized;
}

export type CheckStatus = 'passed' | 'failed' | 'not-attempted';

export interface CheckResult {
  id: string;
  title: Localized;
  status: CheckStatus;
  /** Why it failed or was not attempted: something the learner can act on. */
  message?: Localized;
  /** Graded checks count for the score; ungraded ones are advice. */
  graded: boolean;
}

// ---- events from the worker ----

export type ConsoleLevel = 'log' | 'info' | 'warn' | 'error' | 'table';
export type ModelStep = 'predict' | 'evaluate';

export type RunEvent =
  | { type: 'started'; runId: string; backend: string; backendReason: string; seed: number }
  | { type: 'console'; runId: string; level: ConsoleLevel; text: string }
  | { type: 'output-truncated'; runId: string; limit: number }
  | { type: 'data-progress'; runId: string; dataset: DatasetName; loadedBytes: number; totalBytes: number }
  | { type: 'show'; runId: string; payload: ShowPayload }
  /** A large model.predict / model.evaluate starting or ending (the status line says so). */
  | { type: 'model-step'; runId: string; step: ModelStep; rows: number; phase: 'start' | 'end' }
  | { type: 'error'; runId: string; error: LearnerError }
  /** The learner realm's exports and probe results as data; the host hands them to the check realm. */
  | { type: 'captured'; runId: string; capture: CapturedRun }
  /** Only ever from the check realm: the learner's realm has no say in it. */
  | { type: 'checks'; runId: string; results: CheckResult[] }
  | { type: 'done'; runId: string; ok: boolean; leakedTensors: number; durationMs: number };

/** Everything a finished run produced, as the Node runner returns it. */
export interface RunReport {
  runId: string;
  backend?: string;
  events: RunEvent[];
  console: string[];
  shows: ShowPayload[];
  error?: LearnerError;
  checks: CheckResult[];
  leakedTensors?: number;
  ok: boolean;
}
