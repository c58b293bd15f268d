// The learner's progress: a status per item (exercise id or `quiz:<lesson>:<n>`)
// and a draft per exercise. Everything lives in localStorage under one prefix;
// failures surface through onStorageProblem (see storage.ts), never silently.
// The whole progress at once (progress page, export, import, reset) is in
// snapshot.ts: the quiz on every lesson page loads this module, not that one.
import { KEY_PREFIX, readItem, removeItem, writeItem, type WriteResult } from './storage.ts';

export { onStorageProblem, type StorageProblem, type WriteResult } from './storage.ts';

export type ItemStatus = 'not-started' | 'in-progress' | 'passed';
export const ITEM_STATUSES: readonly ItemStatus[] = ['not-started', 'in-progress', 'passed'];

export interface StatusRecord {
  status: ItemStatus;
  /** ISO time of the last change. */
  updatedAt: string;
}

export interface Draft {
  code: string;
  /** hashText() of the starter this draft began from. */
  starterHash: string;
  /** ISO time of the last save. */
  savedAt: string;
}

export const statusKey = (itemId: string) => `${KEY_PREFIX}status:${itemId}`;
export const draftKey = (exerciseId: string) => `${KEY_PREFIX}draft:${exerciseId}`;
const NAME_KEY = `${KEY_PREFIX}learner-name`;

/** `text` as JSON when `valid` accepts it, else null. */
export function parse<T>(text: string | null, valid: (value: unknown) => value is T): T | null {
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(text);
    return valid(value) ? value : null;
  } catch {
    return null;
  }
}

export function isStatus(value: unknown): value is ItemStatus {
  return typeof value === 'string' && (ITEM_STATUSES as readonly string[]).includes(value);
}

export function isStatusRecord(value: unknown): value is StatusRecord {
  const v = value as StatusRecord | null;
  return typeof v === 'object' && v !== null && isStatus(v.status) && typeof v.updatedAt === 'string';
}

export function isDraft(value: unknown): value is Draft {
  const v = value as Draft | null;
  return typeof v === 'object' && v !== null && typeof v.code === 'string' && typeof v.starterHash === 'string' && typeof v.savedAt === 'string';
}

export function recordStatus(itemId: string, status: ItemStatus): WriteResult {
  if (!isStatus(status)) throw new Error(`recordStatus(${JSON.stringify(itemId)}): unknown status ${JSON.stringify(status)}; use one of ${ITEM_STATUSES.join(', ')}`);
  const record: StatusRecord = { status, updatedAt: new Date().toISOString() };
  const result = writeItem(statusKey(itemId), JSON.stringify(record));
  notifyChange(itemId);
  return result;
}

export function readStatus(itemId: string): ItemStatus {
  return parse(readItem(statusKey(itemId)), isStatusRecord)?.status ?? 'not-started';
}

/** Marks an item as started unless it has already passed (passing is never undone by editing). */
export function markInProgress(itemId: string): void {
  if (readStatus(itemId) === 'not-started') recordStatus(itemId, 'in-progress');
}

export function saveDraft(exerciseId: string, code: string, starterHash: string): WriteResult {
  const draft: Draft = { code, starterHash, savedAt: new Date().toISOString() };
  return writeItem(draftKey(exerciseId), JSON.stringify(draft));
}

export function readDraft(exerciseId: string): Draft | null {
  return parse(readItem(draftKey(exerciseId)), isDraft);
}

export function clearDraft(exerciseId: string): void {
  removeItem(draftKey(exerciseId));
}

export function readLearnerName(): string | null {
  const name = readItem(NAME_KEY);
  return name && name.trim() ? name : null;
}

export function saveLearnerName(name: string): WriteResult {
  return writeItem(NAME_KEY, name.trim());
}

// Other parts of the page (the progress table, a lesson's status badge) follow
// changes through a DOM event; `itemId` null means "everything may have changed".
export const PROGRESS_EVENT = 'mnist-course:progress';

/** Tells listeners of PROGRESS_EVENT; snapshot.ts calls it too. */
export function notifyChange(itemId: string | null): void {
  if (typeof globalThis.dispatchEvent === 'function' && typeof CustomEvent === 'function') {
    globalThis.dispatchEvent(new CustomEvent(PROGRESS_EVENT, { detail: { itemId } }));
  }
}
