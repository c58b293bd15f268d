// show.*: learner code asks for pictures; each call builds a plain payload of
// src/contract/show.ts and hands it to the run context (the page draws it,
// Node records it for checks). Every call also returns its payload.
import * as tf from '@tensorflow/tfjs';
import { maybeRunContext } from './context.ts';
import { fail } from './inputs.ts';
import { modelInfo } from './model-info.ts';
import type { ConfusionMatrixPayload, CrossEntropyPayload, FitProgressPayload, HistogramPayload, HistoryComparePayload, HistoryPayload, HistorySeries, ImagesPayload, ModelGraphPayload, ModelSummaryPayload, ProbabilitiesPayload, ShowPayload } from '../contract/show.ts';
import { FIT_PROGRESS_MARK } from '../contract/show.ts';

type NumbersLike = tf.Tensor | ArrayLike<number> | readonly number[];
type HistoryLike = tf.History | { history: Record<string, unknown[]> } | Record<string, unknown[]>;

function emit<T extends ShowPayload>(payload: T): T {
  maybeRunContext()?.emit(payload);
  return payload;
}

function numbers(x: unknown, what: string): number[] {
  if (x instanceof tf.Tensor) return Array.from(x.dataSync() as ArrayLike<number>, Number);
  if (ArrayBuffer.isView(x)) return Array.from(x as unknown as ArrayLike<number>, Number);
  if (Array.isArray(x)) return (x.flat(Infinity) as unknown[]).map((v) => (v instanceof tf.Tensor ? v.dataSync()[0] : Number(v)));
  return fail(`show: ${what} must be a tensor or an array of numbers.`, `show: ${what}는 텐서나 숫자 배열이어야 합니다.`);
}

/** Class indices from labels or from one-hot/probability rows. */
function classIndices(x: unknown, what: string): number[] {
  if (x instanceof tf.Tensor && x.rank === 2) {
    const indices = tf.tidy(() => x.argMax(1));
    try {
      return numbers(indices, what);
    } finally {
      indices.dispose();
    }
  }
  if (Array.isArray(x) && Array.isArray(x[0])) return (x as number[][]).map((row) => row.indexOf(Math.max(...row)));
  return numbers(x, what).map((v) => Math.round(v));
}

function seriesOf(history: HistoryLike): HistorySeries {
  const record = (history && typeof history === 'object' && 'history' in history ? history.history : history) as Record<string, unknown[]>;
  if (!record || typeof record !== 'object') {
    fail(
      'show.history: pass what model.fit returned (const history = await model.fit(...)).',
      'show.history: model.fit의 반환값을 넘기세요 (const history = await model.fit(...)).',
    );
  }
  const series: HistorySeries = {};
  for (const [key, values] of Object.entries(record)) {
    if (Array.isArray(values)) series[key] = numbers(values, key);
  }
  return series;
}

export function history(h: HistoryLike, options: { title?: string } = {}): HistoryPayload {
  return emit({ kind: 'history', title: options.title, series: seriesOf(h) });
}

export function compare(runs: { label: string; history: HistoryLike }[], options: { title?: string } = {}): HistoryComparePayload {
  return emit({ kind: 'history-compare', title: options.title, runs: runs.map((r) => ({ label: r.label, series: seriesOf(r.history) })) });
}

const BATCH_EVERY_MS = 200;
/** Epoch events at most this often; the epochs in between ride along (FitProgressPayload.earlier). */
const EPOCH_EVERY_MS = 50;

function plainLogs(logs: Record<string, unknown> | undefined): Record<string, number> | undefined {
  if (!logs) return undefined;
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(logs)) {
    out[k] = typeof v === 'number' ? v : v instanceof tf.Tensor ? v.dataSync()[0] : Number(v);
  }
  return out;
}

