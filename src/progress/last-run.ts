// What an exercise's latest run reported, kept per exercise so the assignment
// page can hand in results, backend and seed for exercises run on their
// lesson pages. Apart from store.ts: lesson pages load the store before any
// interaction; only the exercise panel and the assignment page load this.
import type { Localized } from '../contract/locale.ts';
import type { CheckStatus } from '../contract/protocol.ts';
import { KEY_PREFIX, readItem, writeItem, type WriteResult } from './storage.ts';
import { parse } from './store.ts';

export interface LastRun {
  /** The checks' verdicts, messages in both languages (the hand-in keeps the learner's). */
  results: { id: string; status: CheckStatus; message?: Localized }[];
  /** The tfjs backend it ran on, e.g. "wasm". */
  backend: string;
  /** The run's seed, so a re-grade trains the same model. */
  seed?: number;
  /** ISO time the learner opened the exercise for this run. */
  startedAt: string;
}

export const lastRunKey = (exerciseId: string) => `${KEY_PREFIX}run:${exerciseId}`;

const STATUSES: readonly string[] = ['passed', 'failed', 'not-attempted'];

export function isLastRun(value: unknown): value is LastRun {
  const v = value as LastRun | null;
  return typeof v === 'object' && v !== null && typeof v.backend === 'string' && typeof v.startedAt === 'string'
    && (v.seed === undefined || typeof v.seed === 'number') && Array.isArray(v.results)
    && v.results.every((r) => typeof r === 'object' && r !== null && typeof r.id === 'string' && STATUSES.includes(r.status));
}

export function saveLastRun(exerciseId: string, run: LastRun): WriteResult {
  const kept: LastRun = { ...run, results: run.results.map(({ id, status, message }) => (message ? { id, status, message } : { id, status })) };
  return writeItem(lastRunKey(exerciseId), JSON.stringify(kept));
}

export function readLastRun(exerciseId: string): LastRun | null {
  return parse(readItem(lastRunKey(exerciseId)), isLastRun);
}
