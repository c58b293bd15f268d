// Turns the panel into a workspace once it is live: editor and output side by
// side where there is room (workspace.css; stacked on narrow screens), a
// resizable split, the page's right column used on wide screens, and a
// full-window mode. Before that the panel is plain, narrow HTML (page weight).
import type { Locale } from '../../contract/locale.ts';
import { breakOutToTheRight } from './breakout.ts';
import { attachFocusMode } from './focus-mode.ts';
import { attachResizer } from './resizer.ts';
import './workspace.css';

export function setUpWorkspace(root: HTMLElement, locale: Locale): void {
  const workspace = root.querySelector<HTMLElement>('[data-part="workspace"]');
  const separator = root.querySelector<HTMLElement>('[data-part="resizer"]');
  const toggle = root.querySelector<HTMLButtonElement>('button[data-action="focus"]');
  if (!workspace || !separator || !toggle) throw new Error('<course-exercise>: Exercise.astro and workspace.ts disagree on the workspace markup');
  root.dataset.workspace = '';
  breakOutToTheRight(root);
  separator.hidden = false;
  attachResizer(separator, workspace, locale);
  attachFocusMode(root, toggle, locale);
}
