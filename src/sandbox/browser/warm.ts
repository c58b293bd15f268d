// The two messages that prepare a sandbox worker before it is given a run
// (client.ts ⇄ worker.ts / check-worker.ts): the page hands a spare worker
// its own copy of the datasets it checked once (src/data/held.ts), and the
// worker says when its backend is up and which datasets it holds. Neither
// is part of a run: a worker ignores `warm` once its run has begun, and the
// page stops listening for `warmed` when it gives the worker a run.
import type { DatasetName } from '../../contract/locale.ts';
import type { HandedDataset } from '../../data/transports/handed.ts';

export interface WarmMessage {
  type: 'warm';
  /** The data base the datasets were loaded from; a run with another base does not use them. */
  dataBase: string;
  datasets: HandedDataset[];
}

export interface WarmedMessage {
  type: 'warmed';
  /** The backend is started; these datasets are held. */
  datasets: DatasetName[];
  /** Sent again once the spare has written its wasm heap ahead of the run (heap-warmer.ts): the bytes written, 0 when it did not. */
  heapBytes?: number;
}

export const isWarmMessage = (value: unknown): value is WarmMessage =>
  typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'warm';

export const isWarmedMessage = (value: unknown): value is WarmedMessage =>
  typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'warmed' && Array.isArray((value as { datasets?: unknown }).datasets);

/** The worker's side: keeps what the page hands over until the run asks for it. */
export class HandedData {
  readonly datasets = new Map<DatasetName, HandedDataset>();
  dataBase = '';

  take(message: WarmMessage): void {
    if (this.dataBase !== message.dataBase) this.datasets.clear();
    this.dataBase = message.dataBase;
    for (const dataset of message.datasets) this.datasets.set(dataset.name, dataset);
  }

  /** The handed datasets if they came from `dataBase`, else none. */
  for(dataBase: string): ReadonlyMap<DatasetName, HandedDataset> {
    return dataBase === this.dataBase ? this.datasets : new Map();
  }
}
