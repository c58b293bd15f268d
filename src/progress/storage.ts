// Access to localStorage that never loses work silently: every failure
// (quota full, storage blocked in private mode or by policy) is reported to
// listeners, which show a visible warning, and the value is kept in memory so
// the current page keeps working.

export type StorageProblem = 'quota' | 'blocked';
export type WriteResult = { ok: true } | { ok: false; problem: StorageProblem; message: string };

type Listener = (problem: StorageProblem, message: string) => void;

const listeners = new Set<Listener>();
/** Values we could not persist; read before storage so the page stays consistent. */
const memory = new Map<string, string | null>();
let lastProblem: { problem: StorageProblem; message: string } | null = null;

export const KEY_PREFIX = 'mnist-course:v1:';

/** Calls `listener` for every storage failure, and at once for a past one. */
export function onStorageProblem(listener: Listener): () => void {
  listeners.add(listener);
  if (lastProblem) listener(lastProblem.problem, lastProblem.message);
  return () => listeners.delete(listener);
}

function report(problem: StorageProblem, message: string): WriteResult {
  lastProblem = { problem, message };
  for (const listener of listeners) listener(problem, message);
  return { ok: false, problem, message };
}

function classify(error: unknown): StorageProblem {
  const name = (error as { name?: string } | null)?.name ?? '';
  const code = (error as { code?: number } | null)?.code;
  // Firefox names it NS_ERROR_DOM_QUOTA_REACHED; old WebKit uses code 22.
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014) return 'quota';
  return 'blocked';
}

function storage(): Storage | null {
  try {
    // Reading the property itself throws SecurityError when storage is blocked.
    return globalThis.localStorage ?? null;
  } catch (error) {
    report('blocked', String(error));
    return null;
  }
}

export function readItem(key: string): string | null {
  if (memory.has(key)) return memory.get(key) ?? null;
  const store = storage();
  if (!store) return null;
  try {
    return store.getItem(key);
  } catch (error) {
    report(classify(error), String(error));
    return null;
  }
}

export function writeItem(key: string, value: string): WriteResult {
  const store = storage();
  if (!store) {
    memory.set(key, value);
    return lastProblem ? { ok: false, ...lastProblem } : report('blocked', 'localStorage is not available');
  }
  try {
    store.setItem(key, value);
    memory.delete(key);
    return { ok: true };
  } catch (error) {
    memory.set(key, value);
    return report(classify(error), String(error));
  }
}

export function removeItem(key: string): void {
  memory.set(key, null);
  const store = storage();
  if (!store) return;
  try {
    store.removeItem(key);
    memory.delete(key);
  } catch (error) {
    report(classify(error), String(error));
  }
}

/** Every key of ours (persisted or only in memory), without the prefix. */
export function listKeys(): string[] {
  const keys = new Set<string>();
  const store = storage();
  if (store) {
    try {
      for (let i = 0; i < store.length; i++) {
        const key = store.key(i);
        if (key?.startsWith(KEY_PREFIX)) keys.add(key.slice(KEY_PREFIX.length));
      }
    } catch (error) {
      report(classify(error), String(error));
    }
  }
  for (const [key, value] of memory) {
    if (!key.startsWith(KEY_PREFIX)) continue;
    if (value === null) keys.delete(key.slice(KEY_PREFIX.length));
    else keys.add(key.slice(KEY_PREFIX.length));
  }
  return [...keys].sort();
}

/** For tests: forget the in-memory fallback and the last problem. */
export function resetStorageStateForTests(): void {
  memory.clear();
  lastProblem = null;
  listeners.clear();
}
