// The run context: what the sandbox hands the `course` module for the one run
// in progress (where show payloads go, where data comes from, the locale).
// A worker or child process runs one learner program at a time, so a single
// module-level slot is enough.
import type { Tensor } from '@tensorflow/tfjs';
import type { Transport } from '../data/transport.ts';
import type { DatasetName, Locale } from '../contract/locale.ts';
import type { ShowPayload } from '../contract/show.ts';

export interface RunContext {
  runId: string;
  locale: Locale;
  environment: 'browser' | 'node';
  /** Hands a show payload to the host (posted to the page, or recorded). */
  emit(payload: ShowPayload): void;
  transport: Transport;
  dataProgress(dataset: DatasetName, loadedBytes: number, totalBytes: number): void;
  /** Tensors that loadData handed out: data, not leaks. */
  dataTensors: Set<Tensor>;
  /** Models saved with saveModel (in Node they are only recorded). */
  savedModels: string[];
  /** Ids for automatic and explicit fit-progress streams. */
  nextFitId(): number;
}

let current: RunContext | undefined;

export function setRunContext(context: RunContext | undefined): void {
  current = context;
}

export function runContext(): RunContext {
  if (!current) {
    throw new Error(
      "course: this function works only inside an exercise run (the sandbox sets it up) / 연습 문제 실행 안에서만 쓸 수 있는 함수입니다.",
    );
  }
  return current;
}

/** The context if a run is active; show.* is a no-op outside one. */
export function maybeRunContext(): RunContext | undefined {
  return current;
}