/** tfjs callbacks that stream `fit-progress` payloads (begin, throttled batches, epochs, end). */
export function fitCallbacks(options: { title?: string } = {}): tf.CustomCallback {
  const fitId = maybeRunContext()?.nextFitId() ?? 0;
  let start = 0;
  let lastBatch = -Infinity;
  let lastEpoch = -Infinity;
  let pending: { epoch: number; logs?: Record<string, number> }[] = [];
  let epoch = 0;
  const params = () => (callback as unknown as { params: Record<string, number | undefined> }).params ?? {};
  const base = (): Omit<FitProgressPayload, 'phase' | 'elapsedMs'> => {
    const p = params();
    const samples = p.samples;
    const batchSize = p.batchSize;
    return {
      kind: 'fit-progress',
      fitId,
      title: options.title,
      epoch,
      epochs: p.epochs ?? 1,
      batches: p.steps ?? (samples && batchSize ? Math.ceil(samples / batchSize) : undefined),
    };
  };
  const now = () => performance.now();
  // The newest pending epoch is the event's own; the ones before it ride along.
  const emitEpochs = (t: number) => {
    const latest = pending.at(-1)!;
    const earlier = pending.slice(0, -1);
    pending = [];
    emit({ ...base(), phase: 'epoch', epoch: latest.epoch, logs: latest.logs, ...(earlier.length > 0 ? { earlier } : {}), elapsedMs: t - start });
  };
  // 'never': this callback never waits for a frame. tfjs's default ('auto')
  // awaits requestAnimationFrame every 125 ms, which exists in a Worker and
  // costs ~15 ms each time there (measured: 24 % of a Chromium WASM epoch
  // with this callback and the NaN watcher). The worker has no UI to keep
  // responsive and posts its events without yielding.
  const callback = new tf.CustomCallback({
    onTrainBegin: async () => {
      start = now();
      epoch = 0;
      lastEpoch = -Infinity;
      pending = [];
      emit({ ...base(), phase: 'begin', elapsedMs: 0 });
    },
    onEpochBegin: async (e) => {
      epoch = e;
    },
    onEpochEnd: async (e, logs) => {
      epoch = e;
      pending.push({ epoch: e, logs: plainLogs(logs) });
      const t = now();
      if (t - lastEpoch < EPOCH_EVERY_MS) return;
      lastEpoch = t;
      emitEpochs(t);
    },
    onTrainEnd: async (logs) => {
      const t = now();
      if (pending.length > 0) emitEpochs(t);
      emit({ ...base(), phase: 'end', logs: plainLogs(logs), elapsedMs: t - start });
    },
  }, 'never');
  // Per batch, CustomCallback would read every log scalar before calling an
  // onBatchEnd (a GPU sync per batch on WebGL). This override checks the
  // clock first and reads the logs (plainLogs) only for the throttled emits.
  callback.onBatchEnd = async (batch: number, logs?: tf.Logs) => {
    const t = now();
    if (t - lastBatch < BATCH_EVERY_MS) return;
    lastBatch = t;
    emit({ ...base(), phase: 'batch', batch, logs: plainLogs(logs), elapsedMs: t - start });
  };
  (callback as unknown as Record<symbol, boolean>)[FIT_PROGRESS_MARK] = true;
  return callback;
}

/** Width, height and 0–255 pixels of the first `count` images of x ([n,h,w], [n,h,w,1] or [n,h*w]). */
function imagePixels(x: unknown, count: number, what: string): { width: number; height: number; pixels: number[][] } {
  const t = x instanceof tf.Tensor ? x : tf.tensor(x as number[]);
  try {
    let width: number;
    let height: number;
    if (t.rank === 3 || (t.rank === 4 && t.shape[3] === 1)) {
      height = t.shape[1];
      width = t.shape[2];
    } else if (t.rank === 2 && Number.isInteger(Math.sqrt(t.shape[1]))) {
      height = width = Math.sqrt(t.shape[1]);
    } else {
      fail(
        `show.images: ${what} has shape [${t.shape}]; expected [n, 28, 28], [n, 28, 28, 1] or [n, 784].`,
        `show.images: ${what}의 모양이 [${t.shape}]입니다. [n, 28, 28], [n, 28, 28, 1]이나 [n, 784]를 넘기세요.`,
      );
    }
    const n = Math.min(count, t.shape[0]);
    const flat = tf.tidy(() => t.slice(0, n).reshape([n, width * height]));
    const values = flat.arraySync() as number[][];
    flat.dispose();
    const max = Math.max(0, ...values.map((row) => Math.max(...row)));
    const scale = max <= 1 ? 255 : 1;
    return { width, height, pixels: values.map((row) => row.map((v) => Math.max(0, Math.min(255, Math.round(v * scale))))) };
  } finally {
    if (t !== x) t.dispose();
  }
}

export interface ImagesOptions {
  labels?: NumbersLike;
  predictions?: NumbersLike | tf.Tensor2D;
  classNames?: string[];
  /** How many images, from the first; default 9. */
  count?: number;
  cols?: number;
  title?: string;
}

export function images(x: tf.Tensor | number[][] | number[][][], options: ImagesOptions = {}): ImagesPayload {
  const { width, height, pixels } = imagePixels(x, options.count ?? 9, 'x');
  const n = pixels.length;
  return emit({
    kind: 'images',
    title: options.title,
    width,
    height,
    pixels,
    labels: options.labels === undefined ? undefined : classIndices(options.labels, 'labels').slice(0, n),
    predictions: options.predictions === undefined ? undefined : classIndices(options.predictions, 'predictions').slice(0, n),
    classNames: options.classNames,
    cols: options.cols,
  });
}

