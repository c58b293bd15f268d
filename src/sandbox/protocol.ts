// The messages between a host (the lesson page, or the Node runner) and the
// worker that runs learner code. Everything here must survive structuredClone
// and JSON: plain objects, arrays, numbers, strings, booleans, null.

export type Locale = 'ko' | 'en';
export type Localized = { ko: string; en: string };
export type DatasetName = 'mnist' | 'fashion-mnist';

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

// ---- show payloads (drawn by src/viz) ----

export type HistorySeries = Record<string, number[]>;

export interface HistoryPayload {
  kind: 'history';
  title?: string;
  /** Keras-style keys: loss, val_loss, acc|accuracy, val_acc|val_accuracy. */
  series: HistorySeries;
}

export interface HistoryComparePayload {
  kind: 'history-compare';
  title?: string;
  runs: { label: string; series: HistorySeries }[];
}

export interface FitProgressPayload {
  kind: 'fit-progress';
  /** Distinguishes several fits in one run (e.g. two models compared). */
  fitId: number;
  title?: string;
  phase: 'begin' | 'batch' | 'epoch' | 'end';
  /** 0-based epoch index and the total asked for. */
  epoch: number;
  epochs: number;
  /** 0-based batch index within the epoch and batches per epoch (when known). */
  batch?: number;
  batches?: number;
  /** Metrics of the batch or epoch just finished. */
  logs?: Record<string, number>;
  /**
   * Epoch events: the epochs finished since the previous epoch event, oldest
   * first. Epoch events go out at most every 50 ms (a tiny model can finish
   * thousands of epochs a second); none is lost, later ones carry the rest.
   */
  earlier?: { epoch: number; logs?: Record<string, number> }[];
  /** Milliseconds since the fit began (for an ETA). */
  elapsedMs: number;
}

export interface ImagesPayload {
  kind: 'images';
  title?: string;
  width: number;
  height: number;
  /** One array of width*height grey levels 0–255 per image. */
  pixels: number[][];
  labels?: number[];
  predictions?: number[];
  classNames?: string[];
  cols?: number;
}

export interface ConfusionMatrixPayload {
  kind: 'confusion-matrix';
  title?: string;
  /** matrix[true][predicted] */
  matrix: number[][];
  classNames: string[];
  /** A few example images per cell, keyed "true,predicted" (optional). */
  cellImages?: Record<string, { width: number; height: number; pixels: number[][] }>;
}

export interface ProbabilitiesPayload {
  kind: 'probabilities';
  title?: string;
  values: number[];
  labels: string[];
  /** Index of the true class, when known. */
  trueIndex?: number;
}

export interface HistogramPayload {
  kind: 'histogram';
  title?: string;
  series: { label: string; bins: { x0: number; x1: number; count: number }[] }[];
}

export interface ModelLayerRow {
  name: string;
  className: string;
  /** Keras notation: `null` for the batch dimension. */
  inputShape: (number | null)[][];
  outputShape: (number | null)[];
  params: number;
  trainable: boolean;
  /** Names of the layers feeding this one. */
  inbound: string[];
}

export interface ModelSummaryPayload {
  kind: 'model-summary';
  title?: string;
  modelName: string;
  layers: ModelLayerRow[];
  totalParams: number;
  trainableParams: number;
  nonTrainableParams: number;
}

export interface ModelGraphPayload {
  kind: 'model-graph';
  title?: string;
  modelName: string;
  layers: ModelLayerRow[];
}

export interface CrossEntropyPayload {
  kind: 'cross-entropy';
  title?: string;
  /** Loss values to place on the −log p curve (p = e^−loss). */
  losses: number[];
  labels?: string[];
}

export type ShowPayload =
  | HistoryPayload
  | HistoryComparePayload
  | FitProgressPayload
  | ImagesPayload
  | ConfusionMatrixPayload
  | ProbabilitiesPayload
  | HistogramPayload
  | ModelSummaryPayload
  | ModelGraphPayload
  | CrossEntropyPayload;

// ---- events from the worker ----

export type ConsoleLevel = 'log' | 'info' | 'warn' | 'error' | 'table';

export type RunEvent =
  | { type: 'started'; runId: string; backend: string; backendReason: string }
  | { type: 'console'; runId: string; level: ConsoleLevel; text: string }
  | { type: 'output-truncated'; runId: string; limit: number }
  | { type: 'data-progress'; runId: string; dataset: DatasetName; loadedBytes: number; totalBytes: number }
  | { type: 'show'; runId: string; payload: ShowPayload }
  | { type: 'error'; runId: string; error: LearnerError }
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
