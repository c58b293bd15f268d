// A visible warning when progress cannot be saved: never lose work silently.
import type { Locale } from '../../contract/locale.ts';
import { onStorageProblem } from '../../progress/store.ts';
import { text } from './strings.ts';

export function showStorageWarnings(box: HTMLElement, locale: Locale): () => void {
  return onStorageProblem((problem) => {
    box.textContent = text(locale, problem === 'quota' ? 'storageQuota' : 'storageBlocked');
    box.hidden = false;
  });
}