export function confusionMatrix(
  matrixOrYTrue: NumbersLike | number[][],
  yPred?: NumbersLike | tf.Tensor2D,
  options: { classNames?: string[]; images?: tf.Tensor; perCell?: number; title?: string } = {},
): ConfusionMatrixPayload {
  let matrix: number[][];
  let yTrue: number[] | undefined;
  let predicted: number[] | undefined;
  if (yPred === undefined) {
    matrix = matrixOrYTrue instanceof tf.Tensor ? (matrixOrYTrue.arraySync() as number[][]) : (matrixOrYTrue as number[][]).map((r) => Array.from(r));
  } else {
    yTrue = classIndices(matrixOrYTrue, 'yTrue');
    predicted = classIndices(yPred, 'yPred');
    if (yTrue.length !== predicted.length) {
      fail(
        `show.confusionMatrix: ${yTrue.length} true labels but ${predicted.length} predictions.`,
        `show.confusionMatrix: 정답 ${yTrue.length}개와 예측 ${predicted.length}개의 개수가 다릅니다.`,
      );
    }
    const k = Math.max(options.classNames?.length ?? 0, ...yTrue, ...predicted) + (options.classNames ? 0 : 1);
    matrix = Array.from({ length: k }, () => new Array<number>(k).fill(0));
    yTrue.forEach((t, i) => matrix[t][predicted![i]]++);
  }
  const payload: ConfusionMatrixPayload = {
    kind: 'confusion-matrix',
    title: options.title,
    matrix,
    classNames: options.classNames ?? matrix.map((_, i) => String(i)),
  };
  if (options.images && yTrue && predicted) {
    const perCell = options.perCell ?? 3;
    const picked = new Map<string, number[]>();
    yTrue.forEach((t, i) => {
      const key = `${t},${predicted![i]}`;
      const list = picked.get(key) ?? [];
      if (list.length < perCell) picked.set(key, [...list, i]);
    });
    const source = options.images;
    payload.cellImages = {};
    for (const [key, indices] of picked) {
      const subset = tf.tidy(() => tf.gather(source, tf.tensor1d(indices, 'int32')));
      payload.cellImages[key] = imagePixels(subset, indices.length, 'images');
      subset.dispose();
    }
  }
  return emit(payload);
}

export function probabilities(values: NumbersLike, options: { labels?: string[]; trueIndex?: number; title?: string } = {}): ProbabilitiesPayload {
  const v = numbers(values, 'values');
  return emit({
    kind: 'probabilities',
    title: options.title,
    values: v,
    labels: options.labels ?? v.map((_, i) => String(i)),
    trueIndex: options.trueIndex,
  });
}

export function histogram(
  seriesByLabel: Record<string, NumbersLike> | NumbersLike,
  options: { bins?: number; title?: string } = {},
): HistogramPayload {
  const entries: [string, number[]][] =
    seriesByLabel instanceof tf.Tensor || Array.isArray(seriesByLabel) || ArrayBuffer.isView(seriesByLabel)
      ? [['', numbers(seriesByLabel, 'values')]]
      : Object.entries(seriesByLabel as Record<string, NumbersLike>).map(([label, v]) => [label, numbers(v, label)]);
  const binCount = Math.max(1, Math.floor(options.bins ?? 20));
  let lo = Infinity;
  let hi = -Infinity;
  for (const [, values] of entries) for (const v of values) if (Number.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
  if (!Number.isFinite(lo)) { lo = 0; hi = 1; }
  if (hi === lo) hi = lo + 1;
  const width = (hi - lo) / binCount;
  return emit({
    kind: 'histogram',
    title: options.title,
    series: entries.map(([label, values]) => {
      const bins = Array.from({ length: binCount }, (_, i) => ({ x0: lo + i * width, x1: lo + (i + 1) * width, count: 0 }));
      for (const v of values) if (Number.isFinite(v)) bins[Math.min(binCount - 1, Math.floor((v - lo) / width))].count++;
      return { label, bins };
    }),
  });
}

export function summary(model: tf.LayersModel, options: { title?: string } = {}): ModelSummaryPayload {
  return emit({ kind: 'model-summary', title: options.title, ...modelInfo(model) });
}

export function modelGraph(model: tf.LayersModel, options: { title?: string } = {}): ModelGraphPayload {
  const info = modelInfo(model);
  return emit({ kind: 'model-graph', title: options.title, modelName: info.modelName, layers: info.layers });
}

export function crossEntropy(options: { losses: NumbersLike; labels?: string[]; title?: string }): CrossEntropyPayload {
  return emit({ kind: 'cross-entropy', title: options.title, losses: numbers(options.losses, 'losses'), labels: options.labels });
}
