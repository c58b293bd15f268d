// The whole progress at once: the progress page's table and reset, export and
// import (transfer.ts). Apart from store.ts so lesson pages, whose quizzes load
// the store before any interaction, do not carry it.
import { KEY_PREFIX, listKeys, readItem, removeItem, writeItem, type WriteResult } from './storage.ts';
import { draftKey, isDraft, isStatusRecord, notifyChange, parse, readLearnerName, saveLearnerName, statusKey, type Draft, type StatusRecord } from './store.ts';
import { isLastRun, saveLastRun, type LastRun } from './last-run.ts';

export interface ProgressSnapshot {
  statuses: Record<string, StatusRecord>;
  drafts: Record<string, Draft>;
  /** Each exercise's latest run, so a hand-in made after an import still carries results. */
  lastRuns: Record<string, LastRun>;
  learnerName: string | null;
}

export function readAll(): ProgressSnapshot {
  const snapshot: ProgressSnapshot = { statuses: {}, drafts: {}, lastRuns: {}, learnerName: readLearnerName() };
  for (const key of listKeys()) {
    if (key.startsWith('status:')) {
      const record = parse(readItem(KEY_PREFIX + key), isStatusRecord);
      if (record) snapshot.statuses[key.slice('status:'.length)] = record;
    } else if (key.startsWith('draft:')) {
      const draft = parse(readItem(KEY_PREFIX + key), isDraft);
      if (draft) snapshot.drafts[key.slice('draft:'.length)] = draft;
    } else if (key.startsWith('run:')) {
      const run = parse(readItem(KEY_PREFIX + key), isLastRun);
      if (run) snapshot.lastRuns[key.slice('run:'.length)] = run;
    }
  }
  return snapshot;
}

/** Writes a whole snapshot (after import); returns the first failure, if any. */
export function writeAll(snapshot: ProgressSnapshot): WriteResult {
  let result: WriteResult = { ok: true };
  const keep = (r: WriteResult) => {
    if (result.ok && !r.ok) result = r;
  };
  for (const [id, record] of Object.entries(snapshot.statuses)) keep(writeItem(statusKey(id), JSON.stringify(record)));
  for (const [id, draft] of Object.entries(snapshot.drafts)) keep(writeItem(draftKey(id), JSON.stringify(draft)));
  for (const [id, run] of Object.entries(snapshot.lastRuns)) keep(saveLastRun(id, run));
  if (snapshot.learnerName) keep(saveLearnerName(snapshot.learnerName));
  notifyChange(null);
  return result;
}

/** Forgets every status, draft, last run and the learner's name. */
export function resetAll(): void {
  for (const key of listKeys()) removeItem(KEY_PREFIX + key);
  notifyChange(null);
}
