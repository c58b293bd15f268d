// Saves the editor's text as the learner types (debounced) and whenever the
// page may go away (pagehide, tab hidden), so a reload or crash loses at most
// the last half second.
import { markInProgress, saveDraft } from '../../progress/store.ts';

export interface DraftSync {
  /** Call on every change. */
  changed(): void;
  /** Save now (if anything changed). */
  flush(): void;
  dispose(): void;
}

export function syncDraft(exerciseId: string, starterHash: string, read: () => string, delayMs = 500): DraftSync {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let dirty = false;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!dirty) return;
    dirty = false;
    saveDraft(exerciseId, read(), starterHash);
    markInProgress(exerciseId);
  };
  const onHidden = () => {
    if (document.visibilityState === 'hidden') flush();
  };
  addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', onHidden);
  return {
    changed() {
      dirty = true;
      if (timer) clearTimeout(timer);
      timer = setTimeout(flush, delayMs);
    },
    flush,
    dispose() {
      flush();
      removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onHidden);
    },
  };
}
