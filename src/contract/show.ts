// What `show.*` calls in learner code produce: plain, structured-cloneable
// data that src/viz draws and checks read.
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

/**
 * Marks tfjs callbacks that already stream fit-progress (show.fitCallbacks),
 * so the sandbox adds no second stream and the lean trainer knows they only
 * watch. A registered symbol: the same in every bundle that loads this file.
 */
export const FIT_PROGRESS_MARK = Symbol.for('mnist-course.fit-progress');

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

