// What Exercise.astro hands the client, as JSON inside the panel.
import type { DatasetName, Locale } from '../../contract/locale.ts';

export interface PanelConfig {
  id: string;
  locale: Locale;
  /** The starter in the page's language (the editor's first text, Reset). */
  starter: string;
  /** hashText of starter.ts as written (both languages): drafts remember which starter they began from, whichever page's language. */
  starterHash: string;
  /** computeContentVersion of the exercise, for submissions. */
  contentVersion: string;
  timeBudgetMs: number;
  /** The datasets the exercise reads: the page loads them while the learner reads (warmUp). */
  datasets: DatasetName[];
}

export function readConfig(root: HTMLElement): PanelConfig {
  const script = root.querySelector('script[data-part="config"]');
  if (!script?.textContent) throw new Error('<course-exercise>: no config script; render it with Exercise.astro');
  return JSON.parse(script.textContent) as PanelConfig;
}
